package org.framelens.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;

/** Peer (a): OpenNLP maxent document categorizer on bag-of-words + uni/bigrams, same tokenizer as FrameLens. */
final class OpenNlpPeer {
    private static final String LOADED = "LOADED";
    private static final String NEUTRAL = "NEUTRAL";

    private final TokenizerAdapter tokenizer = TokenizerAdapter.english();

    /** Trains on {@code corpus.train()}, then measures single-thread throughput and F1 on the test split. */
    PeerResult run(Corpus corpus, long warmupMs, long measureMs) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (Corpus.Row row : corpus.train()) {
            samples.add(new DocumentSample(row.loaded() ? LOADED : NEUTRAL, tokens(row.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
            new BagOfWordsFeatureGenerator(), newBigrams()});
        DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                params, factory);
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);

        List<String> test = corpus.testTexts();
        boolean[] predicted = new boolean[test.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = LOADED.equals(categorizer.getBestCategory(categorizer.categorize(tokens(test.get(i)))));
        }
        double f1 = F1.of(corpus.testGold(), predicted);
        Throughput.Result t = Throughput.measure("opennlp", 1, 1, warmupMs, measureMs, (thread, round) -> {
            categorizer.categorize(tokens(test.get(round % test.size())));
            return 1;
        });
        return PeerResult.of("OpenNLP DocumentCategorizerME (BoW + 1-2-grams, maxent)", t.sentencesPerSecond(), 1,
                f1, "single thread, tokenization included, F1 at argmax");
    }

    private String[] tokens(String text) {
        return tokenizer.tokenize(text, 0, text.length(), Integer.MAX_VALUE).stream()
                .map(Token::text).toArray(String[]::new);
    }

    private static NGramFeatureGenerator newBigrams() {
        try {
            return new NGramFeatureGenerator(1, 2);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("OpenNLP rejected n-gram range 1..2", e);
        }
    }
}
