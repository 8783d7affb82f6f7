package org.framelens.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.framelens.BundleException;
import org.framelens.FrameLens;
import org.framelens.encode.WordFeatures;

/** Resolves {@link TrainingConfig#wordFeatures()} to a table: none, the shipped default, or a file. */
final class WordFeatureSource {
    private WordFeatureSource() {
    }

    static Optional<WordFeatures> resolve(String source) {
        if (TrainingConfig.NO_WORD_FEATURES.equals(source)) {
            return Optional.empty();
        }
        if (TrainingConfig.DEFAULT_WORD_FEATURES.equals(source)) {
            return Optional.of(defaultTable());
        }
        Path file = Path.of(source);
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(WordFeatures.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read word-feature table " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The table inside the default model's bundle, the one the default model was trained with (framelens-models
     * ships it only there).
     */
    private static WordFeatures defaultTable() {
        try {
            return FrameLens.defaultBundle().wordFeatures().orElseThrow(() -> new IllegalStateException(
                    "the default model bundle holds no word-feature table"));
        } catch (BundleException e) {
            throw new IllegalStateException("cannot read the default word-feature table: " + e.getMessage(), e);
        }
    }
}
