package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.framelens.Fixtures;
import org.framelens.MixedLoad;
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
        List<String> sentences = Fixtures.syntheticCorpus(40, 17, "test").stream().map(s -> s.text()).toList();
        MixedLoad load = new MixedLoad(Fixtures.tinyScorer(), sentences, String.join("\n", sentences.subList(0, 10)));

        load.run(THREADS, Math.min(CALLS, 50)); // warm-up: pools, JIT, ND4J workspaces
        long before = usedHeapAfterGc();
        assertEquals(THREADS * CALLS, load.run(THREADS, CALLS));
        long after = usedHeapAfterGc();
        assertTrue(after - before < SLACK_BYTES, String.format("retained heap grew from %.1f MB to %.1f MB over "
                + "%d calls", before / 1e6, after / 1e6, THREADS * CALLS));
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
