package org.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.framelens.model.BundleIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scorer shared by many threads gives exactly the single-threaded results, and scorers loaded by many threads at
 * once (sharing the background start of ND4J and the OpenNLP models) agree with each other.
 */
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int CALLS = Integer.getInteger("framelens.concurrency.calls", 300);

    @Test
    void sixteenThreadsGiveTheSingleThreadedResults() throws Exception {
        List<String> sentences = Fixtures.syntheticCorpus(40, 7, "test").stream().map(s -> s.text()).toList();
        MixedLoad load = new MixedLoad(Fixtures.tinyScorer(), sentences, String.join(" ", sentences.subList(0, 12)));
        assertEquals(THREADS * CALLS, load.run(THREADS, CALLS));
    }

    @Test
    void scorersLoadedByManyThreadsAtOnceAgree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.zip");
        BundleIO.write(Fixtures.tinyBundle(), file);
        String sentence = Fixtures.syntheticCorpus(1, 3, "test").get(0).text();
        double expected = Fixtures.tinyScorer().score(sentence).probability();
        FrameLens.preload();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Double>> loads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Double> load = () -> FrameLens.load(file).score(sentence).probability();
                loads.add(pool.submit(load));
            }
            for (Future<Double> load : loads) {
                assertEquals(expected, load.get(), 1e-6);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
