package org.framelens.model;

/**
 * One minibatch of supervised targets for the three heads. A head's target is ignored (masked) for a sentence
 * whose source does not annotate it.
 *
 * @param input         encoded tokens
 * @param loaded        sentence targets (1 loaded, 0 neutral)
 * @param weight        per-sentence loss weight (class weighting)
 * @param tokenTargets  per-token targets (1 inside a loaded span)
 * @param tokensKnown   whether the token targets of a sentence are known
 * @param deviceTargets multi-hot device-family targets
 * @param devicesKnown  whether the device targets of a sentence are known
 */
public record TrainingBatch(org.framelens.encode.EncodedBatch input, float[] loaded, float[] weight,
                            float[][] tokenTargets, boolean[] tokensKnown, float[][] deviceTargets,
                            boolean[] devicesKnown) {
}
