package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.framelens.Fixtures;
import org.framelens.text.TokenizerAdapter;
import org.junit.jupiter.api.Test;

class DoccatBaselineTest {
    @Test
    void learnsTheSyntheticCorpusAndReportsAtItsDecisionRule() {
        DoccatBaseline baseline = DoccatBaseline.train(Fixtures.syntheticCorpus(240, 1, "train"),
                TokenizerAdapter.english());
        BinaryMetrics dev = baseline.evaluate(Fixtures.syntheticCorpus(60, 2, "dev"));
        assertEquals(0.5, dev.threshold());
        assertTrue(dev.f1() > 0.9, "F1 " + dev.f1());
        double loaded = baseline.probability("The council approved the disastrous budget plan on 3 May.");
        double neutral = baseline.probability("The council approved the budget plan on 3 May.");
        assertTrue(loaded > 0.5 && neutral < 0.5, loaded + " vs " + neutral);
    }
}
