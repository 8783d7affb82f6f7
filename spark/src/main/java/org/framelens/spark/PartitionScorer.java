package org.framelens.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.framelens.FrameLensException;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;

/**
 * Scores one partition: borrows the JVM's shared scorer, then streams the rows through it in batches so that a
 * partition is never held in memory. Errors name the partition and the row's position in it (and its id).
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Rows per {@code scoreAll} call in sentence mode: the scorer's own batch size. */
    static final int BATCH = 128;

    private final String modelPath;
    private final double threshold;
    private final boolean document;
    private final int textIndex;
    private final int idIndex;
    private final int maxChars;

    PartitionScorer(String modelPath, double threshold, String mode, int textIndex, int idIndex, int maxChars) {
        this.modelPath = modelPath;
        this.threshold = threshold;
        this.document = FramingScorerTransformer.MODE_DOCUMENT.equals(mode);
        this.textIndex = textIndex;
        this.idIndex = idIndex;
        this.maxChars = maxChars;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator(); // an empty partition never loads a model
        }
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
        FramingScorer scorer;
        try {
            scorer = ScorerCache.get(modelPath, threshold);
        } catch (RuntimeException e) {
            throw new FrameLensException("FrameLens: partition " + partition + ", before row 0: cannot load model "
                    + (modelPath == null ? "(built-in)" : "'" + modelPath + "'") + ": " + e.getMessage()
                    + "; modelPath must exist on every executor, or name a file shipped with --files", e);
        }
        return new Scored(rows, scorer, partition);
    }

    /** Lazily scores up to {@link #BATCH} input rows at a time. */
    private final class Scored implements Iterator<Row> {
        private final Iterator<Row> in;
        private final FramingScorer scorer;
        private final int partition;
        private final Deque<Row> ready = new ArrayDeque<>();
        private long nextRow;

        Scored(Iterator<Row> in, FramingScorer scorer, int partition) {
            this.in = in;
            this.scorer = scorer;
            this.partition = partition;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && in.hasNext()) {
                fill();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void fill() {
            List<Row> batch = new ArrayList<>(BATCH);
            long first = nextRow;
            while (batch.size() < BATCH && in.hasNext()) {
                Row row = in.next();
                check(row, nextRow++);
                batch.add(row);
            }
            Object[] scores = document ? scoreDocuments(batch, first) : scoreSentences(batch, first);
            for (int i = 0; i < batch.size(); i++) {
                ready.add(append(batch.get(i), scores[i]));
            }
        }

        private void check(Row row, long index) {
            String text = row.getString(textIndex);
            if (text != null && text.length() > maxChars) {
                throw new FrameLensException(where(row, index) + ": text has " + text.length()
                        + " characters, more than maxChars=" + maxChars
                        + "; split the text into smaller cells or raise maxChars");
            }
        }

        private Object[] scoreSentences(List<Row> batch, long first) {
            List<String> texts = new ArrayList<>(batch.size());
            for (Row r : batch) {
                if (!r.isNullAt(textIndex)) {
                    texts.add(r.getString(textIndex));
                }
            }
            List<SentenceScore> scored;
            try {
                scored = scorer.scoreAll(texts);
            } catch (RuntimeException e) {
                // find the row the batch failed on, scoring one at a time
                for (int i = 0; i < batch.size(); i++) {
                    if (!batch.get(i).isNullAt(textIndex)) {
                        try {
                            scorer.score(batch.get(i).getString(textIndex));
                        } catch (RuntimeException rowError) {
                            throw failed(batch.get(i), first + i, rowError);
                        }
                    }
                }
                throw new FrameLensException("FrameLens: partition " + partition + ", rows " + first + " to "
                        + (first + batch.size() - 1) + ": scoring failed: " + e.getMessage(), e);
            }
            Object[] out = new Object[batch.size()];
            int k = 0;
            for (int i = 0; i < batch.size(); i++) {
                out[i] = batch.get(i).isNullAt(textIndex) ? null : ScoreRows.sentence(scored.get(k++));
            }
            return out;
        }

        private Object[] scoreDocuments(List<Row> batch, long first) {
            Object[] out = new Object[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Row r = batch.get(i);
                if (r.isNullAt(textIndex)) {
                    continue;
                }
                try {
                    out[i] = ScoreRows.document(scorer.scoreDocument(r.getString(textIndex)));
                } catch (RuntimeException e) {
                    throw failed(r, first + i, e);
                }
            }
            return out;
        }

        private FrameLensException failed(Row row, long index, RuntimeException e) {
            return new FrameLensException(where(row, index) + ": scoring failed: " + e, e);
        }

        private String where(Row row, long index) {
            String id = idIndex < 0 ? "" : " (id=" + row.get(idIndex) + ")";
            return "FrameLens: partition " + partition + ", row " + index + id;
        }

        private Row append(Row row, Object score) {
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = score;
            return RowFactory.create(values);
        }
    }
}
