package org.framelens.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Single-call latency percentiles from sorted {@code nanoTime} deltas. */
final class Latency {
    /** Percentiles in milliseconds over {@code calls} calls. */
    record Result(double p50Ms, double p90Ms, double p99Ms, double meanMs, int calls) {
    }

    private Latency() {
    }

    /**
     * Calls {@code call} cycling through the inputs for {@code warmupMs} (at least one pass), so that the JIT has
     * compiled the single-sentence path and the caches are warm, then {@code calls} timed times.
     */
    static Result measure(List<String> inputs, int calls, long warmupMs, Consumer<String> call) {
        long warmEnd = System.nanoTime() + warmupMs * 1_000_000;
        for (int i = 0; i < inputs.size() || System.nanoTime() < warmEnd; i++) {
            call.accept(inputs.get(i % inputs.size()));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            String s = inputs.get(i % inputs.size());
            long t0 = System.nanoTime();
            call.accept(s);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        return new Result(pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), mean, calls);
    }

    private static double pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
