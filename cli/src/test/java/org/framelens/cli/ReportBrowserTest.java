package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.framelens.FramingDevice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the seed article's report in a real headless Chromium and checks the screenshot's pixels: the highlight
 * colour of the device family covers far more area than its legend swatch, so the highlights themselves render.
 * Skips (with a message) where Chromium is not installed or cannot run; {@code scripts/install-chromium.sh}
 * installs it on Debian.
 */
class ReportBrowserTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 2000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void highlightsRenderInChromium(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null,
                "Chromium not found (/usr/bin/chromium); run scripts/install-chromium.sh to enable this test");
        Path html = dir.resolve("seed-report.html");
        CliTest.Result r = CliTest.run("report", CliTest.SEED.toString(), "-o", html.toString());
        assertEquals(0, r.code(), r.err());

        Path png = dir.resolve("seed-report.png");
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--hide-scrollbars", "--force-color-profile=srgb",
                "--force-device-scale-factor=1", "--user-data-dir=" + dir.resolve("profile"),
                "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        boolean done = p.waitFor(20, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Assumptions.assumeTrue(done && Files.isRegularFile(png) && Files.size(png) > 0,
                () -> "Chromium could not take a screenshot (" + (done ? "exit " + p.exitValue() : "timed out")
                        + "): " + tail(dir.resolve("chromium.log")));

        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(WIDTH, img.getWidth());
        String css = HtmlArticleReport.PALETTE.get(FramingDevice.LOADED_WORDING).background();
        int highlight = Integer.parseInt(css.substring(1), 16);
        int swatch = Integer.parseInt(HtmlArticleReport.PALETTE.get(FramingDevice.FEAR).background().substring(1), 16);
        Map<Integer, Integer> counts = count(img, List.of(highlight, swatch));
        // the seed article's phrases are all loaded_wording (the model's top device for each sentence); the fear
        // colour appears only in its legend swatch, which gives the scale of one swatch
        assertTrue(counts.get(swatch) > 20, "legend swatch renders: " + counts);
        assertTrue(counts.get(highlight) > 20 * counts.get(swatch),
                "highlighted phrases cover far more than a swatch: " + counts);
        assertTrue(counts.get(highlight) > 5_000, "highlight pixels: " + counts);
    }

    private static Map<Integer, Integer> count(BufferedImage img, List<Integer> colours) {
        int[] n = new int[colours.size()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                for (int i = 0; i < n.length; i++) {
                    if (close(rgb, colours.get(i))) {
                        n[i]++;
                    }
                }
            }
        }
        return Map.of(colours.get(0), n[0], colours.get(1), n[1]);
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 3) {
                return false;
            }
        }
        return true;
    }

    private static Path chromium() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String env = System.getenv("FRAMELENS_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(0, Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                    candidates.add(Path.of(d, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
