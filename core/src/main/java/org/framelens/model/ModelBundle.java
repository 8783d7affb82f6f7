package org.framelens.model;

import java.util.Objects;
import java.util.Optional;
import org.framelens.encode.SentenceEncoder;
import org.framelens.encode.Vocabulary;
import org.framelens.encode.WordFeatures;

/**
 * Everything needed to score: the manifest (thresholds, calibration, provenance), the vocabulary, the network and,
 * when the network reads them, its fixed word features. The network instance inside is not thread-safe;
 * {@link org.framelens.FramingScorer} copies it per thread.
 */
public record ModelBundle(BundleManifest manifest, Vocabulary vocabulary, FramingNetwork network,
                          Optional<WordFeatures> wordFeatures) {
    public ModelBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(wordFeatures, "wordFeatures");
        int dims = wordFeatures.map(WordFeatures::dimensions).orElse(0);
        if (network.featureDimensions() != dims) {
            throw new IllegalArgumentException("the network reads " + network.featureDimensions()
                    + " word-feature values per token, the table has " + dims);
        }
    }

    /** A bundle whose network reads token ids only. */
    public ModelBundle(BundleManifest manifest, Vocabulary vocabulary, FramingNetwork network) {
        this(manifest, vocabulary, network, Optional.empty());
    }

    /** The encoder that feeds this bundle's network. */
    public SentenceEncoder encoder() {
        return new SentenceEncoder(vocabulary, wordFeatures);
    }
}
