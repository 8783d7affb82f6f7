package org.framelens.bench;

import java.util.ArrayList;
import java.util.List;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;

/** FrameLens measurements on one shared scorer: batch throughput, documents, latency and test F1. */
final class FrameLensBench {
    /** Sentences joined into one news-length article for {@code scoreDocument}. */
    static final int SENTENCES_PER_ARTICLE = 20;

    private final FramingScorer scorer;
    private final List<String> sentences;
    private final long warmupMs;
    private final long measureMs;

    FrameLensBench(FramingScorer scorer, List<String> sentences, long warmupMs, long measureMs) {
        this.scorer = scorer;
        this.sentences = List.copyOf(sentences);
        this.warmupMs = warmupMs;
        this.measureMs = measureMs;
    }

    /** {@code scoreAll} throughput for each batch size, on {@code threads} threads sharing the scorer. */
    Throughput.Result scoreAll(int batch, int threads) {
        return Throughput.measure("scoreAll", threads, batch, warmupMs, measureMs, (thread, round) ->
                scorer.scoreAll(Throughput.chunk(sentences, batch, (long) round * threads + thread)).size());
    }

    /** {@code scoreDocument} throughput in sentences/s on articles of {@value #SENTENCES_PER_ARTICLE} sentences. */
    Throughput.Result scoreDocument(int threads) {
        List<String> articles = articles();
        return Throughput.measure("scoreDocument", threads, SENTENCES_PER_ARTICLE, warmupMs, measureMs,
                (thread, round) -> scorer.scoreDocument(articles.get((round * threads + thread) % articles.size()))
                        .sentences().size());
    }

    /** Latency of {@code score(String)} on single sentences. */
    Latency.Result latency(int calls) {
        // longer than the throughput warm-up: single calls take the unpadded path, which the JIT meets only here
        return Latency.measure(sentences, calls, Math.max(5_000, warmupMs), scorer::score);
    }

    /** F1 on {@code gold} at the model's own threshold. */
    double f1(boolean[] gold) {
        List<SentenceScore> scores = scorer.scoreAll(sentences);
        boolean[] predicted = new boolean[scores.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = scores.get(i).loaded();
        }
        return F1.of(gold, predicted);
    }

    private List<String> articles() {
        List<String> out = new ArrayList<>();
        for (int from = 0; from + SENTENCES_PER_ARTICLE <= sentences.size(); from += SENTENCES_PER_ARTICLE) {
            out.add(String.join(" ", sentences.subList(from, from + SENTENCES_PER_ARTICLE)));
        }
        return out;
    }
}
