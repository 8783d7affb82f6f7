package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double EPS = 1e-12;

    /** A noisy scorer: LOADED sentences score higher on average, with ties from rounding to two decimals. */
    private static Sample sample(int n, long seed) {
        Random random = new Random(seed);
        boolean[] gold = new boolean[n];
        double[] prob = new double[n];
        for (int i = 0; i < n; i++) {
            gold[i] = random.nextDouble() < 0.3;
            double p = 1 / (1 + Math.exp(-(random.nextGaussian() + (gold[i] ? 1.2 : -0.4))));
            prob[i] = Math.round(p * 100) / 100.0;
        }
        return new Sample(gold, prob);
    }

    private record Sample(boolean[] gold, double[] prob) {
    }

    @Test
    void weightsOfOneReproduceTheMetricsOfTheSampleTiesIncluded() {
        Sample s = sample(500, 1);
        int[] ones = new int[500];
        Arrays.fill(ones, 1);
        BinaryMetrics m = BinaryMetrics.of(s.gold(), s.prob(), 0.5);

        double[] w = Bootstrap.metrics(s.gold(), s.prob(), 0.5, Bootstrap.ascending(s.prob()), ones);

        assertSameHeadlineMetrics(m, w);
    }

    @Test
    void countsActAsRepeatedSentences() {
        Sample s = sample(200, 2);
        int[] counts = new int[200];
        boolean[] gold = new boolean[0];
        double[] prob = new double[0];
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            counts[i] = random.nextInt(4); // 0 drops the sentence, 3 triples it
            for (int c = 0; c < counts[i]; c++) {
                gold = Arrays.copyOf(gold, gold.length + 1);
                prob = Arrays.copyOf(prob, prob.length + 1);
                gold[gold.length - 1] = s.gold()[i];
                prob[prob.length - 1] = s.prob()[i];
            }
        }
        BinaryMetrics expanded = BinaryMetrics.of(gold, prob, 0.4);

        double[] w = Bootstrap.metrics(s.gold(), s.prob(), 0.4, Bootstrap.ascending(s.prob()), counts);

        assertSameHeadlineMetrics(expanded, w);
    }

    /** {@code weighted} holds F1, macro-F1, MCC and ROC-AUC, in that order. */
    private static void assertSameHeadlineMetrics(BinaryMetrics expected, double[] weighted) {
        assertEquals(expected.f1(), weighted[0], EPS);
        assertEquals(expected.macroF1(), weighted[1], EPS);
        assertEquals(expected.mcc(), weighted[2], EPS);
        assertEquals(expected.rocAuc(), weighted[3], EPS);
    }

    @Test
    void intervalsHoldTheEstimateAndNarrowWithMoreData() {
        Sample small = sample(400, 4);
        Sample large = sample(6400, 4);
        BinaryMetrics m = BinaryMetrics.of(small.gold(), small.prob(), 0.5);

        MetricIntervals a = Bootstrap.intervals(small.gold(), small.prob(), 0.5);
        MetricIntervals b = Bootstrap.intervals(large.gold(), large.prob(), 0.5);

        assertTrue(a.f1().contains(m.f1()), a.f1() + " vs " + m.f1());
        assertTrue(a.macroF1().contains(m.macroF1()));
        assertTrue(a.mcc().contains(m.mcc()));
        assertTrue(a.rocAuc().contains(m.rocAuc()));
        assertTrue(a.rocAuc().low() < a.rocAuc().high());
        // sixteen times the data: about a quarter of the width
        double ratio = width(b.rocAuc()) / width(a.rocAuc());
        assertTrue(ratio > 0.15 && ratio < 0.4, "width ratio " + ratio);
        assertTrue(width(b.f1()) < width(a.f1()) / 2);
        assertEquals(0.95, a.level());
        assertEquals(Bootstrap.DEFAULT_RESAMPLES, a.resamples());
    }

    @Test
    void aHigherLevelGivesAWiderIntervalAndTheSeedFixesTheResult() {
        Sample s = sample(800, 5);

        MetricIntervals ninety = Bootstrap.intervals(s.gold(), s.prob(), 0.5, 500, 0.90, 7);
        MetricIntervals ninetyNine = Bootstrap.intervals(s.gold(), s.prob(), 0.5, 500, 0.99, 7);

        assertTrue(width(ninetyNine.f1()) > width(ninety.f1()));
        assertEquals(ninety, Bootstrap.intervals(s.gold(), s.prob(), 0.5, 500, 0.90, 7));
        assertNotEquals(ninety, Bootstrap.intervals(s.gold(), s.prob(), 0.5, 500, 0.90, 8));
    }

    @Test
    void badArgumentsAreRejected() {
        Sample s = sample(10, 6);

        assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(s.gold(), s.prob(), 0.5, 1, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(s.gold(), s.prob(), 0.5, 100, 1.0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.intervals(new boolean[0], new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.6, 0.4));
    }

    private static double width(Interval i) {
        return i.high() - i.low();
    }
}
