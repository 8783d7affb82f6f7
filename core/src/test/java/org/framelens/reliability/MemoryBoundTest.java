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

        // warm-up: pools, JIT and ND4J workspaces, which exist per thread, network copy and graph (padded and
        // unpadded), so every thread must have met every combination before the baseline is taken
        load.run(THREADS, Math.min(CALLS, 500));
        long before = usedHeapAfterGc();
        assertEquals(THREADS * CALLS, load.run(THREADS, CALLS));
        long after = usedHeapAfterGc();
        assertTrue(after - before < SLACK_BYTES, String.format("retained heap grew from %.1f MB to %.1f MB over "
                + "%d calls", before / 1e6, after / 1e6, THREADS * CALLS));
    }

    /**
     * The heap in use once garbage collection and ND4J's asynchronous deallocation have settled. ND4J frees native
     * buffers on its own thread after the collector has found them unreachable; right after a fast 16-thread run
     * that queue can hold a few hundred MB of bookkeeping that is released within seconds, which is not retained
     * memory. So: collect, wait, and repeat until the figure stops falling (at most 30 s).
     */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        int stable = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (stable < 3 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
            long now = memory.getHeapMemoryUsage().getUsed();
            stable = now > used - (1 << 20) ? stable + 1 : 0;
            used = Math.min(used, now);
        }
        return used;
    }
}
