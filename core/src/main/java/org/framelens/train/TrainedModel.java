package org.framelens.train;

import org.framelens.eval.BinaryMetrics;
import org.framelens.model.ModelBundle;

/**
 * The result of training: the bundle and its metrics on the dev split (at the chosen threshold, calibrated).
 *
 * @param epochs the number of epochs run (including those after the best one, before early stopping)
 */
public record TrainedModel(ModelBundle bundle, BinaryMetrics dev, int epochs) {
}
