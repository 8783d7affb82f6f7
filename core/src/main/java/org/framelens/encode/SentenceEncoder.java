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

    private final Vocabulary vocabulary;
    private final WordFeatures features;
    /*
     * Token text -> id and feature row. Normalising a token, looking it up twice and trying inflection strips for
     * the table cost as much as the network's embedding step; the same tokens recur constantly in news text.
     */
    private final ConcurrentHashMap<String, Lookup> cache = new ConcurrentHashMap<>();

    private record Lookup(int id, byte[] featureRow) {
    }

    public SentenceEncoder(Vocabulary vocabulary) {
        this(vocabulary, Optional.empty());
    }

    public SentenceEncoder(Vocabulary vocabulary, Optional<WordFeatures> features) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.features = features.orElse(null);
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
        if (id <= Vocabulary.UNKNOWN || id >= vocabulary.size()) {
            return Optional.empty();
        }
        String word = vocabulary.words().get(id);
        if (word.indexOf('0') >= 0) {
            return Optional.empty();
        }
        return Optional.of(features == null ? new float[0] : features.vector(word));
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
        float[][] values = new float[sentences.size()][dims * width];
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i);
            lengths[i] = tokens.size();
            for (int t = 0; t < tokens.size(); t++) {
                Lookup lookup = lookup(tokens.get(t).text());
                ids[i][t] = lookup.id();
                if (dims > 0) {
                    features.copyRow(lookup.featureRow(), values[i], t, width);
                }
            }
        }
        return new EncodedBatch(ids, lengths, values, dims);
    }

    private Lookup lookup(String token) {
        Lookup cached = cache.get(token);
        if (cached != null) {
            return cached;
        }
        Lookup fresh = new Lookup(vocabulary.id(token), features == null ? null : features.row(token));
        if (token.length() <= MAX_CACHED_TOKEN_LENGTH) {
            if (cache.size() >= MAX_CACHED_TOKENS) {
                cache.clear();
            }
            cache.put(token, fresh);
        }
        return fresh;
    }
}
