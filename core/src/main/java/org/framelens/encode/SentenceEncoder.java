package org.framelens.encode;

import java.util.List;
import java.util.Objects;
import org.framelens.text.Token;

/** Turns token lists into padded id batches. Immutable and thread-safe. */
public final class SentenceEncoder {
    private final Vocabulary vocabulary;

    public SentenceEncoder(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
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
        int[][] ids = new int[sentences.size()][width];
        int[] lengths = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i);
            lengths[i] = tokens.size();
            for (int t = 0; t < tokens.size(); t++) {
                ids[i][t] = vocabulary.id(tokens.get(t).text());
            }
        }
        return new EncodedBatch(ids, lengths);
    }
}
