package org.framelens.train;

import java.nio.file.Path;
import java.util.Locale;
import org.framelens.TrainingDataException;

/** The file formats {@link CorpusReader} reads. */
public enum CorpusFormat {
    /** Comma-separated values (or another delimiter, given or detected), RFC 4180 quoting. */
    CSV,
    /** Tab-separated values, with the same quoting rules as CSV. */
    TSV,
    /** JSON Lines: one JSON object per line. */
    JSONL;

    /**
     * Detects the format from the file extension: {@code .csv}; {@code .tsv} or {@code .tab}; {@code .jsonl},
     * {@code .ndjson} or {@code .json}.
     *
     * @throws TrainingDataException (line 0) if the extension does not say, as for {@code .txt}
     */
    public static CorpusFormat fromPath(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return TSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        throw new TrainingDataException(file.toString(), 0, "cannot tell the corpus format from the file name; "
                + "pass --format csv, tsv or jsonl");
    }

    /**
     * Parses a format name such as {@code "csv"} (case-insensitive).
     *
     * @throws IllegalArgumentException if the name is not csv, tsv or jsonl
     */
    public static CorpusFormat fromName(String name) {
        String norm = name.trim().toUpperCase(Locale.ROOT);
        for (CorpusFormat f : values()) {
            if (f.name().equals(norm)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown corpus format '" + name + "'; expected csv, tsv or jsonl");
    }
}
