package org.framelens.model;

/**
 * Platt scaling of the sentence head as stored in a bundle: {@code p = sigmoid(a * logit(raw) + b)}. The fitting
 * lives in {@link org.framelens.eval.PlattCalibrator}, which works on logits; this record applies the result to the
 * network's raw probabilities.
 */
public record Calibration(double a, double b) {
    public Calibration {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("calibration parameters must be finite: " + a + ", " + b);
        }
    }

    /** Calibrated probability for a raw network probability. */
    public double apply(double raw) {
        return sigmoid(a * logit(raw) + b);
    }

    /**
     * The same calibration for text in which a share {@code toShare} of sentences is loaded instead of
     * {@code fromShare}: by Bayes' rule every sentence's odds are multiplied by the ratio of the prior odds.
     */
    public Calibration withPrior(double fromShare, double toShare) {
        return new Calibration(a, b + logit(toShare) - logit(fromShare));
    }

    /** Logit of a probability, clamped away from 0 and 1 so that the result is finite. */
    public static double logit(double p) {
        double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
