package org.framelens.eval;

import java.util.Objects;

/**
 * Platt scaling: maps a logit {@code z} to the calibrated probability {@code sigmoid(a * z + b)}. Immutable and
 * thread-safe.
 *
 * <p>{@link #fit} follows Platt (1999) with the Newton method and backtracking line search of Lin, Lin and Weng
 * (2007), "A note on Platt's probabilistic outputs for support vector machines". Note the sign convention: Platt
 * writes {@code 1 / (1 + exp(A z + B))}, so {@code a = -A} and {@code b = -B}.
 *
 * @param a the slope; 1 with {@code b = 0} is the identity on probabilities
 * @param b the intercept
 */
public record PlattCalibrator(double a, double b) {
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double GRADIENT_TOLERANCE = 1e-5;
    /** Added to the Hessian diagonal, as in Lin et al., so that it stays invertible when all logits are equal. */
    private static final double RIDGE = 1e-12;

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException if {@code a} or {@code b} is not finite
     */
    public PlattCalibrator {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + ", b=" + b);
        }
    }

    /** The calibrator that leaves probabilities unchanged: {@code sigmoid(z)}. */
    public static PlattCalibrator identity() {
        return new PlattCalibrator(1, 0);
    }

    /** The calibrated probability of LOADED for a logit. */
    public double apply(double logit) {
        return sigmoid(a * logit + b);
    }

    /**
     * Fits {@code a} and {@code b} by minimising log loss against Platt's smoothed targets, {@code (N+ + 1)/(N+ + 2)}
     * for LOADED and {@code 1/(N- + 2)} for NEUTRAL, which keep the fit finite on separable data and when every
     * label is the same (the fit then tends to a constant near the smoothed target). The slope may come out negative
     * if the logits rank the classes backwards.
     *
     * @param logits held-out logits, each finite
     * @param gold   their gold labels, {@code true} for LOADED
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a logit is not finite
     */
    public static PlattCalibrator fit(double[] logits, boolean[] gold) {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(gold, "gold");
        if (logits.length != gold.length || logits.length == 0) {
            throw new IllegalArgumentException("need equally many logits and labels, at least one; got "
                    + logits.length + " and " + gold.length);
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException("logits[" + i + "] = " + logits[i] + " is not finite");
            }
        }
        int positives = Inputs.positives(gold);
        int negatives = gold.length - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] t = new double[gold.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = gold[i] ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double loss = loss(logits, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = RIDGE;
            double hab = 0;
            double hbb = RIDGE;
            for (int i = 0; i < logits.length; i++) {
                double p = sigmoid(a * logits[i] + b);
                double w = p * (1 - p);
                ga += (p - t[i]) * logits[i];
                gb += p - t[i];
                haa += w * logits[i] * logits[i];
                hab += w * logits[i];
                hbb += w;
            }
            if (Math.abs(ga) < GRADIENT_TOLERANCE && Math.abs(gb) < GRADIENT_TOLERANCE) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double slope = ga * da + gb * db;
            double step = 1;
            while (step >= MIN_STEP) {
                double next = loss(logits, t, a + step * da, b + step * db);
                if (next < loss + 1e-4 * step * slope) {
                    a += step * da;
                    b += step * db;
                    loss = next;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new PlattCalibrator(a, b);
    }

    /** Cross-entropy against soft targets, written with softplus so that large logits neither overflow nor NaN. */
    private static double loss(double[] logits, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = a * logits[i] + b;
            sum += t[i] * softplus(-z) + (1 - t[i]) * softplus(z);
        }
        return sum;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
