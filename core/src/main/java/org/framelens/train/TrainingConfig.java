package org.framelens.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.framelens.model.BundleManifest;
import org.framelens.model.NetworkSpec;

/**
 * Everything that determines a training run besides the data. The same data and config give the same model.
 * Build one with {@link #builder()} or change one with {@link #toBuilder()}.
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
 * @param thresholdPolicy how the decision threshold is derived from the calibrated dev predictions
 * @param wordFeatures   the fixed word-feature table the network reads beside its embeddings: {@code "none"},
 *                       {@code "default"} (the table shipped in framelens-models) or the path of a table file
 * @param joinRate       joined two-sentence training examples to add, as a share of the training split (0: none;
 *                       default 0.5, at most 4): they teach the network that length is no evidence of loading
 * @param prior          the share of loaded sentences the calibrated probabilities should assume, where the model
 *                       will be used; {@code null} keeps the dev split's own share. Platt scaling is fitted on dev
 *                       as always, then its odds are moved to this share by Bayes' rule, before the threshold and
 *                       the dev metrics; rankings do not change
 */
public record TrainingConfig(String modelId, long seed, int maxEpochs, int patience, int batchSize,
                             double learningRate, int minWordCount, double wordDropout, boolean classWeighting,
                             NetworkSpec network, boolean pretrained, boolean freezeEmbeddings,
                             String wordFeatures, ThresholdPolicy thresholdPolicy, double joinRate,
                             Double prior) {
    public static final String NO_WORD_FEATURES = "none";
    public static final String DEFAULT_WORD_FEATURES = "default";

    public TrainingConfig {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(wordFeatures, "wordFeatures");
        Objects.requireNonNull(thresholdPolicy, "thresholdPolicy");
        Objects.requireNonNull(network, "network");
        if (maxEpochs < 1 || patience < 1 || batchSize < 1 || minWordCount < 1) {
            throw new IllegalArgumentException("epochs, patience, batch size and min word count must be positive");
        }
        if (!(learningRate > 0) || wordDropout < 0 || wordDropout >= 1) {
            throw new IllegalArgumentException("learning rate must be > 0 and word dropout in [0, 1)");
        }
        if (!(joinRate >= 0 && joinRate <= 4)) {
            throw new IllegalArgumentException("join rate must be in [0, 4], got " + joinRate);
        }
        if (prior != null && !(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1), got " + prior);
        }
    }

    /** The configuration of the shipped default model. */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    /** A builder preset to {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelId = modelId;
        b.seed = seed;
        b.maxEpochs = maxEpochs;
        b.patience = patience;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.minWordCount = minWordCount;
        b.wordDropout = wordDropout;
        b.classWeighting = classWeighting;
        b.network = network;
        b.pretrained = pretrained;
        b.freezeEmbeddings = freezeEmbeddings;
        b.wordFeatures = wordFeatures;
        b.thresholdPolicy = thresholdPolicy;
        b.joinRate = joinRate;
        b.prior = prior;
        return b;
    }

    /** Builds a {@link TrainingConfig}; starts from the default model's settings. Not thread-safe. */
    public static final class Builder {
        private String modelId = "framelens-default";
        private long seed = 42;
        private int maxEpochs = 30;
        private int patience = 4;
        private int batchSize = 32;
        private double learningRate = 2e-3;
        private int minWordCount = 1;
        private double wordDropout = 0.2;
        private boolean classWeighting = true;
        private NetworkSpec network = NetworkSpec.defaults();
        private boolean pretrained;
        private boolean freezeEmbeddings;
        private String wordFeatures = DEFAULT_WORD_FEATURES;
        private ThresholdPolicy thresholdPolicy = ThresholdPolicy.CALIBRATED_HALF;
        private double joinRate = 0.5;
        private Double prior;

        private Builder() {
        }

        public Builder modelId(String id) {
            this.modelId = id;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder maxEpochs(int epochs) {
            this.maxEpochs = epochs;
            return this;
        }

        public Builder patience(int epochs) {
            this.patience = epochs;
            return this;
        }

        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder learningRate(double rate) {
            this.learningRate = rate;
            return this;
        }

        public Builder minWordCount(int count) {
            this.minWordCount = count;
            return this;
        }

        public Builder wordDropout(double rate) {
            this.wordDropout = rate;
            return this;
        }

        public Builder classWeighting(boolean on) {
            this.classWeighting = on;
            return this;
        }

        public Builder network(NetworkSpec spec) {
            this.network = spec;
            return this;
        }

        public Builder pretrained(boolean use, boolean freeze) {
            this.pretrained = use;
            this.freezeEmbeddings = freeze;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is out of range */
        /** {@code "none"}, {@code "default"} or the path of a word-feature table file. */
        public Builder wordFeatures(String source) {
            this.wordFeatures = source;
            return this;
        }

        public Builder thresholdPolicy(ThresholdPolicy policy) {
            this.thresholdPolicy = policy;
            return this;
        }

        public Builder joinRate(double rate) {
            this.joinRate = rate;
            return this;
        }

        /** The share of loaded sentences to calibrate to, or {@code null} for the dev split's own share. */
        public Builder prior(Double share) {
            this.prior = share;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(modelId, seed, maxEpochs, patience, batchSize, learningRate, minWordCount,
                    wordDropout, classWeighting, network, pretrained, freezeEmbeddings, wordFeatures,
                    thresholdPolicy, joinRate, prior);
        }
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
        m.put("network", network.asMap());
        m.put("pretrained", pretrained);
        m.put("freezeEmbeddings", freezeEmbeddings);
        m.put("wordFeatures", wordFeatures);
        m.put("thresholdPolicy", thresholdPolicy.name());
        m.put("joinRate", joinRate);
        if (prior != null) {
            m.put(BundleManifest.PRIOR, prior);
        }
        return m;
    }
}
