package org.framelens.train;

import java.util.ArrayList;
import java.util.List;
import org.framelens.TrainingDataException;

/** Gathers converted rows, and either throws or records the invalid ones. Not thread-safe: one per read. */
final class RowCollector {
    /** Produces one sentence, or says why the row is invalid. */
    @FunctionalInterface
    interface RowSupplier {
        LabelledSentence get() throws InvalidRowException;
    }

    private final String source;
    private final boolean skipInvalid;
    private final List<LabelledSentence> sentences = new ArrayList<>();
    private final List<TrainingDataException> skipped = new ArrayList<>();

    RowCollector(String source, boolean skipInvalid) {
        this.source = source;
        this.skipInvalid = skipInvalid;
    }

    void add(long line, RowSupplier row) {
        try {
            sentences.add(row.get());
        } catch (InvalidRowException e) {
            TrainingDataException error = new TrainingDataException(source, line, e.getMessage());
            if (!skipInvalid) {
                throw error;
            }
            skipped.add(error);
        }
    }

    CorpusReadResult finish() {
        if (sentences.isEmpty() && skipped.isEmpty()) {
            throw new TrainingDataException(source, 0, "no rows: the file is empty or holds only a header");
        }
        if (sentences.isEmpty()) {
            throw new TrainingDataException(source, 0, "no valid rows: all " + skipped.size()
                    + " rows are invalid; the first: " + skipped.get(0).getMessage());
        }
        return new CorpusReadResult(sentences, skipped);
    }
}
