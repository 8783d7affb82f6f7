package org.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One scorer shared by many threads gives exactly the single-threaded results. */
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int CALLS = Integer.getInteger("framelens.concurrency.calls", 300);

    @Test
    void sixteenThreadsGiveTheSingleThreadedResults() throws Exception {
        List<String> sentences = Fixtures.syntheticCorpus(40, 7, "test").stream().map(s -> s.text()).toList();
        MixedLoad load = new MixedLoad(Fixtures.tinyScorer(), sentences, String.join(" ", sentences.subList(0, 12)));
        assertEquals(THREADS * CALLS, load.run(THREADS, CALLS));
    }
}
