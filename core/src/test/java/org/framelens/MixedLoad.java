package org.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A concurrent workload for tests: many threads share one scorer and mix {@code score}, {@code scoreAll} and
 * {@code scoreDocument}; every result must equal the single-threaded reference of its call type (batch composition
 * may change the last float digits, so each call type has its own reference).
 */
public final class MixedLoad {
    private final FramingScorer scorer;
    private final List<String> sentences;
    private final String document;
    private final List<SentenceScore> single;
    private final List<SentenceScore> batch;
    private final DocumentScore doc;

    /** Computes the single-threaded references. */
    public MixedLoad(FramingScorer scorer, List<String> sentences, String document) {
        this.scorer = scorer;
        this.sentences = List.copyOf(sentences);
        this.document = document;
        this.single = sentences.stream().map(scorer::score).toList();
        this.batch = scorer.scoreAll(sentences);
        this.doc = scorer.scoreDocument(document);
    }

    /**
     * Runs {@code calls} mixed calls on each of {@code threads} threads; a worker's failed assertion or exception
     * fails the caller (futures are collected, not fire-and-forget).
     *
     * @return the number of calls checked
     */
    public int run(int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        switch ((i + seed) % 3) {
                            case 0 -> {
                                int k = (i * 7 + seed) % sentences.size();
                                assertEquals(single.get(k), scorer.score(sentences.get(k)));
                            }
                            case 1 -> assertEquals(batch, scorer.scoreAll(sentences));
                            default -> assertEquals(doc, scorer.scoreDocument(document));
                        }
                    }
                    return calls;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(30, TimeUnit.MINUTES); // rethrows a worker's assertion failure
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
