package org.framelens.spark;

import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that scores a string column with FrameLens and appends a struct column.
 *
 * <p><b>Output</b> ({@link #setOutputCol outputCol}, default {@code framelens}):
 * <ul>
 *   <li>mode {@code sentence} (default): the cell is scored as one sentence, like {@code FramingScorer.score}:
 *       {@code struct<probability: double, label: boolean,
 *       phrases: array<struct<start: int, end: int, text: string, device: string>>, devices: map<string, double>>};</li>
 *   <li>mode {@code document}: the cell is split into sentences, like {@code FramingScorer.scoreDocument}; the same
 *       four fields describe the document (probability = the highest sentence probability, label = any sentence
 *       loaded, phrases = every loaded phrase with document offsets, devices = each family's highest sentence
 *       probability), followed by {@code loadedShare: double} and
 *       {@code sentences: array<struct<start: int, end: int, probability: double, label: boolean>>}.</li>
 * </ul>
 * A {@code null} cell gives a {@code null} struct; an empty or blank cell gives probability 0, label false and empty
 * phrases and devices.
 *
 * <p><b>Execution:</b> each executor JVM loads one scorer per (modelPath, threshold) and shares it between its tasks;
 * sentence-mode rows are scored in batches of {@value PartitionScorer#BATCH}. A row longer than {@link #setMaxChars
 * maxChars} characters, or one the scorer fails on, fails the task with a message naming the partition, the row's
 * position in it and, if {@link #setIdCol idCol} is set, the row's id. {@code modelPath} is read on the executors: use
 * a path that exists on every node, or ship the bundle with {@code spark-submit --files} and give its file name.
 *
 * <p><b>Persistence:</b> {@link #save(String)} / {@link #load(String)} store the parameters only (Spark's
 * {@code DefaultParamsWritable} format), so a saved {@code modelPath} must still exist where the stage is loaded.
 *
 * <p><b>Thread safety:</b> like every Spark ML stage, configure an instance in one thread; {@link #transform} may then
 * be called from any thread.
 */
public final class FramingScorerTransformer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    /** Score each cell as one sentence. */
    public static final String MODE_SENTENCE = "sentence";
    /** Split each cell into sentences and score the document. */
    public static final String MODE_DOCUMENT = "document";
    /** Default {@link #maxChars()}: about 250 pages of text. */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> idCol;
    private final Param<String> modelPath;
    private final DoubleParam threshold;
    private final Param<String> mode;
    private final IntParam maxChars;

    /** A transformer with a random uid, reading column {@code text} and writing column {@code framelens}. */
    public FramingScorerTransformer() {
        this(Identifiable$.MODULE$.randomUID("framelensScorer"));
    }

    /** A transformer with the given uid (used by {@link #load} and {@link #copy}). */
    public FramingScorerTransformer(String uid) {
        this.uid = uid;
        // Param's constructor reads the parent's uid, so the params are created after it is set
        inputCol = new Param<>(this, "inputCol", "string column to score");
        outputCol = new Param<>(this, "outputCol", "struct column to append");
        idCol = new Param<>(this, "idCol", "optional column whose value names a failing row in error messages");
        modelPath = new Param<>(this, "modelPath",
                "FrameLens bundle (.zip) readable on every executor; unset: the built-in model");
        threshold = new DoubleParam(this, "threshold", "decision threshold in (0, 1); unset: the bundle's own",
                ParamValidators.inRange(0, 1, false, false));
        mode = new Param<>(this, "mode", "sentence: score each cell as one sentence; document: split it first",
                ParamValidators.inArray(List.of(MODE_SENTENCE, MODE_DOCUMENT)));
        maxChars = new IntParam(this, "maxChars", "longest accepted cell, in characters; a longer one fails the task",
                ParamValidators.gt(0));
        setDefault(inputCol, "text");
        setDefault(outputCol, "framelens");
        setDefault(mode, MODE_SENTENCE);
        setDefault(maxChars, DEFAULT_MAX_CHARS);
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark discovers params through public no-argument methods returning Param, so each has one.

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> idCol() {
        return idCol;
    }

    public Param<String> modelPath() {
        return modelPath;
    }

    public DoubleParam threshold() {
        return threshold;
    }

    public Param<String> mode() {
        return mode;
    }

    public IntParam maxChars() {
        return maxChars;
    }

    public String getInputCol() {
        return getOrDefault(inputCol);
    }

    public String getOutputCol() {
        return getOrDefault(outputCol);
    }

    public String getMode() {
        return getOrDefault(mode);
    }

    public int getMaxChars() {
        return (Integer) getOrDefault(maxChars);
    }

    public FramingScorerTransformer setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    public FramingScorerTransformer setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    public FramingScorerTransformer setIdCol(String value) {
        set(idCol, value);
        return this;
    }

    /** A bundle path readable on every executor (or the file name of a bundle shipped with {@code --files}). */
    public FramingScorerTransformer setModelPath(String value) {
        set(modelPath, value);
        return this;
    }

    /** @throws IllegalArgumentException unless {@code 0 < value < 1} */
    public FramingScorerTransformer setThreshold(double value) {
        set(threshold, value);
        return this;
    }

    /** {@link #MODE_SENTENCE} or {@link #MODE_DOCUMENT}. */
    public FramingScorerTransformer setMode(String value) {
        set(mode, value);
        return this;
    }

    public FramingScorerTransformer setMaxChars(int value) {
        set(maxChars, value);
        return this;
    }

    /**
     * @throws IllegalArgumentException if the input column is missing or not a string, the output column exists, or
     *                                  the id column is missing
     */
    @Override
    public StructType transformSchema(StructType schema) {
        String in = getInputCol();
        if (!List.of(schema.fieldNames()).contains(in)) {
            throw new IllegalArgumentException("FramingScorerTransformer: input column '" + in
                    + "' not found; columns are " + List.of(schema.fieldNames()) + "; set inputCol");
        }
        StructField field = schema.apply(in);
        if (!field.dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("FramingScorerTransformer: input column '" + in + "' has type "
                    + field.dataType().simpleString() + ", but a string column is required; cast it first");
        }
        if (List.of(schema.fieldNames()).contains(getOutputCol())) {
            throw new IllegalArgumentException("FramingScorerTransformer: output column '" + getOutputCol()
                    + "' already exists; set another outputCol");
        }
        if (isDefined(idCol) && !List.of(schema.fieldNames()).contains(getOrDefault(idCol))) {
            throw new IllegalArgumentException("FramingScorerTransformer: id column '" + getOrDefault(idCol)
                    + "' not found; columns are " + List.of(schema.fieldNames()));
        }
        return schema.add(getOutputCol(), ScoreRows.schema(getMode()), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> df = dataset.toDF();
        StructType in = df.schema();
        PartitionScorer scorer = new PartitionScorer(
                isDefined(modelPath) ? getOrDefault(modelPath) : null,
                isDefined(threshold) ? (Double) getOrDefault(threshold) : Double.NaN,
                getMode(), in.fieldIndex(getInputCol()),
                isDefined(idCol) ? in.fieldIndex(getOrDefault(idCol)) : -1, getMaxChars());
        return df.mapPartitions(scorer, Encoders.row(out));
    }

    @Override
    public FramingScorerTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a transformer written by {@link #save(String)} or {@link #write()}. */
    public static MLReader<FramingScorerTransformer> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads a transformer saved with {@link #save(String)}. */
    public static FramingScorerTransformer load(String path) {
        return read().load(path);
    }

    /** Shown in Spark's plan and error messages. */
    @Override
    public String toString() {
        return "FramingScorerTransformer: uid=" + uid + ", " + explainParams().replace('\n', ' ');
    }
}
