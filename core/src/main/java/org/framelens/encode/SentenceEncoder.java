package org.framelens.encode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.framelens.text.Token;

/** Turns token lists into padded id batches (and word-feature arrays). Thread-safe. */
public final class SentenceEncoder {
    /** Bounds the lookup cache; when full it is cleared (a news stream's vocabulary refills it quickly). */
    private static final int MAX_CACHED_TOKENS = 100_000;
    /** Longer tokens (URLs, hostile input) are looked up every time rather than cached. */
    private static final int MAX_CACHED_TOKEN_LENGTH = 64;
    private static final float[] NO_FEATURES = new float[0];

    private final Vocabulary vocabulary;
    private final WordFeatures features;
    /*
     * Token text -> id and feature row. Normalising a token, looking it up twice and trying inflection strips for
     * the table cost as much as the network's embedding step; the same tokens recur constantly in news text.
     */
    private final ConcurrentHashMap<String, Lookup> cache;
    private final boolean omitIdFeatures;

    private record Lookup(int id, byte[] featureRow, boolean featuresFollowId) {
    }

    public SentenceEncoder(Vocabulary vocabulary) {
        this(vocabulary, Optional.empty());
    }

    public SentenceEncoder(Vocabulary vocabulary, Optional<WordFeatures> features) {
        this(Objects.requireNonNull(vocabulary, "vocabulary"), features.orElse(null), new ConcurrentHashMap<>(), false);
    }

    private SentenceEncoder(Vocabulary vocabulary, WordFeatures features, ConcurrentHashMap<String, Lookup> cache,
                            boolean omitIdFeatures) {
        this.vocabulary = vocabulary;
        this.features = features;
        this.cache = cache;
        this.omitIdFeatures = omitIdFeatures;
    }

    /**
     * An encoder that writes word features only for tokens whose id does not determine them (see
     * {@link #featuresOfId}), packed in position order, and marks its batches
     * {@link EncodedBatch#idFeaturesOmitted()}: for a network that has folded each id's features into its own
     * tables, this saves copying them for every token. Shares this encoder's lookup cache.
     */
    public SentenceEncoder omittingIdFeatures() {
        return new SentenceEncoder(vocabulary, features, cache, true);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Word-feature values per token (0: the encoder gives ids only). */
    public int featureDimensions() {
        return features == null ? 0 : features.dimensions();
    }

    /**
     * The word features of every token that gets vocabulary id {@code id}, or empty when they differ between such
     * tokens (the unknown word; entries with digits, whose digits the vocabulary folds to 0 but the feature table
     * does not) or when {@code id} is padding. A model without word features gives an empty array for every word.
     */
    public Optional<float[]> featuresOfId(int id) {
        if (!featuresFollowId(id)) {
            return Optional.empty();
        }
        return Optional.of(features == null ? new float[0] : features.vector(vocabulary.words().get(id)));
    }

    /*
     * Every token with this id has the id's normal form as its lower-cased form (so the same feature row) unless
     * the normal form holds a 0, which may stand for any digit.
     */
    private boolean featuresFollowId(int id) {
        return id > Vocabulary.UNKNOWN && id < vocabulary.size() && vocabulary.words().get(id).indexOf('0') < 0;
    }

    /** Encodes sentences given as token lists, padding to the longest one (minimum width 1). */
    public EncodedBatch encode(List<List<Token>> sentences) {
        int width = 1;
        for (List<Token> s : sentences) {
            width = Math.max(width, s.size());
        }
        int dims = features == null ? 0 : features.dimensions();
        int[][] ids = new int[sentences.size()][width];
        int[] lengths = new int[sentences.size()];
        float[][] values = new float[sentences.size()][];
        Lookup[] lookups = new Lookup[width];
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i);
            lengths[i] = tokens.size();
            int withFeatures = 0;
            for (int t = 0; t < tokens.size(); t++) {
                lookups[t] = lookup(tokens.get(t).text());
                ids[i][t] = lookups[t].id();
                if (!(omitIdFeatures && lookups[t].featuresFollowId())) {
                    withFeatures++;
                }
            }
            values[i] = omitIdFeatures ? packedFeatures(lookups, tokens.size(), withFeatures, dims)
                    : paddedFeatures(lookups, tokens.size(), width, dims);
        }
        return new EncodedBatch(ids, lengths, values, dims, omitIdFeatures && dims > 0);
    }

    private float[] paddedFeatures(Lookup[] lookups, int length, int width, int dims) {
        if (dims == 0) {
            return NO_FEATURES;
        }
        float[] values = new float[dims * width];
        for (int t = 0; t < length; t++) {
            features.copyRow(lookups[t].featureRow(), values, t, width);
        }
        return values;
    }

    /*
     * Most tokens of news text have ids that determine their features; a padded array per sentence for the few that
     * do not (names, numbers) cost more to allocate and zero than the rest of encoding.
     */
    private float[] packedFeatures(Lookup[] lookups, int length, int count, int dims) {
        if (count == 0 || dims == 0) {
            return NO_FEATURES;
        }
        float[] values = new float[dims * count];
        int n = 0;
        for (int t = 0; t < length; t++) {
            if (!lookups[t].featuresFollowId()) {
                features.copyRow(lookups[t].featureRow(), values, n++, count);
            }
        }
        return values;
    }

    private Lookup lookup(String token) {
        Lookup cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        int id = vocabulary.id(token);
        Lookup fresh = new Lookup(id, features == null ? null : features.row(token), featuresFollowId(id));
        if (token.length() <= MAX_CACHED_TOKEN_LENGTH) {
            if (cache.size() >= MAX_CACHED_TOKENS) {
                cache.clear();
            }
            cache.put(token, fresh);
        }
        return fresh;
    }
}
