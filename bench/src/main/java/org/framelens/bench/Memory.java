package org.framelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process memory: peak resident set size from {@code /proc/self/status} and heap used after GC. */
final class Memory {
    /** Peak RSS (VmHWM), heap used after a full GC and heap committed, in MB; RSS is -1 without {@code /proc}. */
    record Snapshot(double peakRssMb, double heapAfterGcMb, double heapCommittedMb) {
    }

    private Memory() {
    }

    /** Takes a snapshot, running the collector first so that the heap figure is the live set. */
    static Snapshot now() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        return new Snapshot(peakRssMb(), heap, rt.totalMemory() / 1048576.0);
    }

    /** The one-minute load average from {@code /proc/loadavg}, or -1: a high value means the figures are noisy. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM of this process in MB, or -1 if it cannot be read. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
