package org.framelens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Timed throughput of a unit of work run repeatedly by N threads after a warm-up. */
final class Throughput {
    /** One unit of work: thread {@code thread} runs its {@code round}-th chunk and returns the sentences done. */
    @FunctionalInterface
    interface Work {
        int run(int thread, int round);
    }

    /** Sentences per second for one configuration. */
    record Result(String name, int threads, int batch, double sentencesPerSecond) {
    }

    private Throughput() {
    }

    /** Warms up for {@code warmupMs}, then measures for {@code measureMs}, each on {@code threads} threads. */
    static Result measure(String name, int threads, int batch, long warmupMs, long measureMs, Work work) {
        run(threads, warmupMs, work);
        return new Result(name, threads, batch, run(threads, measureMs, work));
    }

    private static double run(int threads, long durationMs, Work work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long deadline = start + durationMs * 1_000_000L;
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long done = 0;
                    for (int round = 0; System.nanoTime() < deadline; round++) {
                        done += work.run(thread, round);
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return total / seconds;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark worker failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The {@code index}-th chunk of {@code size} items, wrapping around {@code items}. */
    static <T> List<T> chunk(List<T> items, int size, long index) {
        List<T> out = new ArrayList<>(size);
        long from = index * size;
        for (int i = 0; i < size; i++) {
            out.add(items.get((int) ((from + i) % items.size())));
        }
        return out;
    }
}
