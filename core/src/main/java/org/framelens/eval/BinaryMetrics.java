package org.framelens.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sentence-level metrics of LOADED-vs-NEUTRAL predictions at one threshold, plus threshold-free ranking and
 * calibration metrics. Immutable and thread-safe. Every ratio with a zero denominator is 0 (see the package
 * documentation).
 *
 * @param threshold  the decision threshold: a probability at or above it predicts LOADED
 * @param tp         LOADED sentences predicted LOADED
 * @param fp         NEUTRAL sentences predicted LOADED
 * @param tn         NEUTRAL sentences predicted NEUTRAL
 * @param fn         LOADED sentences predicted NEUTRAL
 * @param positives  LOADED sentences ({@code tp + fn})
 * @param total      all sentences
 * @param precision  {@code tp / (tp + fp)}
 * @param recall     {@code tp / (tp + fn)}
 * @param f1         F1 of the LOADED class, {@code 2tp / (2tp + fp + fn)}
 * @param negativeF1 F1 of the NEUTRAL class, {@code 2tn / (2tn + fn + fp)}
 * @param macroF1    the mean of {@code f1} and {@code negativeF1}
 * @param accuracy   {@code (tp + tn) / total}
 * @param mcc        Matthews correlation coefficient
 * @param rocAuc     area under the ROC curve: the probability that a random LOADED sentence scores above a random
 *                   NEUTRAL one, ties counting one half
 * @param prAuc      average precision, the step-wise area under the precision-recall curve as computed by
 *                   scikit-learn's {@code average_precision_score}
 * @param ece        expected calibration error over 10 equal-width bins, weighted by bin size
 * @param brier      Brier score, the mean squared difference between probability and gold (0 or 1)
 */
public record BinaryMetrics(double threshold, int tp, int fp, int tn, int fn, int positives, int total,
                            double precision, double recall, double f1, double negativeF1, double macroF1,
                            double accuracy, double mcc, double rocAuc, double prAuc, double ece, double brier) {
    /** The number of bins {@link #ece()} uses. */
    public static final int ECE_BINS = 10;

    /**
     * Checks that the counts are consistent.
     *
     * @throws IllegalArgumentException if a count is negative or the counts do not add up
     */
    public BinaryMetrics {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0 || tp + fp + tn + fn != total || tp + fn != positives) {
            throw new IllegalArgumentException("inconsistent counts: tp=" + tp + " fp=" + fp + " tn=" + tn + " fn="
                    + fn + " positives=" + positives + " total=" + total);
        }
    }

    /**
     * Computes every metric for gold labels and predicted probabilities of LOADED.
     *
     * @param gold      {@code true} for LOADED
     * @param prob      predicted P(LOADED), each in [0, 1]
     * @param threshold a probability at or above it predicts LOADED
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a probability is outside
     *                                  [0, 1]
     */
    public static BinaryMetrics of(boolean[] gold, double[] prob, double threshold) {
        Inputs.check(gold, prob);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        double squared = 0;
        for (int i = 0; i < gold.length; i++) {
            boolean predicted = prob[i] >= threshold;
            if (gold[i]) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
            double diff = prob[i] - (gold[i] ? 1 : 0);
            squared += diff * diff;
        }
        int n = gold.length;
        double f1 = Inputs.ratio(2.0 * tp, 2.0 * tp + fp + fn);
        double negativeF1 = Inputs.ratio(2.0 * tn, 2.0 * tn + fn + fp);
        return new BinaryMetrics(threshold, tp, fp, tn, fn, tp + fn, n, Inputs.ratio(tp, tp + fp),
                Inputs.ratio(tp, tp + fn), f1, negativeF1, (f1 + negativeF1) / 2, Inputs.ratio(tp + tn, n),
                mcc(tp, fp, tn, fn), rocAuc(gold, prob), averagePrecision(gold, prob), ece(gold, prob), squared / n);
    }

    /**
     * Groups predictions into {@code bins} equal-width probability bins for a reliability diagram; bin {@code k}
     * holds probabilities in {@code [k/bins, (k+1)/bins)}, the last bin also holding 1. Empty bins are included,
     * with count, mean probability and positive rate 0.
     *
     * @throws IllegalArgumentException if {@code bins < 1}, or as for {@link #of}
     */
    public static List<ReliabilityBin> reliability(boolean[] gold, double[] prob, int bins) {
        Inputs.check(gold, prob);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        int[] count = new int[bins];
        int[] positive = new int[bins];
        double[] probSum = new double[bins];
        for (int i = 0; i < prob.length; i++) {
            int b = Math.min((int) Math.floor(prob[i] * bins), bins - 1);
            count[b]++;
            positive[b] += gold[i] ? 1 : 0;
            probSum[b] += prob[i];
        }
        List<ReliabilityBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    Inputs.ratio(probSum[b], count[b]), Inputs.ratio(positive[b], count[b])));
        }
        return out;
    }

    private static double mcc(double tp, double fp, double tn, double fn) {
        double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return Inputs.ratio(tp * tn - fp * fn, denominator);
    }

    /** Mann-Whitney U from average ranks, so tied scores count one half per LOADED/NEUTRAL pair. */
    private static double rocAuc(boolean[] gold, double[] prob) {
        Integer[] order = new Integer[prob.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> prob[i]));
        double positiveRankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && prob[order[end + 1]] == prob[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                positiveRankSum += gold[order[k]] ? averageRank : 0;
            }
            start = end + 1;
        }
        double p = Inputs.positives(gold);
        double n = gold.length - p;
        return Inputs.ratio(positiveRankSum - p * (p + 1) / 2, p * n);
    }

    /** Sum over distinct thresholds, highest first, of (recall gain) x (precision there). */
    private static double averagePrecision(boolean[] gold, double[] prob) {
        int p = Inputs.positives(gold);
        if (p == 0) {
            return 0;
        }
        double ap = 0;
        double previousRecall = 0;
        for (Inputs.Cut cut : Inputs.cuts(gold, prob)) {
            double recall = (double) cut.tp() / p;
            ap += (recall - previousRecall) * cut.tp() / (cut.tp() + cut.fp());
            previousRecall = recall;
        }
        return ap;
    }

    private static double ece(boolean[] gold, double[] prob) {
        double ece = 0;
        for (ReliabilityBin bin : reliability(gold, prob, ECE_BINS)) {
            ece += (double) bin.count() / gold.length * Math.abs(bin.meanProb() - bin.positiveRate());
        }
        return ece;
    }
}
