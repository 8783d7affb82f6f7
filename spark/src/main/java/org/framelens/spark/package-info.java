/**
 * FrameLens on Apache Spark: the {@link org.framelens.spark.FramingScorerTransformer} ML stage, the
 * {@code framelens_score} SQL function ({@link org.framelens.spark.FrameLensSql}) and the {@code spark-score} command
 * ({@link org.framelens.spark.SparkScoreMain}). Every executor JVM loads one shared scorer per model and threshold
 * ({@code ScorerCache}); rows are converted to Spark values in one place ({@code ScoreRows}), so the transformer and
 * the SQL function give identical results.
 */
package org.framelens.spark;
