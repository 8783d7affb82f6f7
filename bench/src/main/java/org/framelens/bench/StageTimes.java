package org.framelens.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.framelens.FramingScorer;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.framelens.model.InferenceNetwork;
import org.framelens.model.ModelBundle;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;

/**
 * Where one thread's time goes in {@code scoreAll} at batch 256: tokenizing, encoding and the network timed one
 * after another on each batch the way the scorer runs them (sorted by length, {@link FramingScorer#BATCH} sentences per
 * network call), then the whole {@code scoreAll} call on the same batch. What the whole call takes beyond the three
 * stages is building the results: phrases, device labels and the score objects.
 */
final class StageTimes {
    private static final int BATCH = 256;

    /** Microseconds per sentence. */
    record Result(double tokenizeUs, double encodeUs, double networkUs, double scoreAllUs) {
        double resultsUs() {
            return Math.max(0, scoreAllUs - tokenizeUs - encodeUs - networkUs);
        }
    }

    private final TokenizerAdapter tokenizer = TokenizerAdapter.english();
    private final SentenceEncoder encoder;
    private final InferenceNetwork network;
    private final FramingScorer scorer;
    /** Nanoseconds spent per stage: tokenize, encode, network, whole call. */
    private final long[] nanos = new long[4];
    private long sentences;

    private StageTimes(ModelBundle bundle, FramingScorer scorer) {
        // the scorer's own arrangement: an encoder that leaves out features the network has folded in
        this.encoder = bundle.encoder().omittingIdFeatures();
        this.network = InferenceNetwork.of(bundle.network(), bundle.encoder());
        this.scorer = scorer;
    }

    /** Times the stages over {@code texts} in batches of 256, on the calling thread. */
    static Result measure(ModelBundle bundle, FramingScorer scorer, List<String> texts, long warmupMs,
                          long measureMs) {
        StageTimes stages = new StageTimes(bundle, scorer);
        stages.runFor(texts, warmupMs);
        Arrays.fill(stages.nanos, 0);
        stages.sentences = 0;
        stages.runFor(texts, measureMs);
        return new Result(stages.micros(0), stages.micros(1), stages.micros(2), stages.micros(3));
    }

    /** Microseconds per sentence spent in stage {@code i}. */
    private double micros(int i) {
        return nanos[i] / 1000.0 / sentences;
    }

    private void runFor(List<String> texts, long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        for (long round = 0; System.nanoTime() < end; round++) {
            time(Throughput.chunk(texts, BATCH, round));
        }
    }

    private void time(List<String> batch) {
        long start = System.nanoTime();
        List<List<Token>> tokens = new ArrayList<>(batch.size());
        for (String s : batch) {
            List<Token> t = tokenizer.tokenize(s, 0, s.length(), FramingScorer.MAX_TOKENS + 1);
            tokens.add(t.size() > FramingScorer.MAX_TOKENS ? t.subList(0, FramingScorer.MAX_TOKENS) : t);
        }
        tokens.sort(Comparator.comparingInt(List::size));
        long tokenized = System.nanoTime();
        List<EncodedBatch> encoded = new ArrayList<>();
        for (int from = 0; from < tokens.size(); from += FramingScorer.BATCH) {
            encoded.add(encoder.encode(tokens.subList(from, Math.min(tokens.size(), from + FramingScorer.BATCH))));
        }
        long encodedAt = System.nanoTime();
        for (EncodedBatch e : encoded) {
            network.predict(e);
        }
        long predicted = System.nanoTime();
        scorer.scoreAll(batch);
        long whole = System.nanoTime();
        nanos[0] += tokenized - start;
        nanos[1] += encodedAt - tokenized;
        nanos[2] += predicted - encodedAt;
        nanos[3] += whole - predicted;
        sentences += batch.size();
    }
}
