package org.framelens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.framelens.model.BackgroundStart;
import org.framelens.model.BundleIO;
import org.framelens.model.ModelBundle;
import org.framelens.model.NativeSettings;
import org.framelens.text.SentenceSplitter;
import org.framelens.text.TokenizerAdapter;

/**
 * Entry point: loads a {@link FramingScorer}.
 *
 * <pre>{@code
 * FramingScorer scorer = FrameLens.loadDefault();
 * SentenceScore s = scorer.score("Moscow cannot withstand its red lines being broken.");
 * }</pre>
 */
public final class FrameLens {
    /** Classpath location of the default bundle, shipped in the {@code framelens-models} jar. */
    public static final String DEFAULT_MODEL_RESOURCE = "/org/framelens/models/framelens-default.zip";

    private FrameLens() {
    }

    /**
     * Starts, on background threads, the one-time work that loading any model needs (ND4J's native backend, the
     * OpenNLP models; about half a second of a cold start) and returns at once. The load methods start it
     * themselves; an application that calls this earlier in its own start-up overlaps that work with its own.
     */
    public static void preload() {
        NativeSettings.startBackend();
        OPENNLP.start();
    }

    /**
     * Loads the default model from the classpath.
     *
     * @throws BundleException if {@code framelens-models} is not on the classpath or its bundle is invalid
     */
    public static FramingScorer loadDefault() {
        preload(); // overlaps with reading the bundle
        return fromBundle(defaultBundle());
    }

    /**
     * Reads and validates the default model bundle from the classpath, for callers that need its parts (its
     * manifest, vocabulary or network) rather than a scorer.
     *
     * @throws BundleException if {@code framelens-models} is not on the classpath or its bundle is invalid
     */
    public static ModelBundle defaultBundle() {
        try (InputStream in = FrameLens.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new BundleException(BundleException.Reason.UNREADABLE, "default model "
                        + DEFAULT_MODEL_RESOURCE + " is not on the classpath; add the org.framelens:framelens-models "
                        + "dependency or load a bundle with FrameLens.load(path)");
            }
            return BundleIO.read(in, "classpath:" + DEFAULT_MODEL_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads and validates a model bundle file.
     *
     * @throws BundleException naming the failed check if the file is missing, corrupt or incompatible
     */
    public static FramingScorer load(Path bundle) {
        preload();
        return fromBundle(BundleIO.read(bundle));
    }

    /** Wraps an already loaded bundle (for example one just trained). */
    public static FramingScorer fromBundle(ModelBundle bundle) {
        int copies = Math.max(1, Runtime.getRuntime().availableProcessors());
        OpenNlp models = OPENNLP.get();
        return new FramingScorer(bundle, models.tokenizer(), models.splitter(), copies);
    }

    /** OpenNLP models are immutable and thread-safe once loaded: they are loaded once per JVM. */
    private record OpenNlp(TokenizerAdapter tokenizer, SentenceSplitter splitter) {
    }

    /** Started by {@link #preload()}: loading the models takes about 0.1 s. */
    private static final BackgroundStart<OpenNlp> OPENNLP = new BackgroundStart<>("framelens-opennlp-start",
            () -> new OpenNlp(TokenizerAdapter.english(), SentenceSplitter.english()));
}
