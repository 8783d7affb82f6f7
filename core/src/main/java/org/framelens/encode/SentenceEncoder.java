package org.framelens.encode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.framelens.text.Token;

/** Turns token lists into padded id batches (and word-feature arrays). Immutable and thread-safe. */
public final class SentenceEncoder {
    private final Vocabulary vocabulary;
    private final WordFeatures features;

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
        float[] row = new float[dims];
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i);
            lengths[i] = tokens.size();
            for (int t = 0; t < tokens.size(); t++) {
                String text = tokens.get(t).text();
                ids[i][t] = vocabulary.id(text);
                if (dims > 0) {
                    features.copyInto(text, row, 0);
                    for (int d = 0; d < dims; d++) {
                        values[i][d * width + t] = row[d];
                    }
                }
            }
        }
        return new EncodedBatch(ids, lengths, values, dims);
    }
}
