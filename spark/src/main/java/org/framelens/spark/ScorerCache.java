package org.framelens.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;

/**
 * One {@link FramingScorer} per executor JVM for each (model path, threshold): a scorer holds a network copy per
 * core, so loading it per task or per partition would waste seconds and memory. {@code FramingScorer} is
 * thread-safe, so the tasks running in the JVM share it.
 */
final class ScorerCache {
    private record Key(String modelPath, double threshold) {
    }

    private static final Map<Key, FramingScorer> SCORERS = new ConcurrentHashMap<>();

    private ScorerCache() {
    }

    /**
     * The shared scorer for {@code modelPath} ({@code null} or empty: the built-in model) and {@code threshold}
     * ({@code NaN}: the bundle's own). A failed load is not cached, so a retried task tries again.
     *
     * @throws org.framelens.BundleException if the bundle is missing or invalid
     */
    static FramingScorer get(String modelPath, double threshold) {
        Key key = new Key(modelPath == null ? "" : modelPath, threshold);
        return SCORERS.computeIfAbsent(key, ScorerCache::load);
    }

    private static FramingScorer load(Key key) {
        FramingScorer base;
        if (key.modelPath().isEmpty()) {
            base = FrameLens.loadDefault();
        } else {
            base = FrameLens.load(resolve(key.modelPath()));
        }
        return Double.isNaN(key.threshold()) ? base : base.withThreshold(key.threshold());
    }

    /** A local path, or else the name of a file shipped to the executors with {@code --files}. */
    static Path resolve(String modelPath) {
        Path p = Path.of(Objects.requireNonNull(modelPath, "modelPath"));
        if (!Files.exists(p)) {
            try {
                Path shipped = Path.of(SparkFiles.get(p.getFileName().toString()));
                if (Files.exists(shipped)) {
                    return shipped;
                }
            } catch (RuntimeException e) {
                // no SparkContext in this JVM: report the path as given
            }
        }
        return p;
    }
}
