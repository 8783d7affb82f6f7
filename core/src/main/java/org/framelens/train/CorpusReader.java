package org.framelens.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.framelens.TrainingDataException;

/**
 * Reads a labelled corpus (CSV, TSV or JSONL, UTF-8 with or without a byte-order mark) into
 * {@link LabelledSentence}s, reporting every bad row with its file and the 1-based line where it starts.
 * Stateless and thread-safe.
 *
 * <p>Row errors (empty text, unknown label or split, bad span or device, malformed JSON, wrong field count) are thrown
 * at once, or skipped and collected when {@code skipInvalid} is true. Whole-file errors are always thrown: a column
 * missing from the header, an unreadable file or invalid UTF-8, broken CSV quoting (the parser cannot recover from
 * it), no rows at all, or no valid rows.
 */
public final class CorpusReader {
    private CorpusReader() {
    }

    /**
     * Reads {@code file}, taking the format from its extension (see {@link CorpusFormat#fromPath}).
     *
     * @param skipInvalid skip invalid rows and report them in {@link CorpusReadResult#skipped()} instead of throwing
     * @throws TrainingDataException if the file or a row is invalid, as described in the class documentation
     */
    public static CorpusReadResult read(Path file, ColumnMapping mapping, boolean skipInvalid) {
        return read(file, CorpusFormat.fromPath(file), mapping, skipInvalid);
    }

    /**
     * Reads {@code file} in the given format, whatever its extension.
     *
     * @param skipInvalid skip invalid rows and report them in {@link CorpusReadResult#skipped()} instead of throwing
     * @throws TrainingDataException if the file or a row is invalid, as described in the class documentation
     */
    public static CorpusReadResult read(Path file, CorpusFormat format, ColumnMapping mapping, boolean skipInvalid) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(mapping, "mapping");
        String source = file.toString();
        RowConverter converter = new RowConverter(mapping, source);
        RowCollector collector = new RowCollector(source, skipInvalid);
        // Files.newBufferedReader decodes strictly: invalid UTF-8 is an error, never silently replaced.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            if (format == CorpusFormat.JSONL) {
                new JsonlCorpusParser(mapping, source, converter, collector).parse(reader);
            } else {
                new CsvCorpusParser(mapping, source, converter, collector).parse(reader, format == CorpusFormat.TSV);
            }
        } catch (IOException e) {
            throw ioError(source, 0, e);
        }
        return collector.finish();
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    static TrainingDataException ioError(String source, long line, IOException e) {
        String problem = e instanceof CharacterCodingException
                ? "the file is not valid UTF-8; re-save it as UTF-8"
                : "cannot read the file (" + e + "); check the path and permissions";
        TrainingDataException error = new TrainingDataException(source, line, problem);
        error.initCause(e);
        return error;
    }
}
