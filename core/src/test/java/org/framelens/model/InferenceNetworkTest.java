package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.framelens.encode.Vocabulary;
import org.framelens.encode.WordFeatures;
import org.framelens.text.Token;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The folded inference network computes what the trained graph computes: every output of every sentence, for
 * padded and unpadded batches, for networks with and without word features and with odd and even kernels.
 */
class InferenceNetworkTest {
    private static final String[] WORDS = {"the", "council", "approved", "a", "reckless", "budget", "plan", "on",
        "may", "2024", "officials", "said", "shameful", "vote", "of", "its", "new", "rules"};
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "features {0}, kernel {1}, layers {2}")
    @CsvSource({"0, 3, 2", "3, 3, 2", "3, 4, 1", "2, 2, 3", "3, 5, 2"})
    void foldedOutputsEqualTheGraphs(int featureDimensions, int kernel, int layers) {
        SentenceEncoder encoder = encoder(featureDimensions);
        FramingNetwork network = randomised(FramingNetwork.create(new NetworkSpec(8, 6, kernel, layers, 5, 0.2),
                encoder.vocabulary().size(), featureDimensions, 11, 1e-3, false));
        InferenceNetwork folded = InferenceNetwork.of(network, encoder);
        Random random = new Random(featureDimensions * 31L + kernel);
        for (int width : new int[] {1, 2, 7, 19}) {
            List<List<Token>> padded = new ArrayList<>();
            List<List<Token>> rectangular = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                padded.add(sentence(random, 1 + random.nextInt(width)));
                rectangular.add(sentence(random, width));
            }
            padded.add(List.of()); // an empty sentence in a padded batch
            List<List<Token>> many = new ArrayList<>(); // more positions than one pass through the convolutions takes
            for (int i = 0; i < 1500 / width; i++) {
                many.add(sentence(random, 1 + random.nextInt(width)));
            }
            for (List<List<Token>> batch : List.of(padded, rectangular, padded.subList(0, 1), many)) {
                EncodedBatch encoded = encoder.encode(batch);
                EncodedBatch lean = encoder.omittingIdFeatures().encode(batch);
                assertSame(network.predict(encoded), folded.predict(encoded));
                assertSame(network.predict(encoded), folded.predict(lean));
                assertSame(network.predict(encoded), folded.copy().predict(encoded));
            }
        }
    }

    @Test
    void unknownWordsStayExactWhenTheirRowCacheOverflows() {
        // 5,000 words the vocabulary lacks, each with its own features: more rows than the fold keeps, so the cache
        // is cleared mid-batch and refilled on the second pass
        Vocabulary vocabulary = Vocabulary.fromCounts(Map.of("the", 1, "vote", 1), 1);
        Random random = new Random(3);
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("word" + Integer.toString(i, 26).replace('0', 'z').replace('1', 'y') + "x");
            vectors.add(new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()});
        }
        SentenceEncoder encoder = new SentenceEncoder(vocabulary, Optional.of(WordFeatures.of(words, vectors)));
        FramingNetwork network = randomised(FramingNetwork.create(new NetworkSpec(8, 6, 3, 2, 5, 0.2),
                vocabulary.size(), 2, 13, 1e-3, false));
        InferenceNetwork folded = InferenceNetwork.of(network, encoder);
        List<List<Token>> batch = new ArrayList<>();
        for (int s = 0; s < 250; s++) {
            List<Token> tokens = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                String word = words.get(s * 20 + t);
                tokens.add(new Token(word, t * 12, t * 12 + word.length()));
            }
            batch.add(tokens);
        }
        EncodedBatch encoded = encoder.encode(batch);
        for (int pass = 0; pass < 2; pass++) {
            assertSame(network.predict(encoded), folded.predict(encoder.omittingIdFeatures().encode(batch)));
        }
    }

    @Test
    void theTrainingGraphRefusesBatchesWithoutTheirIdFeatures() {
        SentenceEncoder encoder = encoder(3);
        FramingNetwork network = FramingNetwork.create(NetworkSpec.defaults(), encoder.vocabulary().size(), 3, 1,
                1e-3, false);
        EncodedBatch lean = encoder.omittingIdFeatures().encode(List.of(sentence(new Random(1), 4)));
        assertTrue(lean.idFeaturesOmitted());
        assertThrows(IllegalArgumentException.class, () -> network.predict(lean));
        EncodedBatch otherFeatures = encoder(2).encode(List.of(sentence(new Random(1), 4)));
        InferenceNetwork folded = InferenceNetwork.of(network, encoder);
        assertThrows(IllegalArgumentException.class, () -> folded.predict(otherFeatures));
    }

    @Test
    void aGraphWithoutTheFirstConvolutionIsRejectedClearly() {
        ComputationGraph other = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs(FramingNetwork.INPUT)
                .setInputTypes(InputType.recurrent(20))
                .addLayer(FramingNetwork.EMBEDDING, new EmbeddingSequenceLayer.Builder().nIn(20).nOut(4).build(),
                        FramingNetwork.INPUT)
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), FramingNetwork.EMBEDDING)
                .addLayer(FramingNetwork.SENTENCE, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build(), "pool")
                .setOutputs(FramingNetwork.SENTENCE).build());
        other.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InferenceNetwork.of(new FramingNetwork(other), encoder(0)));
        assertTrue(e.getMessage().contains("not a FrameLens network"), e.getMessage());
    }

    /**
     * Every parameter drawn at random, biases included: a new network's biases are zero, and a test on one could not
     * tell whether the inference form adds them.
     */
    private static FramingNetwork randomised(FramingNetwork network) {
        INDArray params = network.graph().params();
        params.assign(Nd4j.randn(new Random(17).nextLong(), params.shape()).muli(0.5));
        return network;
    }

    private static void assertSame(Predictions expected, Predictions actual) {
        assertEquals(expected.sentence().length, actual.sentence().length);
        for (int i = 0; i < expected.sentence().length; i++) {
            assertEquals(expected.sentence()[i], actual.sentence()[i], TOLERANCE, "sentence " + i);
            assertEquals(expected.tokens()[i].length, actual.tokens()[i].length);
            for (int t = 0; t < expected.tokens()[i].length; t++) {
                assertEquals(expected.tokens()[i][t], actual.tokens()[i][t], TOLERANCE, "token " + t + " of " + i);
            }
            for (int d = 0; d < expected.devices()[i].length; d++) {
                assertEquals(expected.devices()[i][d], actual.devices()[i][d], TOLERANCE, "device " + d + " of " + i);
            }
        }
    }

    /** A vocabulary of most test words (a few stay unknown) and, optionally, features for most of them. */
    private static SentenceEncoder encoder(int featureDimensions) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < WORDS.length - 3; i++) {
            counts.put(Vocabulary.normalise(WORDS[i]), 1); // "2024" becomes "0000"
        }
        Vocabulary vocabulary = Vocabulary.fromCounts(counts, 1);
        if (featureDimensions == 0) {
            return new SentenceEncoder(vocabulary);
        }
        Random random = new Random(5);
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 2; i < WORDS.length; i++) { // "the" and "council" have none; "2024" and unknown words do
            float[] v = new float[featureDimensions];
            for (int d = 0; d < featureDimensions; d++) {
                v[d] = (float) random.nextGaussian();
            }
            words.add(WORDS[i]);
            vectors.add(v);
        }
        WordFeatures features = WordFeatures.of(words, vectors);
        assertTrue(features.contains("2024"));
        return new SentenceEncoder(vocabulary, Optional.of(features));
    }

    private static List<Token> sentence(Random random, int length) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < length; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            word = random.nextInt(4) == 0 ? word.toUpperCase() : word;
            tokens.add(new Token(word, at, at + word.length()));
            at += word.length() + 1;
        }
        return tokens;
    }
}
