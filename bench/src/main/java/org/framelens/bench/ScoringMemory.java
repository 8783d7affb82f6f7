package org.framelens.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;

/**
 * Peak RSS while scoring, in a JVM of its own with an explicit {@code -Xmx} (the benchmark process itself also
 * holds the peers, ONNX Runtime among them, so its RSS says little about FrameLens). {@link #main} is the child:
 * it scores the test split on every core, in batches of 256, one sentence at a time and as documents, then prints
 * its peak RSS and live heap.
 */
public final class ScoringMemory {
    static final String MARKER = "FRAMELENS_MEMORY_DONE";
    static final String HEAP = "-Xmx192m";

    /** The child's peak RSS and heap after GC, in MB. */
    record Result(double peakRssMb, double heapAfterGcMb, String maxHeap) {
    }

    private ScoringMemory() {
    }

    /** Child entry point: {@code ScoringMemory CORPUS.jsonl ROUNDS}. */
    public static void main(String[] args) throws Exception {
        List<String> test = Corpus.read(Path.of(args[0])).testTexts();
        int rounds = Integer.parseInt(args[1]);
        FramingScorer scorer = FrameLens.loadDefault();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i + 256 <= test.size(); i += 256) {
                        scorer.scoreAll(test.subList(i, i + 256));
                    }
                    for (String s : test.subList(0, 200)) {
                        scorer.score(s);
                    }
                    scorer.scoreDocument(String.join(" ", test.subList(0, 40)));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Memory.Snapshot m = Memory.now();
        System.out.println(MARKER + " rssMb=" + m.peakRssMb() + " heapMb=" + m.heapAfterGcMb());
    }

    /** Runs the child with {@link #HEAP} and {@code OMP_NUM_THREADS=1}, as the README recommends. */
    static Result measure(Path corpus, int rounds) throws IOException, InterruptedException {
        String marker = ChildJvm.run(ChildJvm.command(HEAP, List.of(), ScoringMemory.class, corpus.toString(),
                Integer.toString(rounds)), MARKER);
        String[] f = marker.split("\\s+");
        return new Result(Double.parseDouble(f[1].substring("rssMb=".length())),
                Double.parseDouble(f[2].substring("heapMb=".length())), HEAP);
    }
}
