package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void picksTheThresholdWithTheBestPositiveF1() {
        boolean[] gold = {true, true, false, false, true, false};
        double[] prob = {0.9, 0.4, 0.35, 0.8, 0.6, 0.1};
        // F1 = 2tp / (2tp + fp + fn) at each distinct probability:
        // 0.9: 2/4 = 0.5; 0.8: 2/5; 0.6: 4/6; 0.4: 6/7 (best); 0.35: 6/8; 0.1: 6/9
        assertEquals(0.4, Thresholds.bestF1(gold, prob));
    }

    @Test
    void tiesGoToTheLowestThreshold() {
        boolean[] gold = {true, false, false, true};
        double[] prob = {0.9, 0.7, 0.6, 0.3};
        // 0.9: 2/3; 0.7: 2/4; 0.6: 2/5; 0.3: 4/6 = 2/3 -> tie between 0.9 and 0.3
        assertEquals(0.3, Thresholds.bestF1(gold, prob));
    }

    @Test
    void withoutPositivesReturnsTheLowestProbability() {
        assertEquals(0.2, Thresholds.bestF1(new boolean[] {false, false}, new double[] {0.6, 0.2}));
    }

    @Test
    void macroF1DoesNotBuyRecallWithFalseAlarms() {
        boolean[] gold = {true, false, true, false, true};
        double[] prob = {0.9, 0.8, 0.7, 0.6, 0.5};
        // loaded F1 is best at 0.5 (everything flagged: 6/8) but the neutral class's F1 is 0 there;
        // macro-F1: 0.9 -> (2/4 + 4/6) / 2 = 0.583, 0.8 -> 0.4, 0.7 -> (4/6 + 2/4) / 2 = 0.583, 0.6 -> 0.286, 0.5 -> 0.375
        assertEquals(0.5, Thresholds.bestF1(gold, prob));
        assertEquals(0.7, Thresholds.bestMacroF1(gold, prob));
    }

    @Test
    void rejectsMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> Thresholds.bestMacroF1(new boolean[2], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.bestF1(new boolean[1], new double[2]));
    }
}
