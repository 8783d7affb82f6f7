package org.framelens.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A fresh JVM on this one's classpath and collector, with {@code OMP_NUM_THREADS=1}, that reports one marker line. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java HEAP [collector] [jvmOptions] -cp CLASSPATH MAIN ARGS}. */
    static List<String> command(String heap, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap));
        // the garbage-collector choice of this JVM (-XX:+Use...GC), so that children measure the same setup
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:+Use") && a.endsWith("GC")).forEach(command::add);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} to its end and returns its last output line starting with {@code marker}. */
    static String run(List<String> command, String marker) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process child = pb.start();
        String found = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(marker)) {
                    found = line;
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || found == null) {
            throw new IllegalStateException(command.get(command.size() - 1) + " child JVM failed with exit code "
                    + exit);
        }
        return found;
    }
}
