package org.framelens.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;
import org.framelens.train.LabelledSentence;

/**
 * The baseline FrameLens is compared with: OpenNLP's maximum-entropy {@link DocumentCategorizerME} on bag-of-words
 * and uni/bigram features, trained on the same sentences with the same tokenizer. Not thread-safe (OpenNLP's
 * categorizer is not).
 */
public final class DoccatBaseline {
    static final String LOADED = "LOADED";
    static final String NEUTRAL = "NEUTRAL";

    private final DocumentCategorizerME categorizer;
    private final TokenizerAdapter tokenizer;

    private DoccatBaseline(DocumentCategorizerME categorizer, TokenizerAdapter tokenizer) {
        this.categorizer = categorizer;
        this.tokenizer = tokenizer;
    }

    /** Trains on {@code train} (features seen fewer than twice are dropped; 100 iterations). */
    public static DoccatBaseline train(List<LabelledSentence> train, TokenizerAdapter tokenizer) {
        List<DocumentSample> samples = new ArrayList<>(train.size());
        for (LabelledSentence s : train) {
            samples.add(new DocumentSample(s.loaded() ? LOADED : NEUTRAL, tokens(tokenizer, s.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(1, 2)});
            DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                    params, factory);
            return new DoccatBaseline(new DocumentCategorizerME(model), tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP could not train the document categorizer", e);
        }
    }

    /** The categorizer's probability that {@code text} is loaded (its decision is this probability at 0.5). */
    public double probability(String text) {
        Map<String, Double> scores = categorizer.scoreMap(tokens(tokenizer, text));
        return scores.getOrDefault(LOADED, 0.0);
    }

    /** Metrics on labelled sentences at the categorizer's own decision rule (argmax, i.e. probability 0.5). */
    public BinaryMetrics evaluate(List<LabelledSentence> data) {
        boolean[] gold = new boolean[data.size()];
        double[] prob = new double[data.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = data.get(i).loaded();
            prob[i] = probability(data.get(i).text());
        }
        return BinaryMetrics.of(gold, prob, 0.5);
    }

    private static String[] tokens(TokenizerAdapter tokenizer, String text) {
        return tokenizer.tokenize(text, 0, text.length(), Integer.MAX_VALUE).stream().map(Token::text)
                .toArray(String[]::new);
    }
}
