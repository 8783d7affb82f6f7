package org.framelens.model;

/**
 * Raw network outputs for a batch, before calibration.
 *
 * @param sentence {@code sentence[i]}: uncalibrated P(loaded) of sentence i
 * @param tokens   {@code tokens[i][t]}: P(token t of sentence i is in a loaded phrase), only real tokens
 * @param devices  {@code devices[i][d]}: P(sentence i uses device family d), in {@code FramingDevice} order
 */
public record Predictions(double[] sentence, double[][] tokens, double[][] devices) {
    /** The outputs for an empty batch. */
    static Predictions none() {
        return new Predictions(new double[0], new double[0][], new double[0][]);
    }
}
