package org.framelens.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals for {@link BinaryMetrics}' headline metrics. Each resample draws as many sentences
 * as there are, with replacement, and is held as a count per sentence, so one resample costs one pass over the
 * sentences sorted once by probability. Sentences are drawn one by one: sentences of one article are treated as
 * independent, which narrows the intervals where they are not. Deterministic for a seed.
 */
public final class Bootstrap {
    /** The resamples {@link #intervals(boolean[], double[], double)} uses. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The confidence level {@link #intervals(boolean[], double[], double)} uses. */
    public static final double DEFAULT_LEVEL = 0.95;
    private static final long DEFAULT_SEED = 20_261_125L;

    private Bootstrap() {
    }

    /** 95% intervals from {@value #DEFAULT_RESAMPLES} resamples, with a fixed seed. */
    public static MetricIntervals intervals(boolean[] gold, double[] prob, double threshold) {
        return intervals(gold, prob, threshold, DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_SEED);
    }

    /**
     * Percentile intervals at {@code level} from {@code resamples} resamples.
     *
     * @throws IllegalArgumentException if {@code resamples < 2}, {@code level} is not in (0, 1), or as for
     *                                  {@link BinaryMetrics#of}
     */
    public static MetricIntervals intervals(boolean[] gold, double[] prob, double threshold, int resamples,
                                            double level, long seed) {
        Inputs.check(gold, prob);
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be at least 2, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int n = gold.length;
        int[] order = ascending(prob);
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[n];
        double[][] values = new double[4][resamples];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(counts, 0);
            for (int k = 0; k < n; k++) {
                counts[random.nextInt(n)]++;
            }
            double[] m = metrics(gold, prob, threshold, order, counts);
            for (int v = 0; v < m.length; v++) {
                values[v][r] = m[v];
            }
        }
        double tail = (1 - level) / 2;
        return new MetricIntervals(level, resamples, percentiles(values[0], tail), percentiles(values[1], tail),
                percentiles(values[2], tail), percentiles(values[3], tail));
    }

    /** Indices of {@code prob} from the lowest probability to the highest. */
    static int[] ascending(double[] prob) {
        Integer[] boxed = new Integer[prob.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> prob[i]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /**
     * F1, macro-F1, MCC and ROC-AUC of the sample that holds sentence i {@code counts[i]} times; {@code order} is
     * {@link #ascending}{@code (prob)}.
     */
    static double[] metrics(boolean[] gold, double[] prob, double threshold, int[] order, int[] counts) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        double negativesBelow = 0;
        double pairsWon = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && prob[order[end + 1]] == prob[order[start]]) {
                end++;
            }
            // one group of tied probabilities: a tie between LOADED and NEUTRAL counts one half
            double positives = 0;
            double negatives = 0;
            for (int k = start; k <= end; k++) {
                int i = order[k];
                if (gold[i]) {
                    positives += counts[i];
                } else {
                    negatives += counts[i];
                }
            }
            pairsWon += positives * (negativesBelow + negatives / 2);
            negativesBelow += negatives;
            if (prob[order[start]] >= threshold) {
                tp += positives;
                fp += negatives;
            } else {
                fn += positives;
                tn += negatives;
            }
            start = end + 1;
        }
        double f1 = Inputs.ratio(2 * tp, 2 * tp + fp + fn);
        double negativeF1 = Inputs.ratio(2 * tn, 2 * tn + fn + fp);
        double mcc = Inputs.ratio(tp * tn - fp * fn, Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)));
        double auc = Inputs.ratio(pairsWon, (tp + fn) * (tn + fp));
        return new double[] {f1, (f1 + negativeF1) / 2, mcc, auc};
    }

    /** The empirical quantiles at {@code tail} and {@code 1 - tail}, rounded outwards to the nearest resample. */
    private static Interval percentiles(double[] values, double tail) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int low = (int) Math.floor(tail * (sorted.length - 1));
        int high = (int) Math.ceil((1 - tail) * (sorted.length - 1));
        return new Interval(sorted[low], sorted[high]);
    }
}
