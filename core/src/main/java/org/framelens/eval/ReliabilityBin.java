package org.framelens.eval;

/**
 * One bin of a reliability diagram. Immutable and thread-safe.
 *
 * @param lower        the lower bound of the bin's probabilities (inclusive)
 * @param upper        the upper bound (exclusive, except for the last bin, which includes 1)
 * @param count        the number of predictions in the bin
 * @param meanProb     their mean predicted probability, or 0 for an empty bin
 * @param positiveRate the fraction of them that are LOADED, or 0 for an empty bin
 */
public record ReliabilityBin(double lower, double upper, int count, double meanProb, double positiveRate) {
    /**
     * Checks the bounds and count.
     *
     * @throws IllegalArgumentException if {@code lower > upper} or {@code count < 0}
     */
    public ReliabilityBin {
        if (!(lower <= upper) || count < 0) {
            throw new IllegalArgumentException("bad bin [" + lower + ", " + upper + ") with count " + count);
        }
    }
}
