package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.framelens.cli.CliTest.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user error gives exit 1 and exactly one {@code framelens: error:} line, with no stack trace. */
class CliReliabilityTest {
    @TempDir
    Path dir;

    static void assertOneLineError(Result r, String... mustContain) {
        assertEquals(1, r.code(), r.err());
        long errors = r.err().lines().filter(l -> l.startsWith("framelens: error: ")).count();
        assertEquals(1, errors, "one error line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        String errorLine = r.err().lines().filter(l -> l.startsWith("framelens: error: ")).findFirst().orElseThrow();
        for (String s : mustContain) {
            assertTrue(errorLine.contains(s), "'" + s + "' in: " + errorLine);
        }
    }

    private Path smallCsv() throws Exception {
        StringBuilder csv = new StringBuilder("sentence,bias\n");
        String[] loaded = {"disastrous", "shameful", "reckless", "so-called"};
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "The council approved the budget on " + (i % 28 + 1) + " May.,0\n"
                    : "The council approved the " + loaded[i % 4] + " budget on " + (i % 28 + 1) + " May.,1\n");
        }
        return Files.writeString(dir.resolve("small.csv"), csv);
    }

    private static final String[] MAPPING = {"--text-column", "sentence", "--label-column", "bias",
        "--positive-label", "1"};

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void missingDataFileForEveryCorpusCommand() {
        String missing = dir.resolve("missing.csv").toString();
        assertOneLineError(CliTest.run(concat(new String[] {"eval", "--data", missing}, MAPPING)), "missing.csv");
        assertOneLineError(CliTest.run(concat(new String[] {"train", "--data", missing, "--out",
            dir.resolve("m.zip").toString()}, MAPPING)), "missing.csv");
        assertOneLineError(CliTest.run(concat(new String[] {"cv", "--data", missing}, MAPPING)), "missing.csv");
        assertOneLineError(CliTest.run("corpus", missing), "missing.csv");
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void directoryInsteadOfAFile() {
        String d = dir.toString();
        assertOneLineError(CliTest.run("corpus", d), "directory");
        assertOneLineError(CliTest.run(concat(new String[] {"eval", "--data", d}, MAPPING)), "directory");
        assertOneLineError(CliTest.run("score", d), "directory");
        assertOneLineError(CliTest.run("score", "--model", d, CliTest.SEED.toString()));
    }

    @Test
    void binaryAndNonUtf8Inputs() throws Exception {
        Path binary = Files.write(dir.resolve("b.jsonl"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80});
        assertOneLineError(CliTest.run("corpus", binary.toString()), "b.jsonl");
        assertOneLineError(CliTest.run(concat(new String[] {"eval", "--data", binary.toString()}, MAPPING)),
                "b.jsonl", "UTF-8");
        Path binaryZip = Files.write(dir.resolve("b.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        assertOneLineError(CliTest.run("score", "--model", binaryZip.toString(), CliTest.SEED.toString()), "b.zip");
        assertOneLineError(CliTest.run("model-card", "--model", binaryZip.toString(), "--out",
            dir.resolve("card.md").toString()), "b.zip");
    }

    @Test
    void unreadableFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "The council approved the budget.");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(secret), "running as root: permissions do not apply");
        assertOneLineError(CliTest.run("score", secret.toString()), "secret.txt");
    }

    @Test
    void unknownOptionsAreUsageErrorsForEveryCommand() {
        for (String command : new String[] {"score", "train", "eval", "cv", "corpus", "model-card"}) {
            Result r = CliTest.run(command, "--no-such-option");
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("Unknown option") || r.err().contains("Missing required"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertEquals(2, CliTest.run("train", "--data", "x.csv").code(), "--out is required");
        assertEquals(2, CliTest.run("train", "--data", "x.csv", "--out", "m.zip", "--prior", "1.5").code());
        assertEquals(2, CliTest.run("eval").code(), "--data is required");
        assertEquals(2, CliTest.run("cv", "--data", "x.csv", "--folds", "1").code());
        assertEquals(2, CliTest.run("score", "--threshold", "abc").code());
    }

    @Test
    void unwritableOutputFailsWithOneLine() throws Exception {
        Path data = smallCsv();
        Result r = CliTest.run(concat(new String[] {"train", "--data", data.toString(), "--out",
            "/proc/forbidden/x.zip", "--epochs", "1"}, MAPPING));
        assertOneLineError(r, "/proc/forbidden/x.zip");
        assertFalse(r.err().contains("epoch 1/"), "fails before spending time on training: " + r.err());
    }

    @Test
    void stdinIsReadWithDash() throws Exception {
        Result text = withStdin("The council approved the budget.\nThe so-called reform failed.\n".getBytes(
                StandardCharsets.UTF_8), "score", "-");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("2 sentences"), text.out());

        Result noArgument = withStdin("Lawmakers debated.".getBytes(StandardCharsets.UTF_8), "score",
                "--format", "jsonl");
        assertEquals(0, noArgument.code(), noArgument.err());
        assertEquals(1, noArgument.out().lines().count(), noArgument.out());

        Result empty = withStdin(new byte[0], "score", "-");
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.out().contains("0 sentences"), empty.out());

        assertOneLineError(withStdin(new byte[] {1, 0, 2, 0}, "score", "-"), "binary");
        assertOneLineError(withStdin(new byte[] {'c', 'a', 'f', (byte) 0xE9}, "score", "-"), "UTF-8");
    }

    private static Result withStdin(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(saved);
        }
    }
}
