package org.framelens.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.framelens.model.NetworkSpec;

/**
 * Everything that determines a training run besides the data. The same data and config give the same model.
 *
 * @param modelId        name stored in the bundle
 * @param seed           seeds initialisation, shuffling, dropout and word dropout
 * @param maxEpochs      upper bound on epochs
 * @param patience       stop after this many epochs without a better dev F1
 * @param batchSize      sentences per gradient step
 * @param learningRate   Adam learning rate
 * @param minWordCount   a training word needs this many occurrences to get its own embedding
 * @param wordDropout    probability of replacing a training token by the unknown word, so the model learns to cope
 *                       with unseen words
 * @param classWeighting weight sentences inversely to their class frequency (for imbalanced corpora)
 * @param network        the network shape
 * @param pretrained     initialise word embeddings from all-MiniLM-L6-v2's WordPiece table (and add its whole words
 *                       to the vocabulary) when that jar is on the classpath; the embedding size is then the
 *                       network's {@code embeddingSize}
 * @param freezeEmbeddings keep pretrained embeddings fixed during training, so words unseen in training keep
 *                       vectors comparable with the trained ones
 */
public record TrainingConfig(String modelId, long seed, int maxEpochs, int patience, int batchSize,
                             double learningRate, int minWordCount, double wordDropout, boolean classWeighting,
                             NetworkSpec network, boolean pretrained, boolean freezeEmbeddings) {
    public TrainingConfig {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(network, "network");
        if (maxEpochs < 1 || patience < 1 || batchSize < 1 || minWordCount < 1) {
            throw new IllegalArgumentException("epochs, patience, batch size and min word count must be positive");
        }
        if (!(learningRate > 0) || wordDropout < 0 || wordDropout >= 1) {
            throw new IllegalArgumentException("learning rate must be > 0 and word dropout in [0, 1)");
        }
    }

    /** The configuration of the shipped default model. */
    public static TrainingConfig defaults() {
        return new TrainingConfig("framelens-default", 42, 30, 4, 32, 2e-3, 1, 0.2, true, NetworkSpec.defaults(),
                false, false);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(modelId, newSeed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, network, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withMaxEpochs(int epochs) {
        return new TrainingConfig(modelId, seed, epochs, patience, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, network, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withWordDropout(double rate) {
        return new TrainingConfig(modelId, seed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                rate, classWeighting, network, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withPretrained(boolean use, boolean freeze) {
        return new TrainingConfig(modelId, seed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, network, use, freeze);
    }

    public TrainingConfig withPatience(int epochs) {
        return new TrainingConfig(modelId, seed, maxEpochs, epochs, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, network, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withModelId(String id) {
        return new TrainingConfig(id, seed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, network, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withNetwork(NetworkSpec spec) {
        return new TrainingConfig(modelId, seed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                wordDropout, classWeighting, spec, pretrained, freezeEmbeddings);
    }

    public TrainingConfig withMinWordCount(int count) {
        return new TrainingConfig(modelId, seed, maxEpochs, patience, batchSize, learningRate, count,
                wordDropout, classWeighting, network, pretrained, freezeEmbeddings);
    }

    /** The configuration as a JSON-ready map, stored in the bundle manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelId", modelId);
        m.put("seed", seed);
        m.put("maxEpochs", maxEpochs);
        m.put("patience", patience);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("minWordCount", minWordCount);
        m.put("wordDropout", wordDropout);
        m.put("classWeighting", classWeighting);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("embeddingSize", network.embeddingSize());
        n.put("channels", network.channels());
        n.put("kernelSize", network.kernelSize());
        n.put("convLayers", network.convLayers());
        n.put("hiddenSize", network.hiddenSize());
        n.put("dropout", network.dropout());
        m.put("network", n);
        m.put("pretrained", pretrained);
        m.put("freezeEmbeddings", freezeEmbeddings);
        return m;
    }
}
