package org.framelens.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;
import org.framelens.train.LabelledSentence;
import org.framelens.train.LabelledSpan;

/**
 * Scores labelled sentences with a scorer and measures the result: sentence metrics at the scorer's threshold,
 * bootstrap intervals of the headline metrics, token-level metrics of the reported phrases where the data has spans,
 * and a per-topic breakdown.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Evaluates {@code scorer} on {@code data}.
     *
     * @param dataName how to call the data in the result (for example the file names)
     * @throws IllegalArgumentException if {@code data} is empty
     */
    public static Evaluation evaluate(FramingScorer scorer, List<LabelledSentence> data, String dataName) {
        return evaluate(scorer, data, scorer.scoreAll(data.stream().map(LabelledSentence::text).toList()), dataName);
    }

    /**
     * Evaluates {@code scores}, which {@code scorer} gave {@code data}'s sentences in order, for a caller that needs
     * the scores as well.
     *
     * @throws IllegalArgumentException if {@code data} is empty or the two lists differ in size
     */
    public static Evaluation evaluate(FramingScorer scorer, List<LabelledSentence> data, List<SentenceScore> scores,
                                      String dataName) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: the data is empty");
        }
        if (scores.size() != data.size()) {
            throw new IllegalArgumentException(scores.size() + " scores for " + data.size() + " sentences");
        }
        boolean[] gold = new boolean[data.size()];
        double[] prob = new double[data.size()];
        List<boolean[]> goldTokens = new ArrayList<>();
        List<boolean[]> predTokens = new ArrayList<>();
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            LabelledSentence g = data.get(i);
            SentenceScore s = scores.get(i);
            gold[i] = g.loaded();
            prob[i] = s.probability();
            if (!g.topic().isEmpty()) {
                byTopic.computeIfAbsent(g.topic(), k -> new ArrayList<>()).add(i);
            }
            if (g.spansKnown() || !g.loaded()) {
                goldTokens.add(tokenFlags(s, g.spans()));
                predTokens.add(phraseFlags(s));
            }
        }
        double threshold = scorer.threshold();
        Map<String, BinaryMetrics> perTopic = new TreeMap<>();
        byTopic.forEach((topic, idx) -> {
            boolean[] tg = new boolean[idx.size()];
            double[] tp = new double[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                tg[k] = gold[idx.get(k)];
                tp[k] = prob[idx.get(k)];
            }
            perTopic.put(topic, BinaryMetrics.of(tg, tp, threshold));
        });
        boolean anySpans = data.stream().anyMatch(LabelledSentence::spansKnown);
        Optional<SpanMetrics> tokens = anySpans ? Optional.of(SpanMetrics.ofTokens(goldTokens, predTokens))
                : Optional.empty();
        return new Evaluation(scorer.modelId(), dataName, BinaryMetrics.of(gold, prob, threshold),
                Bootstrap.intervals(gold, prob, threshold), tokens, perTopic,
                BinaryMetrics.reliability(gold, prob, BinaryMetrics.ECE_BINS), Curves.precisionRecall(gold, prob));
    }

    /** Gold: a token is loaded when it overlaps a gold span. Offsets of the score index the sentence text. */
    private static boolean[] tokenFlags(SentenceScore s, List<LabelledSpan> spans) {
        List<TokenAttribution> tokens = s.tokens();
        boolean[] flags = new boolean[tokens.size()];
        for (int t = 0; t < flags.length; t++) {
            for (LabelledSpan span : spans) {
                if (tokens.get(t).start() < span.end() && span.start() < tokens.get(t).end()) {
                    flags[t] = true;
                }
            }
        }
        return flags;
    }

    /** Predicted: a token is loaded when it lies inside a reported phrase. */
    private static boolean[] phraseFlags(SentenceScore s) {
        List<TokenAttribution> tokens = s.tokens();
        boolean[] flags = new boolean[tokens.size()];
        for (int t = 0; t < flags.length; t++) {
            for (PhraseSpan p : s.phrases()) {
                if (tokens.get(t).start() >= p.start() && tokens.get(t).end() <= p.end()) {
                    flags[t] = true;
                }
            }
        }
        return flags;
    }
}
