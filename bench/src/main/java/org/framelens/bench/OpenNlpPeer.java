package org.framelens.bench;

import java.util.List;
import org.framelens.eval.DoccatBaseline;
import org.framelens.text.TokenizerAdapter;
import org.framelens.train.LabelledSentence;

/** Peer (a): OpenNLP maxent document categorizer on bag-of-words + uni/bigrams, same tokenizer as FrameLens. */
final class OpenNlpPeer {
    /** Trains on {@code corpus.train()}, then measures single-thread throughput and F1 on the test split. */
    PeerResult run(Corpus corpus, long warmupMs, long measureMs) {
        DoccatBaseline baseline = DoccatBaseline.train(corpus.train().stream()
                .map(r -> LabelledSentence.of(r.text(), r.loaded())).toList(), TokenizerAdapter.english());
        List<String> test = corpus.testTexts();
        boolean[] predicted = new boolean[test.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = baseline.probability(test.get(i)) >= 0.5;
        }
        double f1 = F1.of(corpus.testGold(), predicted);
        Throughput.Result t = Throughput.measure("opennlp", 1, 1, warmupMs, measureMs, (thread, round) -> {
            baseline.probability(test.get(round % test.size()));
            return 1;
        });
        return PeerResult.of("OpenNLP DocumentCategorizerME (BoW + 1-2-grams, maxent)", t.sentencesPerSecond(), 1,
                f1, "single thread, tokenization included, F1 at argmax");
    }
}
