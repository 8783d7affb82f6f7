package org.framelens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.framelens.model.BundleManifest;
import org.framelens.model.Calibration;
import org.framelens.model.InferenceNetwork;
import org.framelens.model.ModelBundle;
import org.framelens.model.Predictions;
import org.framelens.text.SentenceSplitter;
import org.framelens.text.Token;
import org.framelens.text.TokenizedSentence;
import org.framelens.text.TokenizerAdapter;

/**
 * Scores English news text for loaded framing.
 *
 * <p><b>Thread safety:</b> one instance is meant to be shared by all threads of an application. Every method may be
 * called concurrently; results do not depend on what other threads do. Internally each call borrows one of a fixed
 * pool of network copies (one per core), so at most that many batches run at once and memory stays bounded.
 *
 * <p><b>Input:</b> {@code null} throws {@link NullPointerException}. Empty or whitespace-only text gives an empty
 * result (a sentence score with no tokens, probability 0 and label false; a document with no sentences). Sentences
 * longer than {@link #MAX_TOKENS} tokens are scored on their first {@code MAX_TOKENS} tokens and flagged
 * {@link SentenceScore#truncated()}. All offsets index the string the caller passed in.
 */
public final class FramingScorer {
    /** Tokens per sentence that are scored; the rest of a longer sentence is ignored and the result flagged. */
    public static final int MAX_TOKENS = 256;
    /**
     * Sentences per network call ({@link #scoreAll} sorts its sentences by length and runs them in batches of this
     * size): large enough for throughput, small enough to bound memory.
     */
    public static final int BATCH = 128;

    private final ModelBundle bundle;
    private final SentenceEncoder encoder;
    private final TokenizerAdapter tokenizer;
    private final SentenceSplitter splitter;
    private final BlockingQueue<InferenceNetwork> networks;
    private final double threshold;
    private final Calibration calibration;

    FramingScorer(ModelBundle bundle, TokenizerAdapter tokenizer, SentenceSplitter splitter, int copies) {
        this(bundle, bundle.encoder().omittingIdFeatures(), tokenizer, splitter, pool(bundle, copies),
                bundle.manifest().threshold(), bundle.manifest().calibration());
    }

    /* scorers derived with withThreshold/withPrior share the encoder (and its lookup cache) and the network pool */
    private FramingScorer(ModelBundle bundle, SentenceEncoder encoder, TokenizerAdapter tokenizer,
                          SentenceSplitter splitter, BlockingQueue<InferenceNetwork> networks, double threshold,
                          Calibration calibration) {
        this.bundle = bundle;
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.splitter = splitter;
        this.networks = networks;
        this.threshold = threshold;
        this.calibration = calibration;
    }

    private static BlockingQueue<InferenceNetwork> pool(ModelBundle bundle, int copies) {
        BlockingQueue<InferenceNetwork> q = new ArrayBlockingQueue<>(copies);
        InferenceNetwork prepared = InferenceNetwork.of(bundle.network(), bundle.encoder());
        q.add(prepared);
        for (int i = 1; i < copies; i++) {
            q.add(prepared.copy());
        }
        return q;
    }

    /**
     * A scorer that labels sentences loaded at {@code threshold} instead of the bundle's own threshold.
     * Shares the network pool with this scorer.
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold < 1}
     */
    public FramingScorer withThreshold(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        return new FramingScorer(bundle, encoder, tokenizer, splitter, networks, threshold, calibration);
    }

    /**
     * A scorer whose probabilities assume that a share {@code prior} of the sentences it sees are loaded, instead
     * of the share the model was calibrated to (its dev split's class balance, unless it was trained with a prior;
     * see {@link BundleManifest#calibrationPrior()}). By Bayes' rule the odds of every sentence are multiplied by
     * (prior odds / calibrated odds); rankings do not change, and at the same threshold fewer sentences are labelled
     * loaded when {@code prior} is below the calibrated share. Use it when you know roughly how often loaded
     * sentences occur in your text. Shares the network pool.
     *
     * @throws IllegalArgumentException unless {@code 0 < prior < 1}
     * @throws IllegalStateException    if the bundle does not record its dev split's class balance (bundles trained
     *                                  before this option existed)
     */
    public FramingScorer withPrior(double prior) {
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1), got " + prior);
        }
        double calibratedShare = bundle.manifest().calibrationPrior().orElseThrow(() -> new IllegalStateException(
                "model " + modelId() + " does not record the class balance of its dev split; retrain it to use a prior"));
        Calibration shifted = bundle.manifest().calibration().withPrior(calibratedShare, prior);
        return new FramingScorer(bundle, encoder, tokenizer, splitter, networks, threshold, shifted);
    }

    /** The decision threshold on the calibrated probability. */
    public double threshold() {
        return threshold;
    }

    /** The model's id, as stored in its manifest. */
    public String modelId() {
        return bundle.manifest().modelId();
    }

    /** The manifest of the model bundle (provenance, thresholds, metrics). */
    public BundleManifest manifest() {
        return bundle.manifest();
    }

    /** Scores {@code sentence} as one sentence (no sentence splitting); offsets index {@code sentence}. */
    public SentenceScore score(String sentence) {
        Objects.requireNonNull(sentence, "sentence");
        return scoreTokenized(List.of(asSentence(sentence, 0, sentence.length()))).get(0);
    }

    /** Scores each string as one sentence; results are in input order, offsets index each string. */
    public List<SentenceScore> scoreAll(List<String> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        List<TokenizedSentence> tokenized = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            String s = Objects.requireNonNull(sentences.get(i), () -> "sentences contains null");
            tokenized.add(asSentence(s, 0, s.length()));
        }
        return scoreTokenized(tokenized);
    }

    /** Splits a document into sentences and scores each; offsets index {@code document}. */
    public DocumentScore scoreDocument(String document) {
        Objects.requireNonNull(document, "document");
        List<int[]> spans = splitter.split(document);
        List<SentenceScore> out = new ArrayList<>(spans.size());
        // chunked so that a very long document never holds all its tokenized sentences at once
        for (int from = 0; from < spans.size(); from += BATCH * 8) {
            List<TokenizedSentence> chunk = new ArrayList<>();
            for (int[] s : spans.subList(from, Math.min(spans.size(), from + BATCH * 8))) {
                chunk.add(asSentence(document, s[0], s[1]));
            }
            out.addAll(scoreTokenized(chunk));
        }
        return DocumentScore.of(out, modelId());
    }

    private TokenizedSentence asSentence(String document, int from, int to) {
        List<Token> tokens = tokenizer.tokenize(document, from, to, MAX_TOKENS + 1);
        boolean truncated = tokens.size() > MAX_TOKENS;
        if (truncated) {
            tokens = tokens.subList(0, MAX_TOKENS);
        }
        return new TokenizedSentence(document.substring(from, to), from, to, tokens, truncated);
    }

    private List<SentenceScore> scoreTokenized(List<TokenizedSentence> sentences) {
        SentenceScore[] out = new SentenceScore[sentences.size()];
        // sorting by length keeps padding, and so wasted work, small
        Integer[] order = new Integer[sentences.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).tokens().size()));
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            List<List<Token>> batch = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                batch.add(sentences.get(order[k]).tokens());
            }
            Predictions p = predict(encoder.encode(batch));
            for (int k = from; k < to; k++) {
                out[order[k]] = toScore(sentences.get(order[k]), p, k - from);
            }
        }
        return Arrays.asList(out);
    }

    private Predictions predict(EncodedBatch batch) {
        InferenceNetwork network;
        try {
            network = networks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrameLensException("interrupted while waiting for a free network copy", e);
        }
        try {
            return network.predict(batch);
        } finally {
            networks.add(network);
        }
    }

    private SentenceScore toScore(TokenizedSentence s, Predictions p, int i) {
        if (s.tokens().isEmpty()) {
            return new SentenceScore(s.text(), s.start(), s.end(), 0, false, List.of(), List.of(), List.of(),
                    s.truncated());
        }
        double probability = calibration.apply(p.sentence()[i]);
        boolean loaded = probability >= threshold;
        List<DeviceScore> devices = new ArrayList<>();
        FramingDevice[] all = FramingDevice.values();
        for (int d = 0; d < all.length; d++) {
            devices.add(new DeviceScore(all[d], p.devices()[i][d]));
        }
        devices.sort(Comparator.comparingDouble(DeviceScore::probability).reversed());
        List<TokenAttribution> tokens = new ArrayList<>(s.tokens().size());
        for (int t = 0; t < s.tokens().size(); t++) {
            Token tok = s.tokens().get(t);
            tokens.add(new TokenAttribution(tok.text(), tok.start(), tok.end(), p.tokens()[i][t]));
        }
        List<PhraseSpan> phrases = loaded
                ? PhraseMerger.merge(s, tokens, bundle.manifest().tokenThreshold(), devices.get(0).device())
                : List.of();
        return new SentenceScore(s.text(), s.start(), s.end(), probability, loaded, phrases, tokens, devices,
                s.truncated());
    }
}
