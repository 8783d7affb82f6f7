package org.framelens.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a FrameLens network: word embeddings, a stack of 1-D convolutions (no dilation: the M2.1
 * native conv1d fails on dilated "same" convolutions), and three
 * heads (sentence, token, device families).
 *
 * @param embeddingSize  width of the trainable word embedding
 * @param channels       convolution channels per layer
 * @param kernelSize     convolution width in tokens
 * @param convLayers     number of stacked convolution layers
 * @param hiddenSize     width of the dense layer under the sentence and device heads
 * @param dropout        dropout rate (probability of dropping) on the embedding and the dense layer
 */
public record NetworkSpec(int embeddingSize, int channels, int kernelSize, int convLayers, int hiddenSize,
                          double dropout) {
    public NetworkSpec {
        if (embeddingSize < 1 || channels < 1 || kernelSize < 1 || convLayers < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("network sizes must be positive: " + this);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
    }

    /** The spec as a JSON-ready map, as the bundle manifest's training configuration stores it. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embeddingSize", embeddingSize);
        m.put("channels", channels);
        m.put("kernelSize", kernelSize);
        m.put("convLayers", convLayers);
        m.put("hiddenSize", hiddenSize);
        m.put("dropout", dropout);
        return m;
    }

    /** The spec {@link #asMap()} wrote; empty when a value is missing or not a number. */
    public static Optional<NetworkSpec> fromMap(Map<?, ?> m) {
        for (String key : List.of("embeddingSize", "channels", "kernelSize", "convLayers", "hiddenSize", "dropout")) {
            if (!(m.get(key) instanceof Number)) {
                return Optional.empty();
            }
        }
        return Optional.of(new NetworkSpec(integer(m, "embeddingSize"), integer(m, "channels"),
                integer(m, "kernelSize"), integer(m, "convLayers"), integer(m, "hiddenSize"),
                ((Number) m.get("dropout")).doubleValue()));
    }

    private static int integer(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    public NetworkSpec withEmbeddingSize(int size) {
        return new NetworkSpec(size, channels, kernelSize, convLayers, hiddenSize, dropout);
    }

    public NetworkSpec withKernelSize(int size) {
        return new NetworkSpec(embeddingSize, channels, size, convLayers, hiddenSize, dropout);
    }

    public NetworkSpec withConvLayers(int layers) {
        return new NetworkSpec(embeddingSize, channels, kernelSize, layers, hiddenSize, dropout);
    }

    public NetworkSpec withChannels(int newChannels) {
        return new NetworkSpec(embeddingSize, newChannels, kernelSize, convLayers, hiddenSize, dropout);
    }

    public NetworkSpec withHiddenSize(int size) {
        return new NetworkSpec(embeddingSize, channels, kernelSize, convLayers, size, dropout);
    }

    public NetworkSpec withDropout(double rate) {
        return new NetworkSpec(embeddingSize, channels, kernelSize, convLayers, hiddenSize, rate);
    }

    /** The default used for the shipped model. */
    public static NetworkSpec defaults() {
        return new NetworkSpec(32, 48, 3, 2, 64, 0.25);
    }
}
