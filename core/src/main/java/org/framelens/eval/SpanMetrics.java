package org.framelens.eval;

import java.util.List;
import java.util.Objects;

/**
 * Token-level precision, recall and F1 of loaded-phrase tagging: every token inside a gold span is a positive, and
 * tokens are pooled over all sentences (micro average). Immutable and thread-safe; zero denominators give 0.
 *
 * @param precision {@code tp / (tp + fp)}
 * @param recall    {@code tp / (tp + fn)}
 * @param f1        {@code 2tp / (2tp + fp + fn)}
 * @param tp        tokens tagged loaded in both gold and prediction
 * @param fp        tokens tagged loaded only in the prediction
 * @param fn        tokens tagged loaded only in gold
 */
public record SpanMetrics(double precision, double recall, double f1, int tp, int fp, int fn) {
    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public SpanMetrics {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count: tp=" + tp + " fp=" + fp + " fn=" + fn);
        }
    }

    /**
     * Compares per-token gold and predicted tags, sentence by sentence.
     *
     * @param gold one array per sentence, {@code true} for a token inside a gold loaded phrase
     * @param pred the predicted tags, aligned with {@code gold}
     * @throws IllegalArgumentException if the lists, or any pair of arrays, differ in length
     */
    public static SpanMetrics ofTokens(List<boolean[]> gold, List<boolean[]> pred) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(pred, "pred");
        if (gold.size() != pred.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " sentences but pred has " + pred.size());
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int s = 0; s < gold.size(); s++) {
            boolean[] g = Objects.requireNonNull(gold.get(s), "gold sentence");
            boolean[] p = Objects.requireNonNull(pred.get(s), "pred sentence");
            if (g.length != p.length) {
                throw new IllegalArgumentException("sentence " + s + ": gold has " + g.length
                        + " tokens but pred has " + p.length);
            }
            for (int t = 0; t < g.length; t++) {
                tp += g[t] && p[t] ? 1 : 0;
                fp += !g[t] && p[t] ? 1 : 0;
                fn += g[t] && !p[t] ? 1 : 0;
            }
        }
        return new SpanMetrics(Inputs.ratio(tp, tp + fp), Inputs.ratio(tp, tp + fn),
                Inputs.ratio(2.0 * tp, 2.0 * tp + fp + fn), tp, fp, fn);
    }
}
