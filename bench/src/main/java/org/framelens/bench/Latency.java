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

    /** Calls {@code call} on each input once to warm up, then {@code calls} times cycling through the inputs. */
    static Result measure(List<String> inputs, int calls, Consumer<String> call) {
        for (String s : inputs) {
            call.accept(s);
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
