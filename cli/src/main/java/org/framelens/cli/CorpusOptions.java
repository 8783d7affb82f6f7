package org.framelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.framelens.train.ColumnMapping;
import org.framelens.train.CorpusFormat;
import org.framelens.train.CorpusReadResult;
import org.framelens.train.CorpusReader;
import org.framelens.train.LabelledSentence;
import picocli.CommandLine.Option;

/** Options shared by the commands that read labelled corpora (train, eval, cv). */
final class CorpusOptions {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled corpus files: CSV, TSV or JSONL. Without --text-column, the FrameLens JSONL "
                    + "format (training-data/corpus.jsonl) is expected.")
    List<Path> data;

    @Option(names = "--format", paramLabel = "csv|tsv|jsonl", description = "File format (default: from the extension).")
    String format;

    @Option(names = "--text-column", description = "Column (or JSON field) holding the sentence.")
    String textColumn;

    @Option(names = "--label-column", description = "Column holding the label.")
    String labelColumn;

    @Option(names = "--positive-label", arity = "1..*", paramLabel = "VALUE",
            description = "Label value(s) meaning loaded/biased (case-insensitive), e.g. 1 or biased.")
    List<String> positiveLabels = new ArrayList<>();

    @Option(names = "--negative-label", arity = "1..*", paramLabel = "VALUE",
            description = "Label value(s) meaning neutral; when given, any other label is an error. "
                    + "Default: every non-positive label is neutral.")
    List<String> negativeLabels = new ArrayList<>();

    @Option(names = "--spans-column", description = "Column holding a JSON array of {start, end[, device]} spans.")
    String spansColumn;

    @Option(names = "--topic-column", description = "Column holding a topic, for per-topic results.")
    String topicColumn;

    @Option(names = "--split-column", description = "Column holding train/dev/test.")
    String splitColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "CSV delimiter: a character, or 'tab' (default: detected among , ; tab |).")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV/TSV has no header; name columns by 0-based index.")
    boolean noHeader;

    @Option(names = "--skip-invalid", description = "Skip invalid rows (counted and reported) instead of stopping.")
    boolean skipInvalid;

    ColumnMapping mapping() {
        if (textColumn == null) {
            if (labelColumn != null || !positiveLabels.isEmpty()) {
                throw new CliException("--label-column and --positive-label need --text-column too");
            }
            return ColumnMapping.projectJsonl();
        }
        if (labelColumn == null || positiveLabels.isEmpty()) {
            throw new CliException("with --text-column, give --label-column and --positive-label as well");
        }
        Character d = null;
        if (delimiter != null) {
            if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
                d = '\t';
            } else if (delimiter.length() == 1) {
                d = delimiter.charAt(0);
            } else {
                throw new CliException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
            }
        }
        return new ColumnMapping(textColumn, labelColumn, Set.copyOf(positiveLabels), Set.copyOf(negativeLabels),
                spansColumn, null, topicColumn, splitColumn, d, !noHeader, true);
    }

    /** Reads every file; prints a line per file with skipped rows to {@code log}. */
    List<LabelledSentence> read(java.io.PrintWriter log) {
        ColumnMapping mapping = mapping();
        List<LabelledSentence> all = new ArrayList<>();
        for (Path file : data) {
            if (java.nio.file.Files.isDirectory(file)) {
                throw new CliException(file + " is a directory, not a corpus file");
            }
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new CliException(file + ": no such file");
            }
            CorpusReadResult r = format == null ? CorpusReader.read(file, mapping, skipInvalid)
                    : CorpusReader.read(file, CorpusFormat.fromName(format), mapping, skipInvalid);
            all.addAll(r.sentences());
            long loaded = r.sentences().stream().filter(LabelledSentence::loaded).count();
            log.printf("read %s: %d rows (%d loaded), %d invalid rows skipped%n", file, r.sentences().size(), loaded,
                    r.skippedCount());
            r.skipped().stream().limit(5).forEach(e -> log.println("  skipped " + e.getMessage()));
            if (r.skippedCount() > 5) {
                log.println("  ... and " + (r.skippedCount() - 5) + " more");
            }
        }
        if (all.isEmpty()) {
            throw new CliException("no usable rows in " + data);
        }
        return all;
    }
}
