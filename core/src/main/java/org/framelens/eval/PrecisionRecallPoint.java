package org.framelens.eval;

/**
 * One point of a precision-recall curve. Immutable and thread-safe.
 *
 * @param threshold predictions at or above it count as LOADED
 * @param precision precision of the LOADED class at that threshold
 * @param recall    recall of the LOADED class at that threshold
 */
public record PrecisionRecallPoint(double threshold, double precision, double recall) {
}
