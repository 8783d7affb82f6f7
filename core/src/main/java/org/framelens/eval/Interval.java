package org.framelens.eval;

/**
 * A confidence interval for one metric.
 *
 * @param low  the lower bound
 * @param high the upper bound, at least {@code low}
 */
public record Interval(double low, double high) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is empty or not a number");
        }
    }

    /** Whether {@code value} lies within the interval, bounds included. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
