package org.framelens.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.framelens.TrainingDataException;

/** Reads CSV and TSV corpora with commons-csv. Not thread-safe: one per read. */
final class CsvCorpusParser {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    /** Enough for any real header line; {@link BufferedReader} grows its buffer to honour the mark. */
    private static final int HEADER_MARK_LIMIT = 1 << 20;

    private final ColumnMapping mapping;
    private final String source;
    private final RowConverter converter;
    private final RowCollector collector;
    private char delimiter;
    private int expectedFields = -1;
    private String expectedFrom;

    CsvCorpusParser(ColumnMapping mapping, String source, RowConverter converter, RowCollector collector) {
        this.mapping = mapping;
        this.source = source;
        this.converter = converter;
        this.collector = collector;
    }

    void parse(BufferedReader reader, boolean tsv) throws IOException {
        delimiter = tsv ? '\t' : mapping.delimiter() != null ? mapping.delimiter() : detectDelimiter(reader);
        // Blank lines come back as records so that the line counter stays in step with the records.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            int[] columns = null;
            while (true) {
                // The previous record's line break has been consumed, so the next record starts on the next line.
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record = next(records, line);
                if (record == null) {
                    break;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = mapping.header() ? headerColumns(record, line) : indexColumns(record);
                    if (mapping.header()) {
                        continue;
                    }
                }
                int[] cols = columns;
                collector.add(line, () -> converter.convert(rawRow(record, cols), line));
            }
        }
    }

    /** Picks the candidate that occurs most often outside quotes in the first line; ties go to the earlier one. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_MARK_LIMIT);
        String first = reader.readLine();
        reader.reset();
        if (first == null) {
            return ',';
        }
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            for (int k = 0; k < CANDIDATES.length && !quoted; k++) {
                if (c == CANDIDATES[k]) {
                    counts[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    private CSVRecord next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (!(cause instanceof CSVException)) {
                throw CorpusReader.ioError(source, line, cause);
            }
            // The parser cannot resynchronise after broken quoting, so this is fatal even when skipping rows.
            TrainingDataException error = new TrainingDataException(source, line, "malformed CSV: "
                    + cause.getMessage() + "; a field that starts with a quote must end with one, and quotes inside "
                    + "it must be doubled");
            error.initCause(e);
            throw error;
        }
    }

    private int[] headerColumns(CSVRecord header, long line) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            names.add(name);
            index.putIfAbsent(name, i);
        }
        String[] wanted = wantedColumns();
        int[] columns = new int[wanted.length];
        for (int k = 0; k < wanted.length; k++) {
            if (wanted[k] == null) {
                columns[k] = -1;
                continue;
            }
            Integer i = index.get(wanted[k]);
            if (i == null) {
                throw new TrainingDataException(source, line, "missing column '" + wanted[k] + "' in header "
                        + names + " (delimiter " + describe(delimiter) + "); name the right column in the mapping");
            }
            columns[k] = i;
        }
        expectedFields = header.size();
        expectedFrom = "the header";
        return columns;
    }

    private int[] indexColumns(CSVRecord first) {
        String[] wanted = wantedColumns();
        int[] columns = new int[wanted.length];
        for (int k = 0; k < wanted.length; k++) {
            columns[k] = wanted[k] == null ? -1 : parseIndex(wanted[k]);
            if (columns[k] >= first.size()) {
                throw new TrainingDataException(source, 0, "column index " + columns[k] + " is beyond the "
                        + first.size() + " fields of the first row (delimiter " + describe(delimiter) + ")");
            }
        }
        expectedFields = first.size();
        expectedFrom = "the first row";
        return columns;
    }

    private int parseIndex(String column) {
        try {
            int i = Integer.parseInt(column);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TrainingDataException(source, 0, "column '" + column + "' is not a 0-based index; "
                + "a file without a header addresses columns by number");
    }

    private String[] wantedColumns() {
        return new String[] {mapping.textColumn(), mapping.labelColumn(), mapping.spansColumn(),
            mapping.devicesColumn(), mapping.topicColumn(), mapping.splitColumn()};
    }

    private RowConverter.RawRow rawRow(CSVRecord record, int[] columns) throws InvalidRowException {
        if (record.size() != expectedFields) {
            throw new InvalidRowException("row has " + record.size() + " fields but " + expectedFrom + " has "
                    + expectedFields + "; check the quoting and the delimiter (" + describe(delimiter) + ")");
        }
        return new RowConverter.RawRow(record.get(columns[0]), record.get(columns[1]),
                converter.jsonCell(cell(record, columns[2]), mapping.spansColumn()),
                converter.devicesCell(cell(record, columns[3]), mapping.devicesColumn()),
                cell(record, columns[4]), cell(record, columns[5]));
    }

    private static String cell(CSVRecord record, int column) {
        return column < 0 ? null : record.get(column);
    }

    private static String describe(char delimiter) {
        return delimiter == '\t' ? "TAB" : "'" + delimiter + "'";
    }
}
