package org.framelens.train;

import java.util.List;
import org.framelens.TrainingDataException;

/**
 * What {@link CorpusReader} read from one file. Immutable and thread-safe.
 *
 * @param sentences the valid rows, in file order
 * @param skipped   one exception per invalid row that was skipped, in file order; empty unless invalid rows were
 *                  allowed
 */
public record CorpusReadResult(List<LabelledSentence> sentences, List<TrainingDataException> skipped) {
    public CorpusReadResult {
        sentences = List.copyOf(sentences);
        skipped = List.copyOf(skipped);
    }

    /** The number of invalid rows that were skipped. */
    public int skippedCount() {
        return skipped.size();
    }
}
