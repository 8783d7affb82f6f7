package org.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One scorer shared by many threads gives exactly the single-threaded results. */
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int CALLS = Integer.getInteger("framelens.concurrency.calls", 300);

    @Test
    void sixteenThreadsGiveTheSingleThreadedResults() throws Exception {
        FramingScorer scorer = Fixtures.tinyScorer();
        List<String> sentences = Fixtures.syntheticCorpus(40, 7, "test").stream().map(s -> s.text()).toList();
        String document = String.join(" ", sentences.subList(0, 12));
        List<SentenceScore> single = new ArrayList<>();
        for (String s : sentences) {
            single.add(scorer.score(s));
        }
        List<SentenceScore> batch = scorer.scoreAll(sentences);
        DocumentScore doc = scorer.scoreDocument(document);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < CALLS; i++) {
                        switch ((i + seed) % 3) {
                            case 0 -> {
                                int k = (i * 7 + seed) % sentences.size();
                                assertEquals(single.get(k), scorer.score(sentences.get(k)));
                            }
                            case 1 -> assertEquals(batch, scorer.scoreAll(sentences));
                            default -> assertEquals(doc, scorer.scoreDocument(document));
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(10, TimeUnit.MINUTES); // rethrows a worker's assertion failure
            }
            assertEquals(THREADS * CALLS, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
