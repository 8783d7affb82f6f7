package org.framelens.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.framelens.FrameLens;

/**
 * Cold start: {@link #main} is the child (load the default model, score one sentence, print a marker);
 * {@link #measure} launches it in a fresh JVM and times process start to exit.
 */
public final class ColdStart {
    static final String MARKER = "FRAMELENS_COLDSTART_DONE";

    /** Wall seconds of each launch, the median, and the child's own peak RSS in MB (-1 if not reported). */
    record Result(List<Double> runsSeconds, double medianSeconds, double childPeakRssMb) {
        Result {
            runsSeconds = List.copyOf(runsSeconds);
        }
    }

    private ColdStart() {
    }

    /** Child entry point: loads the default model and scores one sentence. */
    public static void main(String[] args) {
        double p = FrameLens.loadDefault().score("Moscow cannot withstand its red lines being broken.").probability();
        System.out.println(MARKER + " p=" + p + " rssMb=" + Memory.peakRssMb());
    }

    /** The garbage-collector choice of this JVM ({@code -XX:+Use...GC}), passed on to child JVMs. */
    static List<String> collectorOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:+Use") && a.endsWith("GC")).toList();
    }

    /** Launches the child {@code runs} times with the same java binary and classpath, {@code -Xmx512m}. */
    static Result measure(int runs) throws IOException, InterruptedException {
        return measure(runs, List.of());
    }

    /**
     * The same with an AppCDS archive, as the {@code framelens} launcher uses: one launch writes the archive of the
     * classes it loaded, then {@code runs} launches map it instead of parsing and verifying those classes again.
     */
    static Result measureWithClassDataSharing(int runs) throws IOException, InterruptedException {
        Path archive = java.nio.file.Files.createTempFile("framelens-coldstart", ".jsa");
        try {
            java.nio.file.Files.delete(archive);
            measure(1, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            return measure(runs, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        } finally {
            java.nio.file.Files.deleteIfExists(archive);
        }
    }

    private static Result measure(int runs, List<String> jvmOptions) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> seconds = new ArrayList<>();
        double rss = -1;
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            command.addAll(collectorOptions());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", "1");
            long t0 = System.nanoTime();
            Process child = pb.start();
            String marker = null;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(MARKER)) {
                        marker = line;
                    }
                }
            }
            int exit = child.waitFor();
            seconds.add((System.nanoTime() - t0) / 1e9);
            if (exit != 0 || marker == null) {
                throw new IllegalStateException("cold-start child failed with exit code " + exit);
            }
            rss = Double.parseDouble(marker.substring(marker.indexOf("rssMb=") + 6));
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return new Result(seconds, sorted.get(sorted.size() / 2), rss);
    }
}
