package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.framelens.model.BundleIO;
import org.framelens.model.NetworkSpec;
import org.framelens.train.ThresholdPolicy;
import org.framelens.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RetrainCommandLineTest {

    /** What the train command builds from the printed options. */
    private static TrainingConfig parsed(String options) {
        List<String> args = new ArrayList<>(List.of("--data", "corpus.jsonl", "--out", "m.zip"));
        args.addAll(List.of(options.split(" ")));
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs(args.toArray(String[]::new));
        return train.config(train.modelId);
    }

    private static Map<String, Object> manifestForm(TrainingConfig config) {
        return BundleIO.jsonMap(config.asMap());
    }

    @Test
    void theOptionsRebuildAConfigurationThatDiffersFromTheDefaultsEverywhere() {
        TrainingConfig config = TrainingConfig.builder()
                .modelId("news-v2").seed(7).maxEpochs(12).minWordCount(2).wordDropout(0.3)
                .classWeighting(false).thresholdPolicy(ThresholdPolicy.DEV_F1).joinRate(1.0).prior(0.25)
                .learningRate(0.001).batchSize(64).wordFeatures("models/word-features.bin")
                .network(NetworkSpec.defaults().withChannels(64).withEmbeddingSize(16).withKernelSize(5)
                        .withConvLayers(3).withHiddenSize(32).withDropout(0.4))
                .pretrained(true, true)
                .build();
        Map<String, Object> manifest = manifestForm(config);

        String options = RetrainCommandLine.options(manifest);

        assertTrue(options.contains("--no-class-weighting"), options);
        assertEquals(config, parsed(options), options);
        assertTrue(RetrainCommandLine.unreproducible(manifest).isEmpty());
    }

    @Test
    void defaultSettingsAreLeftOut() {
        TrainingConfig config = TrainingConfig.builder().modelId("m").seed(42).build();

        String options = RetrainCommandLine.options(manifestForm(config));

        assertEquals("--word-features default --model-id m --seed 42", options);
        assertEquals(config, parsed(options));
    }

    @Test
    void aSettingNoOptionCanSetIsNamed() {
        TrainingConfig config = TrainingConfig.builder().modelId("m").patience(9).build();

        List<String> missing = RetrainCommandLine.unreproducible(manifestForm(config));

        assertEquals(List.of("patience=9"), missing);
        assertFalse(RetrainCommandLine.options(manifestForm(config)).contains("patience"));
    }
}
