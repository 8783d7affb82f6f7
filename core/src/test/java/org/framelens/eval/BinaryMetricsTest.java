package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private static final double EPS = 1e-12;
    // index:                           0     1     2      3     4     5
    private static final boolean[] GOLD = {true, true, false, false, true, false};
    private static final double[] PROB = {0.9, 0.4, 0.35, 0.8, 0.6, 0.1};

    @Test
    void confusionCountsAndRatiosAtThreshold() {
        // At 0.5: predicted LOADED = {0, 3, 4}. tp = {0, 4}, fp = {3}, fn = {1}, tn = {2, 5}.
        BinaryMetrics m = BinaryMetrics.of(GOLD, PROB, 0.5);

        assertEquals(0.5, m.threshold());
        assertEquals(2, m.tp());
        assertEquals(1, m.fp());
        assertEquals(2, m.tn());
        assertEquals(1, m.fn());
        assertEquals(3, m.positives());
        assertEquals(6, m.total());
        assertEquals(2.0 / 3, m.precision(), EPS); // 2 / (2 + 1)
        assertEquals(2.0 / 3, m.recall(), EPS); // 2 / (2 + 1)
        assertEquals(2.0 / 3, m.f1(), EPS); // 4 / (4 + 1 + 1)
        assertEquals(2.0 / 3, m.negativeF1(), EPS); // 2tn / (2tn + fn + fp) = 4 / 6
        assertEquals(2.0 / 3, m.macroF1(), EPS);
        assertEquals(4.0 / 6, m.accuracy(), EPS);
        // (tp tn - fp fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)) = (4 - 1) / sqrt(3 * 3 * 3 * 3) = 3 / 9
        assertEquals(1.0 / 3, m.mcc(), EPS);
    }

    @Test
    void asymmetricCountsGiveDistinctClassF1() {
        // At 0.3: predicted LOADED = {0, 1, 2, 3, 4}. tp = 3, fp = 2, tn = 1, fn = 0.
        BinaryMetrics m = BinaryMetrics.of(GOLD, PROB, 0.3);

        assertEquals(3.0 / 5, m.precision(), EPS);
        assertEquals(1.0, m.recall(), EPS);
        assertEquals(6.0 / 8, m.f1(), EPS); // 6 / (6 + 2 + 0)
        assertEquals(2.0 / 4, m.negativeF1(), EPS); // 2 / (2 + 0 + 2)
        assertEquals((0.75 + 0.5) / 2, m.macroF1(), EPS);
        // (3*1 - 2*0) / sqrt(5 * 3 * 3 * 1) = 3 / sqrt(45)
        assertEquals(3 / Math.sqrt(45), m.mcc(), EPS);
    }

    @Test
    void rocAucCountsPairs() {
        // LOADED {0.9, 0.4, 0.6} against NEUTRAL {0.35, 0.8, 0.1}: 0.9 beats 3, 0.4 beats 2, 0.6 beats 2 -> 7 of 9.
        assertEquals(7.0 / 9, BinaryMetrics.of(GOLD, PROB, 0.5).rocAuc(), EPS);
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // LOADED {0.5, 0.7} against NEUTRAL {0.5, 0.2}: 0.5~0.5 = 1/2, 0.5>0.2 = 1, 0.7 beats both = 2 -> 3.5 of 4.
        boolean[] gold = {true, false, true, false};
        double[] prob = {0.5, 0.5, 0.7, 0.2};

        assertEquals(3.5 / 4, BinaryMetrics.of(gold, prob, 0.5).rocAuc(), EPS);
    }

    @Test
    void averagePrecisionIsStepwise() {
        // Descending: 0.9(+) 0.8(-) 0.6(+) 0.4(+) 0.35(-) 0.1(-), 3 positives.
        // 0.9: P=1,   R=1/3 -> 1/3 * 1
        // 0.8: R unchanged  -> 0
        // 0.6: P=2/3, R=2/3 -> 1/3 * 2/3
        // 0.4: P=3/4, R=1   -> 1/3 * 3/4
        // AP = 1/3 + 2/9 + 1/4 = 29/36
        assertEquals(29.0 / 36, BinaryMetrics.of(GOLD, PROB, 0.5).prAuc(), EPS);
    }

    @Test
    void averagePrecisionGroupsTiedScores() {
        // 0.7(+): P=1, R=1/2 -> 1/2; {0.5+, 0.5-} together: P=2/3, R=1 -> 1/2 * 2/3. AP = 5/6.
        boolean[] gold = {true, false, true, false};
        double[] prob = {0.5, 0.5, 0.7, 0.2};

        assertEquals(5.0 / 6, BinaryMetrics.of(gold, prob, 0.5).prAuc(), EPS);
    }

    @Test
    void eceAndBrierBySingletonBins() {
        // Each prediction falls in its own bin, so ECE = mean |p - y|:
        // (0.1 + 0.6 + 0.35 + 0.8 + 0.4 + 0.1) / 6 = 2.35 / 6
        // Brier = (0.01 + 0.36 + 0.1225 + 0.64 + 0.16 + 0.01) / 6 = 1.3025 / 6
        BinaryMetrics m = BinaryMetrics.of(GOLD, PROB, 0.5);

        assertEquals(2.35 / 6, m.ece(), EPS);
        assertEquals(1.3025 / 6, m.brier(), EPS);
    }

    @Test
    void eceWeightsSharedBinsBySize() {
        // Bin [0.1, 0.2): {0.12 -, 0.18 +} mean 0.15, rate 0.5 -> 2/4 * 0.35 = 0.175
        // Bin [0.8, 0.9): {0.85 +} -> 1/4 * 0.15 = 0.0375; bin [0.9, 1]: {0.95 +} -> 1/4 * 0.05 = 0.0125
        boolean[] gold = {false, true, true, true};
        double[] prob = {0.12, 0.18, 0.85, 0.95};

        assertEquals(0.225, BinaryMetrics.of(gold, prob, 0.5).ece(), EPS);
    }

    @Test
    void zeroDenominatorsAreZero() {
        boolean[] gold = {false, false, false};
        double[] prob = {0.2, 0.3, 0.1};

        BinaryMetrics m = BinaryMetrics.of(gold, prob, 0.5);

        assertEquals(0, m.precision());
        assertEquals(0, m.recall());
        assertEquals(0, m.f1());
        assertEquals(1, m.negativeF1(), EPS);
        assertEquals(0, m.mcc());
        assertEquals(0, m.rocAuc());
        assertEquals(0, m.prAuc());
        assertEquals(1, m.accuracy(), EPS);
    }

    @Test
    void perfectRankingAndPrediction() {
        boolean[] gold = {true, false, true, false};
        double[] prob = {1.0, 0.0, 0.8, 0.3};

        BinaryMetrics m = BinaryMetrics.of(gold, prob, 0.5);

        assertEquals(1, m.mcc(), EPS);
        assertEquals(1, m.rocAuc(), EPS);
        assertEquals(1, m.prAuc(), EPS);
        assertEquals(1, m.macroF1(), EPS);
    }

    @Test
    void reliabilityBinsIncludeEmptyOnesAndTheTopEdge() {
        boolean[] gold = {false, true, true, true};
        double[] prob = {0.12, 0.18, 0.5, 1.0};

        List<ReliabilityBin> bins = BinaryMetrics.reliability(gold, prob, 4);

        assertEquals(List.of(new ReliabilityBin(0, 0.25, 2, 0.15, 0.5), new ReliabilityBin(0.25, 0.5, 0, 0, 0),
                new ReliabilityBin(0.5, 0.75, 1, 0.5, 1), new ReliabilityBin(0.75, 1, 1, 1, 1)), bins);
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.reliability(gold, prob, 0));
    }

    @Test
    void precisionRecallCurveHasOnePointPerDistinctThreshold() {
        boolean[] gold = {true, false, true, false};
        double[] prob = {0.5, 0.5, 0.7, 0.2};

        assertEquals(List.of(new PrecisionRecallPoint(0.7, 1, 0.5), new PrecisionRecallPoint(0.5, 2.0 / 3, 1),
                new PrecisionRecallPoint(0.2, 0.5, 1)), Curves.precisionRecall(gold, prob));
    }

    @Test
    void rocCurveStartsAtTheOriginAndItsAreaIsTheAuc() {
        List<RocPoint> roc = Curves.roc(GOLD, PROB);

        assertEquals(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), roc.get(0));
        assertEquals(new RocPoint(0.9, 0, 1.0 / 3), roc.get(1));
        assertEquals(new RocPoint(0.1, 1, 1), roc.get(roc.size() - 1));
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).falsePositiveRate() - roc.get(i - 1).falsePositiveRate())
                    * (roc.get(i).truePositiveRate() + roc.get(i - 1).truePositiveRate()) / 2;
        }
        assertEquals(BinaryMetrics.of(GOLD, PROB, 0.5).rocAuc(), area, EPS);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.of(new boolean[2], new double[3], 0.5));
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.of(new boolean[0], new double[0], 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.of(new boolean[] {true}, new double[] {1.5}, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.of(new boolean[] {true}, new double[] {Double.NaN}, 0.5));
        assertThrows(NullPointerException.class, () -> BinaryMetrics.of(null, new double[1], 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new BinaryMetrics(0.5, 1, 1, 1, 1, 2, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
}
