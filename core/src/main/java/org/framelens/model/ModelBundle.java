package org.framelens.model;

import java.util.Objects;
import org.framelens.encode.Vocabulary;

/**
 * Everything needed to score: the manifest (thresholds, calibration, provenance), the vocabulary and the network.
 * The network instance inside is not thread-safe; {@link org.framelens.FramingScorer} copies it per thread.
 */
public record ModelBundle(BundleManifest manifest, Vocabulary vocabulary, FramingNetwork network) {
    public ModelBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(network, "network");
    }
}
