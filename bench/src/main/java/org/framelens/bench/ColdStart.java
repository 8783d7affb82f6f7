package org.framelens.bench;

import java.io.IOException;
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
        List<Double> seconds = new ArrayList<>();
        double rss = -1;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            String marker = ChildJvm.run(ChildJvm.command("-Xmx512m", jvmOptions, ColdStart.class), MARKER);
            seconds.add((System.nanoTime() - t0) / 1e9);
            rss = Double.parseDouble(marker.substring(marker.indexOf("rssMb=") + 6));
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        return new Result(seconds, sorted.get(sorted.size() / 2), rss);
    }
}
