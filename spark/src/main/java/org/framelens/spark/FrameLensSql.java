package org.framelens.spark;

import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.framelens.FrameLensException;

/**
 * Registers FrameLens as a Spark SQL function:
 *
 * <pre>{@code
 * FrameLensSql.register(spark);
 * spark.sql("SELECT id, framelens_score(text).probability AS p FROM articles");
 * }</pre>
 *
 * <p>{@code framelens_score(text)} scores its argument as one sentence and returns the same struct as
 * {@link FramingScorerTransformer} in sentence mode ({@code null} for {@code null}). It scores row by row; for large
 * tables the transformer, which scores in batches, is faster. Thread safety: registration may be called from any
 * thread; the function shares each executor's scorer.
 */
public final class FrameLensSql {
    /** The name {@link #register(SparkSession)} uses. */
    public static final String FUNCTION = "framelens_score";

    private FrameLensSql() {
    }

    /** Registers {@code framelens_score(text)} with the built-in model and its threshold. */
    public static void register(SparkSession spark) {
        register(spark, FUNCTION, null, Double.NaN);
    }

    /**
     * Registers a scoring function under {@code name}.
     *
     * @param modelPath a bundle readable on every executor, or {@code null} for the built-in model
     * @param threshold a decision threshold in (0, 1), or {@code NaN} for the bundle's own
     * @throws IllegalArgumentException if {@code threshold} is neither {@code NaN} nor in (0, 1)
     */
    public static void register(SparkSession spark, String name, String modelPath, double threshold) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(name, "name");
        if (!Double.isNaN(threshold) && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be NaN or in (0, 1), got " + threshold);
        }
        int maxChars = FramingScorerTransformer.DEFAULT_MAX_CHARS;
        UDF1<String, Row> score = text -> {
            if (text == null) {
                return null;
            }
            if (text.length() > maxChars) {
                throw new FrameLensException(name + ": text starting '" + preview(text) + "' has " + text.length()
                        + " characters, more than " + maxChars + "; use FramingScorerTransformer with maxChars");
            }
            return ScoreRows.sentence(ScorerCache.get(modelPath, threshold).score(text));
        };
        spark.udf().register(name, score, ScoreRows.SENTENCE);
    }

    private static String preview(String text) {
        String head = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        return head.replaceAll("\\s+", " ");
    }
}
