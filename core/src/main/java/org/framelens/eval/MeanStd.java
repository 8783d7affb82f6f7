package org.framelens.eval;

import java.util.Objects;

/**
 * The mean and sample standard deviation of a metric over runs or folds. Immutable and thread-safe.
 *
 * @param mean the arithmetic mean
 * @param std  the sample standard deviation (divisor {@code n - 1}); 0 for a single value
 */
public record MeanStd(double mean, double std) {
    /**
     * Summarises the given values.
     *
     * @throws IllegalArgumentException if there are no values or one is not finite
     */
    public static MeanStd of(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + " is not finite");
            }
            sum += v;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new MeanStd(mean, 0);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(squares / (values.length - 1)));
    }
}
