package org.framelens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.model.ModelBundle;

/**
 * Runs every benchmark once and writes {@code bench/results/latest.json} and {@code docs/PERFORMANCE.md}.
 * Usage: {@code BenchMain [corpus.jsonl]}; without an argument the corpus is found by walking up from the working
 * directory to the repository root.
 */
public final class BenchMain {
    private static final long WARMUP_MS = 1_500;
    private static final long MEASURE_MS = 3_000;
    private static final int[] BATCHES = {1, 32, 256};
    /** Train rows embedded for the MiniLM head: the whole train split would take minutes on two cores. */
    private static final int MINILM_TRAIN_SAMPLE = 3_000;
    private static final int COLD_START_LAUNCHES = 5;

    private BenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path root = findRoot();
        Path corpusPath = args.length > 0 ? Path.of(args[0]) : root.resolve("training-data/corpus.jsonl");
        Corpus corpus = Corpus.read(corpusPath);
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("timestamp", Instant.now().toString());
        r.put("machine", cores + " cores, " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        r.put("cores", cores);
        r.put("load_average_1m_at_start", Memory.loadAverage());
        r.put("train_sentences", corpus.train().size());
        r.put("test_sentences", corpus.test().size());
        r.put("minilm_train_sample", Math.min(MINILM_TRAIN_SAMPLE, corpus.train().size()));
        print("corpus %s: %d train, %d test; %d cores", corpusPath, corpus.train().size(), corpus.test().size(), cores);

        ModelBundle bundle = FrameLens.defaultBundle();
        FramingScorer scorer = FrameLens.fromBundle(bundle);
        r.put("model_id", scorer.modelId());
        FrameLensBench fl = new FrameLensBench(scorer, corpus.testTexts(), WARMUP_MS, MEASURE_MS);
        r.put("f1_framelens", fl.f1(corpus.testGold()));
        r.put("framelens_threshold", scorer.threshold());
        print("FrameLens F1 (test, threshold %.3f): %.3f", scorer.threshold(), r.get("f1_framelens"));
        for (int threads : new int[] {1, cores}) {
            for (int batch : BATCHES) {
                Throughput.Result t = fl.scoreAll(batch, threads);
                print("scoreAll batch %3d, %d thread(s): %,10.0f sentences/s", batch, threads, t.sentencesPerSecond());
                r.put("e2e_sentences_per_s_batch" + batch + "_threads" + threads, t.sentencesPerSecond());
            }
            Throughput.Result d = fl.scoreDocument(threads);
            print("scoreDocument (%d-sentence articles), %d thread(s): %,10.0f sentences/s",
                    FrameLensBench.SENTENCES_PER_ARTICLE, threads, d.sentencesPerSecond());
            r.put("doc_sentences_per_s_threads" + threads, d.sentencesPerSecond());
        }
        StageTimes.Result stages = StageTimes.measure(bundle, scorer, corpus.testTexts(), WARMUP_MS, MEASURE_MS);
        print("one thread, batch 256, microseconds per sentence: tokenize %.2f, encode %.2f, network %.2f, "
                + "results %.2f; whole scoreAll %.2f", stages.tokenizeUs(), stages.encodeUs(), stages.networkUs(),
                stages.resultsUs(), stages.scoreAllUs());
        r.put("stage_us_tokenize", stages.tokenizeUs());
        r.put("stage_us_encode", stages.encodeUs());
        r.put("stage_us_network", stages.networkUs());
        r.put("stage_us_results", stages.resultsUs());
        r.put("stage_us_score_all", stages.scoreAllUs());
        r.put("e2e_sentences_per_s_batch256", r.get("e2e_sentences_per_s_batch256_threads" + cores));
        r.put("e2e_sentences_per_s_batch1", r.get("e2e_sentences_per_s_batch1_threads" + cores));
        Latency.Result lat = fl.latency(5_000);
        print("score(String) latency over %d calls: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms",
                lat.calls(), lat.p50Ms(), lat.p90Ms(), lat.p99Ms(), lat.meanMs());
        r.put("latency_p50_ms", lat.p50Ms());
        r.put("latency_p90_ms", lat.p90Ms());
        r.put("latency_p99_ms", lat.p99Ms());
        r.put("latency_mean_ms", lat.meanMs());
        Memory.Snapshot mem = Memory.now();
        print("bench process after FrameLens phases: peak RSS %.0f MB; heap used after GC %.0f MB, committed %.0f MB",
                mem.peakRssMb(), mem.heapAfterGcMb(), mem.heapCommittedMb());
        r.put("peak_rss_mb_bench_process", mem.peakRssMb());
        r.put("heap_after_gc_mb", mem.heapAfterGcMb());
        r.put("heap_committed_mb", mem.heapCommittedMb());
        r.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        ScoringMemory.Result scoring = ScoringMemory.measure(corpusPath, 5);
        print("scoring child (%s, all cores, batches of 256, single sentences, documents): peak RSS %.0f MB, "
                + "live heap %.0f MB", scoring.maxHeap(), scoring.peakRssMb(), scoring.heapAfterGcMb());
        r.put("peak_rss_mb", scoring.peakRssMb());
        r.put("peak_rss_child_heap", scoring.maxHeap());
        r.put("steady_heap_mb_scoring_child", scoring.heapAfterGcMb());

        // five launches: on a shared 2-core machine single launches vary by 0.15 s, and a median of three moved by 0.1 s
        ColdStart.Result cold = ColdStart.measure(COLD_START_LAUNCHES);
        print("cold start (child JVM, -Xmx512m): runs %s s, median %.2f s, child peak RSS %.0f MB",
                cold.runsSeconds(), cold.medianSeconds(), cold.childPeakRssMb());
        r.put("cold_start_s", cold.medianSeconds());
        r.put("cold_start_runs_s", cold.runsSeconds());
        r.put("cold_start_child_peak_rss_mb", cold.childPeakRssMb());
        ColdStart.Result cds = ColdStart.measureWithClassDataSharing(COLD_START_LAUNCHES);
        print("cold start with an AppCDS archive (as ./framelens uses): runs %s s, median %.2f s",
                cds.runsSeconds(), cds.medianSeconds());
        r.put("cold_start_cds_s", cds.medianSeconds());
        r.put("cold_start_cds_runs_s", cds.runsSeconds());

        PeerResult opennlp = runOpenNlp(corpus);
        PeerResult minilm = runMiniLm(corpus);
        double single256 = (Double) r.get("e2e_sentences_per_s_batch256_threads1");
        double all256 = (Double) r.get("e2e_sentences_per_s_batch256");
        putPeer(r, "opennlp", opennlp);
        putPeer(r, "minilm", minilm);
        r.put("ratio_vs_opennlp", single256 / opennlp.throughput().orElse(Double.NaN));
        r.put("ratio_vs_minilm", all256 / minilm.throughput().orElse(Double.NaN));
        print("ratio FrameLens batch-256 / OpenNLP (1 thread each): %.2fx", r.get("ratio_vs_opennlp"));
        print("ratio FrameLens batch-256 / MiniLM (all cores each): %.1fx", r.get("ratio_vs_minilm"));
        r.put("peak_rss_mb_whole_run", Memory.peakRssMb());
        r.put("load_average_1m_at_end", Memory.loadAverage());
        print("peak RSS of the whole run (incl. peers) %.0f MB", r.get("peak_rss_mb_whole_run"));

        Report.write(root, r);
        print("wrote %s and %s", root.resolve("bench/results/latest.json"), root.resolve("docs/PERFORMANCE.md"));
    }

    private static PeerResult runOpenNlp(Corpus corpus) {
        try {
            PeerResult p = new OpenNlpPeer().run(corpus, WARMUP_MS, MEASURE_MS);
            print("OpenNLP doccat: %,.0f sentences/s (1 thread), F1 %.3f", p.sentencesPerSecond(), p.f1());
            return p;
        } catch (Exception | LinkageError e) {
            print("OpenNLP doccat unavailable: %s", e);
            return PeerResult.unavailable("opennlp", e);
        }
    }

    private static PeerResult runMiniLm(Corpus corpus) {
        try {
            PeerResult p = new MiniLmPeer(MINILM_TRAIN_SAMPLE).run(corpus);
            print("MiniLM + logistic head: %,.0f sentences/s (%d cores), F1 %.3f", p.sentencesPerSecond(),
                    p.threads(), p.f1());
            return p;
        } catch (Exception | LinkageError e) {
            print("MiniLM unavailable: %s", e);
            return PeerResult.unavailable("minilm", e);
        }
    }

    private static void putPeer(Map<String, Object> r, String key, PeerResult p) {
        r.put("f1_" + key, p.f1());
        r.put(key + "_sentences_per_s", p.sentencesPerSecond());
        r.put(key + "_threads", p.threads());
        r.put(key + "_note", p.name() + "; " + p.note());
    }

    /** The nearest ancestor of the working directory holding {@code training-data/corpus.jsonl}. */
    private static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("training-data/corpus.jsonl"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
