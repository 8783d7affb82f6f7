package org.framelens.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.framelens.FrameLensException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code framelens spark-score}: scores a directory of JSONL, Parquet or text files with Spark and writes the rows
 * with a {@code framelens} struct column appended. Under {@code spark-submit} the master comes from the submit line;
 * run directly, it defaults to {@code local[*]}. Exit codes: 0 success, 1 error, 2 usage error.
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true,
        description = "Scores a directory of texts with Spark and writes them with a 'framelens' struct column.")
public final class SparkScoreMain implements Callable<Integer> {
    enum OutputFormat { PARQUET, JSONL }

    enum InputFormat { JSONL, PARQUET, TEXT }

    @Option(names = "--input", required = true, description = "Input file or directory (any Hadoop path).")
    String input;

    @Option(names = "--output", required = true, description = "Output directory (must not exist unless "
            + "--overwrite).")
    String output;

    @Option(names = "--format", defaultValue = "parquet", description = "Output format: parquet or jsonl "
            + "(default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--input-format", defaultValue = "jsonl", description = "Input format: jsonl, parquet or "
            + "text (one text per line; default: ${DEFAULT-VALUE}).")
    InputFormat inputFormat;

    @Option(names = "--text-column", defaultValue = "text", description = "Column to score (default: "
            + "${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--output-column", defaultValue = "framelens", description = "Struct column to append "
            + "(default: ${DEFAULT-VALUE}).")
    String outputColumn;

    @Option(names = "--id-column", description = "Column that names a failing row in error messages.")
    String idColumn;

    @Option(names = "--max-chars", defaultValue = "" + FramingScorerTransformer.DEFAULT_MAX_CHARS,
            description = "Longest accepted text, in characters; a longer one stops the run naming its row "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(names = "--mode", defaultValue = FramingScorerTransformer.MODE_SENTENCE,
            description = "sentence (each cell is one sentence) or document (cells are split into sentences); "
                    + "default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--model", description = "Model bundle readable on every executor (default: the built-in "
            + "model).")
    String model;

    @Option(names = "--threshold", description = "Decision threshold in (0, 1) (default: the model's own).")
    Double threshold;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    @Option(names = "--partitions", description = "Repartition the input to this many partitions first "
            + "(default: keep the input's).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        SparkSession.Builder builder = SparkSession.builder().appName("framelens spark-score");
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        // inside an application that already has a session (tests, notebooks) use it and leave it running
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        try {
            Dataset<Row> in = read(spark);
            if (partitions != null) {
                in = in.repartition(partitions);
            }
            FramingScorerTransformer scorer = new FramingScorerTransformer().setInputCol(textColumn)
                    .setOutputCol(outputColumn).setMode(mode).setMaxChars(maxChars);
            if (idColumn != null) {
                scorer.setIdCol(idColumn);
            }
            if (model != null) {
                scorer.setModelPath(model);
            }
            if (threshold != null) {
                scorer.setThreshold(threshold);
            }
            Dataset<Row> out = scorer.transform(in);
            SaveMode saveMode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            Path outPath = new Path(output);
            FileSystem fs = outPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            boolean existed = fs.exists(outPath);
            try {
                if (format == OutputFormat.PARQUET) {
                    out.write().mode(saveMode).parquet(output);
                } else {
                    out.write().mode(saveMode).json(output);
                }
            } catch (Exception e) { // Spark throws its checked SparkException undeclared
                if (!existed) {
                    fs.delete(outPath, true); // a failed job leaves an empty directory that would block a rerun
                }
                throw e;
            }
            long rows = spark.read().format(format == OutputFormat.PARQUET ? "parquet" : "json").load(output)
                    .count();
            System.out.println("framelens spark-score: wrote " + rows + " rows to " + output + " ("
                    + format.name().toLowerCase(Locale.ROOT) + ")");
            return 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private Dataset<Row> read(SparkSession spark) {
        switch (inputFormat) {
            case PARQUET:
                return spark.read().parquet(input);
            case TEXT:
                return spark.read().text(input).withColumnRenamed("value", textColumn);
            default:
                return spark.read().json(input);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean verbose = List.of(args).contains("--verbose");
        CommandLine cli = new CommandLine(new SparkScoreMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("framelens spark-score: error: " + rootMessage(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * Spark wraps a task's exception in several layers: report the outermost FrameLens exception (it names the
     * partition and row), else the innermost cause.
     */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (!(t instanceof FrameLensException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }
}
