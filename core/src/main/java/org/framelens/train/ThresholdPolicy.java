package org.framelens.train;

import org.framelens.eval.Thresholds;

/** How training turns the calibrated dev-split probabilities into the bundle's decision threshold. */
public enum ThresholdPolicy {
    /**
     * LOADED when the calibrated probability is at least 0.5: more likely loaded than not, on the training corpus's
     * class balance. No search, so retraining does not move the threshold with the noise of a small dev split.
     */
    CALIBRATED_HALF {
        @Override
        double choose(boolean[] gold, double[] calibrated) {
            return 0.5;
        }
    },
    /** The threshold that maximises F1 of the LOADED class on dev (favours recall; for rare-positive corpora). */
    DEV_F1 {
        @Override
        double choose(boolean[] gold, double[] calibrated) {
            return Thresholds.bestF1(gold, calibrated);
        }
    },
    /** The threshold that maximises macro-F1 on dev. */
    DEV_MACRO_F1 {
        @Override
        double choose(boolean[] gold, double[] calibrated) {
            return Thresholds.bestMacroF1(gold, calibrated);
        }
    };

    abstract double choose(boolean[] gold, double[] calibrated);
}
