package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlattCalibratorTest {
    /** Overconfident scores: |logit| up to 6 (p up to 0.998) but only 6 of 8 ranked right. */
    private static final double[] LOGITS = {-6, -4, -2, -1, 1, 2, 4, 6};
    private static final boolean[] GOLD = {false, false, true, false, true, false, true, true};

    private static double logLoss(PlattCalibrator c, double[] logits, boolean[] gold) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double p = c.apply(logits[i]);
            sum -= Math.log(gold[i] ? p : 1 - p);
        }
        return sum / logits.length;
    }

    @Test
    void identityIsTheSigmoid() {
        PlattCalibrator id = PlattCalibrator.identity();

        assertEquals(0.5, id.apply(0));
        assertEquals(1 / (1 + Math.exp(-2)), id.apply(2), 1e-15);
        assertEquals(1, id.apply(800), 0);
        assertEquals(0, id.apply(-800), 0);
    }

    @Test
    void fitLowersLogLossOnOverconfidentScores() {
        PlattCalibrator fitted = PlattCalibrator.fit(LOGITS, GOLD);

        assertTrue(logLoss(fitted, LOGITS, GOLD) < logLoss(PlattCalibrator.identity(), LOGITS, GOLD));
        // Overconfidence is corrected by a flatter slope, still increasing.
        assertTrue(fitted.a() > 0 && fitted.a() < 1, "a = " + fitted.a());
    }

    @Test
    void fittedMapIsMonotonic() {
        PlattCalibrator fitted = PlattCalibrator.fit(LOGITS, GOLD);

        double previous = -1;
        for (double z = -10; z <= 10; z += 0.5) {
            double p = fitted.apply(z);
            assertTrue(p > previous, "not increasing at " + z);
            previous = p;
        }
    }

    @Test
    void constantLogitsFitTheMeanSmoothedTarget() {
        // Targets: LOADED (3 + 1) / (3 + 2) = 0.8, NEUTRAL 1 / (1 + 2) = 1/3; mean (3 * 0.8 + 1/3) / 4 = 0.683333...
        PlattCalibrator fitted = PlattCalibrator.fit(new double[4], new boolean[] {true, true, true, false});

        assertEquals(0, fitted.a(), 1e-9);
        assertEquals((3 * 0.8 + 1.0 / 3) / 4, fitted.apply(0), 1e-6);
    }

    @Test
    void allLabelsEqualStaysFiniteNearTheSmoothedTarget() {
        double[] logits = {-3, -1, 0.5, 2};
        PlattCalibrator allLoaded = PlattCalibrator.fit(logits, new boolean[] {true, true, true, true});
        PlattCalibrator allNeutral = PlattCalibrator.fit(logits, new boolean[4]);

        for (double z : logits) {
            assertEquals(5.0 / 6, allLoaded.apply(z), 1e-3); // (4 + 1) / (4 + 2)
            assertEquals(1.0 / 6, allNeutral.apply(z), 1e-3); // 1 / (4 + 2)
        }
    }

    @Test
    void separableDataStaysFinite() {
        PlattCalibrator fitted = PlattCalibrator.fit(new double[] {-2, -1, 1, 2},
                new boolean[] {false, false, true, true});

        assertTrue(Double.isFinite(fitted.a()) && fitted.a() > 0);
        assertTrue(fitted.apply(2) < 1);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PlattCalibrator.fit(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> PlattCalibrator.fit(new double[2], new boolean[1]));
        assertThrows(IllegalArgumentException.class,
                () -> PlattCalibrator.fit(new double[] {Double.NaN}, new boolean[1]));
        assertThrows(IllegalArgumentException.class, () -> new PlattCalibrator(Double.POSITIVE_INFINITY, 0));
    }
}
