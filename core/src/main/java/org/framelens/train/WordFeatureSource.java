package org.framelens.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.framelens.encode.WordFeatures;

/** Resolves {@link TrainingConfig#wordFeatures()} to a table: none, the shipped default, or a file. */
final class WordFeatureSource {
    /** Where framelens-models keeps the default table (the one the default model was trained with). */
    static final String DEFAULT_RESOURCE = "/org/framelens/models/word-features.bin";

    private WordFeatureSource() {
    }

    static Optional<WordFeatures> resolve(String source) {
        if (TrainingConfig.NO_WORD_FEATURES.equals(source)) {
            return Optional.empty();
        }
        if (TrainingConfig.DEFAULT_WORD_FEATURES.equals(source)) {
            try (InputStream in = WordFeatureSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default word-feature table " + DEFAULT_RESOURCE
                            + " is not on the classpath; add org.framelens:framelens-models or pass a table file");
                }
                return Optional.of(WordFeatures.read(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the default word-feature table: " + e.getMessage(), e);
            }
        }
        Path file = Path.of(source);
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(WordFeatures.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read word-feature table " + file + ": " + e.getMessage(), e);
        }
    }
}
