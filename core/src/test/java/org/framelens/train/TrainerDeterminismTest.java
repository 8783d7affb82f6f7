package org.framelens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.framelens.FrameLens;
import org.framelens.Fixtures;
import org.framelens.SentenceScore;
import org.framelens.model.Calibration;
import org.framelens.model.ModelBundle;
import org.junit.jupiter.api.Test;

class TrainerDeterminismTest {
    static final List<String> PROBES = List.of("The council approved the disastrous budget plan on 3 May.",
            "The ministry published the water report on 12 May.", "Lawmakers debated the so-called tax proposal.");

    private static List<SentenceScore> trainAndScore(long seed) {
        TrainingConfig config = Fixtures.tinyConfig().toBuilder().seed(seed).maxEpochs(6).build();
        ModelBundle bundle = new Trainer().train(Fixtures.syntheticCorpus(120, 1, "train"),
                Fixtures.syntheticCorpus(40, 2, "dev"), config, TrainingListener.none()).bundle();
        return FrameLens.fromBundle(bundle).scoreAll(PROBES);
    }

    @Test
    void sameDataAndSeedGiveIdenticalScores() {
        assertEquals(trainAndScore(7), trainAndScore(7));
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        assertNotEquals(trainAndScore(7), trainAndScore(8));
    }

    @Test
    void rejectsUnusableSplits() {
        List<LabelledSentence> neutralOnly = Fixtures.syntheticCorpus(20, 1, "train").stream()
                .filter(s -> !s.loaded()).toList();
        assertThrows(IllegalArgumentException.class, () -> new Trainer().train(neutralOnly,
                Fixtures.syntheticCorpus(10, 2, "dev"), Fixtures.tinyConfig(), TrainingListener.none()));
        assertThrows(IllegalArgumentException.class, () -> new Trainer().train(Fixtures.syntheticCorpus(20, 1, "t"),
                List.of(), Fixtures.tinyConfig(), TrainingListener.none()));
    }

    @Test
    void thresholdPolicyDecidesTheBundleThreshold() {
        assertEquals(0.5, Fixtures.tinyBundle().manifest().threshold(), "the default policy needs no search");
        boolean[] gold = {true, false, true, false, true};
        double[] prob = {0.9, 0.8, 0.7, 0.6, 0.5};
        assertEquals(0.5, ThresholdPolicy.CALIBRATED_HALF.choose(gold, prob));
        assertEquals(0.5, ThresholdPolicy.DEV_F1.choose(gold, prob));
        assertEquals(0.7, ThresholdPolicy.DEV_MACRO_F1.choose(gold, prob));
        assertEquals("CALIBRATED_HALF", TrainingConfig.defaults().asMap().get("thresholdPolicy"));
    }

    @Test
    void aTrainingPriorMovesTheCalibrationByBayesRuleOnly() {
        List<LabelledSentence> train = Fixtures.syntheticCorpus(120, 1, "train");
        List<LabelledSentence> dev = Fixtures.syntheticCorpus(40, 2, "dev");
        TrainingConfig plain = Fixtures.tinyConfig().toBuilder().seed(7).maxEpochs(4).build();
        ModelBundle fitted = new Trainer().train(train, dev, plain, TrainingListener.none()).bundle();
        ModelBundle rare = new Trainer().train(train, dev, plain.toBuilder().prior(0.2).build(),
                TrainingListener.none()).bundle();
        double devShare = fitted.manifest().devLoadedShare().orElseThrow();
        Calibration a = fitted.manifest().calibration();
        Calibration b = rare.manifest().calibration();
        assertEquals(a.a(), b.a());
        assertEquals(Calibration.logit(0.2) - Calibration.logit(devShare), b.b() - a.b(), 1e-12);
        assertEquals(0.2, rare.manifest().calibrationPrior().orElseThrow());
        assertEquals(devShare, fitted.manifest().calibrationPrior().orElseThrow());
        // a user's prior is applied relative to the trained prior: asking for the dev share restores the plain model
        List<SentenceScore> plainScores = FrameLens.fromBundle(fitted).scoreAll(PROBES);
        List<SentenceScore> restored = FrameLens.fromBundle(rare).withPrior(devShare).scoreAll(PROBES);
        for (int i = 0; i < PROBES.size(); i++) {
            assertEquals(plainScores.get(i).probability(), restored.get(i).probability(), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> plain.toBuilder().prior(1.0).build());
    }

    @Test
    void aMissingWordFeatureTableIsAClearError() {
        List<LabelledSentence> train = Fixtures.syntheticCorpus(40, 1, "train");
        List<LabelledSentence> dev = Fixtures.syntheticCorpus(20, 2, "dev");
        // core's tests run without framelens-models, which holds the default table
        IllegalStateException noDefault = assertThrows(IllegalStateException.class, () -> new Trainer().train(train,
                dev, Fixtures.tinyConfig().toBuilder().wordFeatures(TrainingConfig.DEFAULT_WORD_FEATURES).build(),
                TrainingListener.none()));
        assertTrue(noDefault.getMessage().contains("framelens-models"), noDefault.getMessage());
        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class, () -> new Trainer().train(
                train, dev, Fixtures.tinyConfig().toBuilder().wordFeatures("no/such/table.bin").build(),
                TrainingListener.none()));
        assertTrue(noFile.getMessage().contains("no/such/table.bin"), noFile.getMessage());
    }

    @Test
    void configValidatesItsRanges() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().maxEpochs(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().wordDropout(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().joinRate(-0.5).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().joinRate(Double.NaN).build());
        assertEquals(TrainingConfig.defaults(), TrainingConfig.defaults().toBuilder().build());
    }
}
