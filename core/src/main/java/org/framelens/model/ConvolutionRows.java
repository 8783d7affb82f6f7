package org.framelens.model;

/**
 * The input of a "same" 1-D convolution laid out as one row per position (im2col), so that the convolution is one
 * matrix product: a row holds the activations of the {@code kernel} positions the convolution reads, side by side,
 * then a 1 that multiplies the bias. A padding position's row stays all zero, so its output is zero before and after
 * the ReLU, as the trained network's mask layers leave it.
 *
 * @param channels activations per position
 * @param kernel   convolution width in positions
 */
record ConvolutionRows(int channels, int kernel) {
    ConvolutionRows {
        if (channels < 1 || kernel < 1) {
            throw new IllegalArgumentException("channels and kernel must be positive");
        }
    }

    /** Values per row: the kernel's activations and the bias input. */
    int columns() {
        return kernel * channels + 1;
    }

    /**
     * Positions a "same" convolution pads before the sequence: position t reads t - before ... t - before + kernel - 1
     * (for an even kernel one more after than before, as in DL4J).
     */
    int before() {
        return (kernel - 1) / 2;
    }

    /**
     * Writes position {@code t}'s activations (the first {@code channels} values of {@code activations}) into the
     * rows of the positions of its sentence that read it, and marks t's own row as a real position. Rows start at
     * {@code firstRow}, the sentence has {@code length} real positions, and the output must be zero beforehand.
     */
    void place(float[] activations, int t, int length, int firstRow, float[] out) {
        int columns = columns();
        for (int k = 0; k < kernel; k++) {
            int reader = t - k + before(); // reads t at offset k
            if (reader >= 0 && reader < length) {
                System.arraycopy(activations, 0, out, (firstRow + reader) * columns + k * channels, channels);
            }
        }
        out[(firstRow + t) * columns + kernel * channels] = 1f;
    }
}
