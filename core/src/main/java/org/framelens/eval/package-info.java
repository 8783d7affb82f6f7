/**
 * Evaluation stage, pure Java with no DL4J: binary sentence metrics ({@link org.framelens.eval.BinaryMetrics}),
 * token-level span metrics ({@link org.framelens.eval.SpanMetrics}), threshold choice, Platt calibration,
 * reliability and precision-recall/ROC curves for plots, and stratified cross-validation folds.
 *
 * <p>Conventions for the whole package: gold labels are {@code boolean}s with {@code true} = LOADED (the positive
 * class); a probability at or above the threshold predicts LOADED; every ratio whose denominator is zero is defined
 * as 0 (so, for example, precision with no predicted positives is 0, and ROC AUC and average precision are 0 when a
 * class is absent). Results are immutable records and every method is stateless, so all types are thread-safe.
 */
package org.framelens.eval;
