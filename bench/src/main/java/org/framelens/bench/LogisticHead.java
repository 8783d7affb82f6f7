package org.framelens.bench;

/** Binary logistic regression on dense features, standardized, fitted by full-batch gradient descent with L2. */
final class LogisticHead {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private double bias;

    private LogisticHead(int dims) {
        mean = new double[dims];
        scale = new double[dims];
        weights = new double[dims];
    }

    /** Fits on rows {@code x} with labels {@code y}. */
    static LogisticHead fit(float[][] x, boolean[] y, int iterations, double learningRate, double l2) {
        int n = x.length;
        int d = x[0].length;
        LogisticHead h = new LogisticHead(d);
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                h.mean[j] += row[j] / (double) n;
            }
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                h.scale[j] += (row[j] - h.mean[j]) * (row[j] - h.mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            h.scale[j] = 1 / Math.sqrt(h.scale[j] + 1e-12);
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = h.standardize(x[i]);
        }
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            double gradBias = 0;
            for (int i = 0; i < n; i++) {
                double err = h.sigmoid(z[i]) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[i][j];
                }
                gradBias += err;
            }
            for (int j = 0; j < d; j++) {
                h.weights[j] -= learningRate * (grad[j] / n + l2 * h.weights[j]);
            }
            h.bias -= learningRate * gradBias / n;
        }
        return h;
    }

    /** Probability that {@code features} is loaded. */
    double probability(float[] features) {
        return sigmoid(standardize(features));
    }

    private double[] standardize(float[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (row[j] - mean[j]) * scale[j];
        }
        return z;
    }

    private double sigmoid(double[] z) {
        double s = bias;
        for (int j = 0; j < z.length; j++) {
            s += weights[j] * z[j];
        }
        return 1 / (1 + Math.exp(-s));
    }
}
