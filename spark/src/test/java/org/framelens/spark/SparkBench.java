package org.framelens.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.FramingScorer;

/**
 * Throughput of the transformer on local[1] and local[2] against the plain Java API on the same texts (the project
 * corpus repeated to {@code rows}), and the JVM's memory. Not a test: run one mode per JVM (see README "Spark"):
 * {@code SparkBench plain|local[1]|local[2] [rows] [corpus.jsonl]}.
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "local[2]";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Path corpus = Path.of(args.length > 2 ? args[2] : "training-data/corpus.jsonl");
        List<String> texts = texts(corpus, rows);
        double perSecond = mode.startsWith("plain") ? plain(texts, mode) : spark(texts, mode);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%-9s rows=%d  %,.0f sentences/s  heap used after GC=%d MB (max %d MB)  RSS=%s MB  "
                        + "peak RSS=%s MB  cores=%d%n", mode, texts.size(), perSecond,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, status("VmRSS"),
                status("VmHWM"), rt.availableProcessors());
    }

    static List<String> texts(Path corpus, int rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> base = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            if (!line.isBlank()) {
                base.add(json.readTree(line).get("text").asText());
            }
        }
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(base.get(i % base.size()));
        }
        return out;
    }

    /** {@code plain}: scoreAll on one thread; {@code plain2}: two threads sharing the scorer. */
    static double plain(List<String> texts, String mode) throws Exception {
        FramingScorer scorer = ScorerCache.get(null, Double.NaN);
        scorer.scoreAll(texts.subList(0, 2_000)); // warm-up
        int threads = mode.equals("plain2") ? 2 : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += PartitionScorer.BATCH) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + PartitionScorer.BATCH));
            done.add(pool.submit(() -> scorer.scoreAll(chunk)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return texts.size() / seconds;
    }

    static double spark(List<String> texts, String master) {
        SparkSession spark = SparkSession.builder().master(master).appName("framelens-bench")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            StructType schema = new StructType().add("text", DataTypes.StringType);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Row> rows = texts.stream().map(RowFactory::create).toList();
            Dataset<Row> df = spark.createDataFrame(jsc.parallelize(rows, 8), schema).cache();
            df.count();
            FramingScorerTransformer t = new FramingScorerTransformer();
            t.transform(df.limit(2_000)).write().format("noop").mode("overwrite").save(); // warm-up, loads the model
            long t0 = System.nanoTime();
            t.transform(df).write().format("noop").mode("overwrite").save();
            return texts.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static String status(String key) throws IOException {
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) {
            return "?";
        }
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith(key + ":")) {
                return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
            }
        }
        return "?";
    }
}
