package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.Test;

/**
 * A long concurrent run does not leak: used heap after a full GC barely moves between a warm-up and the end.
 * Calls per thread come from {@code framelens.concurrency.calls} (60 by default here, 10,000 with {@code -Pstress}).
 */
class MemoryBoundTest {
    static final int THREADS = 16;
    static final int CALLS = Integer.getInteger("framelens.concurrency.calls", 60);
    /** Allowed growth of the retained heap; a per-call leak of even 1 KB over 16 x 10,000 calls is 160 MB. */
    static final long SLACK_BYTES = 8L << 20;

    @Test
    void longConcurrentRunKeepsTheHeapBounded() throws Exception {
        FramingScorer scorer = Fixtures.tinyScorer();
        List<String> sentences = Fixtures.syntheticCorpus(40, 17, "test").stream().map(s -> s.text()).toList();
        String document = String.join("\n", sentences.subList(0, 10));
        // one reference per call type: batch composition changes the last float bits (see RandomTextPropertyTest)
        List<SentenceScore> single = sentences.stream().map(scorer::score).toList();
        List<SentenceScore> batch = scorer.scoreAll(sentences);

        run(scorer, sentences, document, single, batch, Math.min(CALLS, 50)); // warm-up: pools, JIT, ND4J workspaces
        long before = usedHeapAfterGc();
        run(scorer, sentences, document, single, batch, CALLS);
        long after = usedHeapAfterGc();
        assertTrue(after - before < SLACK_BYTES, String.format("retained heap grew from %.1f MB to %.1f MB over "
                + "%d calls", before / 1e6, after / 1e6, THREADS * CALLS));
    }

    private static void run(FramingScorer scorer, List<String> sentences, String document,
                            List<SentenceScore> single, List<SentenceScore> batch, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        switch ((i + seed) % 3) {
                            case 0 -> {
                                int k = (i * 7 + seed) % sentences.size();
                                assertEquals(single.get(k), scorer.score(sentences.get(k)));
                            }
                            case 1 -> assertEquals(batch, scorer.scoreAll(sentences));
                            default -> assertEquals(10, scorer.scoreDocument(document).sentences().size());
                        }
                    }
                    return calls;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(calls, f.get(30, TimeUnit.MINUTES)); // rethrows a worker's failure
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // several rounds: one System.gc() may leave finalizable or soft-referenced garbage behind
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
