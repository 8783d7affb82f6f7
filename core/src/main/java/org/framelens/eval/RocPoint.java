package org.framelens.eval;

/**
 * One point of a ROC curve. Immutable and thread-safe.
 *
 * @param threshold         predictions at or above it count as LOADED; {@code +Infinity} for the origin
 * @param falsePositiveRate the fraction of NEUTRAL sentences predicted LOADED
 * @param truePositiveRate  the fraction of LOADED sentences predicted LOADED
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
