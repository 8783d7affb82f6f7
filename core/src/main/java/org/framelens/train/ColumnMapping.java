package org.framelens.train;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says which columns (CSV/TSV) or fields (JSONL) of a corpus hold what, and how labels map to loaded/neutral.
 * Immutable and thread-safe; change it with the {@code with*} methods, which return a copy.
 *
 * <p>Optional columns are {@code null} when the corpus has no such column. Without a header, CSV/TSV columns are
 * addressed by 0-based index strings ({@code "0"}, {@code "1"}, ...); JSONL always addresses fields by name.
 *
 * @param textColumn       the column holding the sentence
 * @param labelColumn      the column holding the sentence label
 * @param positiveLabels   label values meaning "loaded"; stored trimmed and lower-cased, matched case-insensitively
 * @param negativeLabels   label values meaning "neutral"; when empty, every non-positive label is neutral,
 *                         otherwise a label in neither set is a row error
 * @param spansColumn      a column holding a JSON array of {@code {start, end[, device]}} objects, or {@code null};
 *                         when set, sentences have {@code spansKnown = true}
 * @param devicesColumn    a column holding device codes (a JSON array, or codes separated by {@code , ; |} or
 *                         spaces), or {@code null}; when set, sentences have {@code devicesKnown = true}
 * @param topicColumn      a topic or group column, or {@code null}
 * @param splitColumn      a column holding {@code train}, {@code dev}, {@code test} or an empty value, or
 *                         {@code null}
 * @param delimiter        the CSV delimiter, or {@code null} to detect it from the first line among
 *                         {@code , ; TAB |}; ignored for TSV (always TAB) and JSONL
 * @param header           whether the first CSV/TSV line is a header; ignored for JSONL
 * @param codePointOffsets whether span offsets count Unicode code points (as Python strings do) rather than UTF-16
 *                         units (as Java strings do); the two differ only for characters outside the BMP, such as
 *                         emoji
 */
public record ColumnMapping(String textColumn, String labelColumn, Set<String> positiveLabels,
                            Set<String> negativeLabels, String spansColumn, String devicesColumn, String topicColumn,
                            String splitColumn, Character delimiter, boolean header, boolean codePointOffsets) {

    /**
     * Validates and normalises the mapping.
     *
     * @throws IllegalArgumentException if a required column is blank, no positive label is given, a label is
     *                                  blank, a label is both positive and negative, or the delimiter is a quote,
     *                                  a line break or a letter or digit
     */
    public ColumnMapping {
        textColumn = requireColumn(textColumn, "textColumn");
        labelColumn = requireColumn(labelColumn, "labelColumn");
        positiveLabels = normaliseLabels(positiveLabels, "positiveLabels");
        negativeLabels = normaliseLabels(negativeLabels, "negativeLabels");
        if (positiveLabels.isEmpty()) {
            throw new IllegalArgumentException("positiveLabels is empty; name at least one label meaning 'loaded'");
        }
        for (String label : positiveLabels) {
            if (negativeLabels.contains(label)) {
                throw new IllegalArgumentException("label '" + label + "' is both positive and negative");
            }
        }
        spansColumn = optionalColumn(spansColumn);
        devicesColumn = optionalColumn(devicesColumn);
        topicColumn = optionalColumn(topicColumn);
        splitColumn = optionalColumn(splitColumn);
        if (delimiter != null) {
            char d = delimiter;
            if (d == '"' || d == '\n' || d == '\r' || Character.isLetterOrDigit(d)) {
                throw new IllegalArgumentException("delimiter '" + d + "' cannot separate CSV fields");
            }
        }
    }

    /**
     * A mapping for a headed corpus with only a text and a label column; every label not in
     * {@code positiveLabels} is neutral.
     */
    public static ColumnMapping of(String textColumn, String labelColumn, String... positiveLabels) {
        return new ColumnMapping(textColumn, labelColumn, Set.of(positiveLabels), Set.of(), null, null, null, null,
                null, true, true);
    }

    /**
     * The FrameLens corpus format ({@code training-data/GUIDELINES.md} section 9): JSONL with {@code text},
     * {@code label} ({@code LOADED} or {@code NEUTRAL}), {@code spans}, {@code devices}, {@code topic} and
     * {@code split}; offsets count code points, since the corpus compiler is written in Python.
     */
    public static ColumnMapping projectJsonl() {
        return new ColumnMapping("text", "label", Set.of("LOADED"), Set.of("NEUTRAL"), "spans", "devices", "topic",
                "split", null, true, true);
    }

    /** A copy whose label values outside {@code positiveLabels} and {@code labels} are row errors. */
    public ColumnMapping withNegativeLabels(String... labels) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, Set.of(labels), spansColumn, devicesColumn,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy reading gold spans from {@code column} ({@code null} for none). */
    public ColumnMapping withSpansColumn(String column) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, column, devicesColumn,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy reading gold device families from {@code column} ({@code null} for none). */
    public ColumnMapping withDevicesColumn(String column) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, column,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy reading the topic from {@code column} ({@code null} for none). */
    public ColumnMapping withTopicColumn(String column) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, devicesColumn,
                column, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy reading the split from {@code column} ({@code null} for none). */
    public ColumnMapping withSplitColumn(String column) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, devicesColumn,
                topicColumn, column, delimiter, header, codePointOffsets);
    }

    /** A copy with a fixed CSV delimiter ({@code null} to detect it). */
    public ColumnMapping withDelimiter(Character delimiter) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, devicesColumn,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy that does or does not treat the first CSV/TSV line as a header. */
    public ColumnMapping withHeader(boolean header) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, devicesColumn,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /** A copy whose span offsets count code points ({@code true}) or UTF-16 units ({@code false}). */
    public ColumnMapping withCodePointOffsets(boolean codePointOffsets) {
        return new ColumnMapping(textColumn, labelColumn, positiveLabels, negativeLabels, spansColumn, devicesColumn,
                topicColumn, splitColumn, delimiter, header, codePointOffsets);
    }

    /**
     * Maps a raw label value to loaded ({@code true}) or neutral ({@code false}), trimmed and case-insensitively.
     *
     * @throws IllegalArgumentException if the label is blank, or is in neither set while {@code negativeLabels} is
     *                                  not empty
     */
    public boolean isPositive(String rawLabel) {
        String label = rawLabel.trim().toLowerCase(Locale.ROOT);
        if (label.isEmpty()) {
            throw new IllegalArgumentException("empty label; expected one of " + expectedLabels());
        }
        if (positiveLabels.contains(label)) {
            return true;
        }
        if (negativeLabels.isEmpty() || negativeLabels.contains(label)) {
            return false;
        }
        throw new IllegalArgumentException("unknown label '" + rawLabel.trim() + "'; expected one of "
                + expectedLabels());
    }

    private Set<String> expectedLabels() {
        Set<String> all = new TreeSet<>(positiveLabels);
        all.addAll(negativeLabels);
        return all;
    }

    private static String requireColumn(String column, String what) {
        Objects.requireNonNull(column, what);
        if (column.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return column.trim();
    }

    private static String optionalColumn(String column) {
        return column == null || column.isBlank() ? null : column.trim();
    }

    private static Set<String> normaliseLabels(Set<String> labels, String what) {
        Objects.requireNonNull(labels, what);
        Set<String> out = new LinkedHashSet<>();
        for (String label : labels) {
            Objects.requireNonNull(label, what + " element");
            String norm = label.trim().toLowerCase(Locale.ROOT);
            if (norm.isEmpty()) {
                throw new IllegalArgumentException(what + " contains a blank label: " + Arrays.toString(
                        labels.toArray()));
            }
            out.add(norm);
        }
        return Set.copyOf(out);
    }
}
