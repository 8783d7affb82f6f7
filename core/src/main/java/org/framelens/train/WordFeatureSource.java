package org.framelens.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.framelens.FrameLens;
import org.framelens.encode.WordFeatures;
import org.framelens.model.BundleIO;

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
     * The table inside the default model's bundle (the one the default model was trained with), read without
     * loading the rest of the bundle; framelens-models ships it only there.
     */
    private static WordFeatures defaultTable() {
        String resource = FrameLens.DEFAULT_MODEL_RESOURCE;
        try (InputStream in = WordFeatureSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the default word-feature table (in " + resource
                        + ") is not on the classpath; add org.framelens:framelens-models or pass a table file");
            }
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(BundleIO.WORD_FEATURES)) {
                    return WordFeatures.read(zip);
                }
            }
            throw new IllegalStateException("the default model bundle " + resource + " holds no word-feature table");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default word-feature table: " + e.getMessage(), e);
        }
    }
}
