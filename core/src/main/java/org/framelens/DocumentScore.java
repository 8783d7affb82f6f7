package org.framelens;

import java.util.List;
import java.util.Objects;

/**
 * The score of a document: its sentences and a document-level aggregate.
 *
 * @param sentences   sentence scores in document order, offsets relative to the document
 * @param modelId     the id of the model that scored it
 * @param probability document P(loaded): the probability that at least one sentence is loaded, taken as the
 *                    maximum sentence probability (0 for a document without sentences)
 * @param loadedShare the share of sentences labelled loaded, in [0, 1]
 */
public record DocumentScore(List<SentenceScore> sentences, String modelId, double probability, double loadedShare) {
    public DocumentScore {
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(modelId, "modelId");
    }

    /** Builds the aggregate from sentence scores. */
    public static DocumentScore of(List<SentenceScore> sentences, String modelId) {
        double max = 0;
        int loaded = 0;
        for (SentenceScore s : sentences) {
            max = Math.max(max, s.probability());
            loaded += s.loaded() ? 1 : 0;
        }
        double share = sentences.isEmpty() ? 0 : (double) loaded / sentences.size();
        return new DocumentScore(sentences, modelId, max, share);
    }

    /** The sentences labelled loaded. */
    public List<SentenceScore> loadedSentences() {
        return sentences.stream().filter(SentenceScore::loaded).toList();
    }
}
