package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static boolean[] labels(int n, int positives) {
        boolean[] labels = new boolean[n];
        // Spread the positives so that index order is not label order.
        for (int i = 0; i < positives; i++) {
            labels[(i * 7) % n] = true;
        }
        return labels;
    }

    @Test
    void foldsAreStratifiedAndBalanced() {
        for (int k : new int[] {2, 3, 5, 10}) {
            boolean[] labels = labels(53, 17);
            int[] folds = CrossValidation.stratifiedFolds(labels, k, 42);

            int[] positives = new int[k];
            int[] sizes = new int[k];
            for (int i = 0; i < folds.length; i++) {
                assertTrue(folds[i] >= 0 && folds[i] < k);
                sizes[folds[i]]++;
                positives[folds[i]] += labels[i] ? 1 : 0;
            }
            assertTrue(spread(positives) <= 1, "k=" + k + " positives " + Arrays.toString(positives));
            assertTrue(spread(sizes) <= 1, "k=" + k + " sizes " + Arrays.toString(sizes));
        }
    }

    private static int spread(int[] counts) {
        return Arrays.stream(counts).max().orElseThrow() - Arrays.stream(counts).min().orElseThrow();
    }

    @Test
    void foldsAreDeterministicPerSeed() {
        boolean[] labels = labels(40, 12);

        int[] a = CrossValidation.stratifiedFolds(labels, 5, 7);
        int[] b = CrossValidation.stratifiedFolds(labels, 5, 7);
        int[] c = CrossValidation.stratifiedFolds(labels, 5, 8);

        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void rejectsBadK() {
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.stratifiedFolds(new boolean[5], 1, 0));
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.stratifiedFolds(new boolean[5], 6, 0));
    }

    @Test
    void meanStdUsesTheSampleStandardDeviation() {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; variance 5 / 3
        MeanStd m = MeanStd.of(1, 2, 3, 4);

        assertEquals(2.5, m.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), m.std(), 1e-12);
        assertEquals(new MeanStd(0.7, 0), MeanStd.of(0.7));
        assertThrows(IllegalArgumentException.class, MeanStd::of);
        assertThrows(IllegalArgumentException.class, () -> MeanStd.of(1, Double.NaN));
    }

    @Test
    void groupedFoldsKeepEachGroupTogetherAndBalanceSizes() {
        String[] groups = new String[200];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "topic" + (i * 13 % 23); // 23 groups of 8 or 9, interleaved
        }
        groups[5] = "";
        groups[6] = ""; // two examples without a group: a group each
        for (int k : new int[] {2, 5, 10}) {
            int[] folds = CrossValidation.groupedFolds(groups, k, 7);
            Map<String, Integer> foldOfGroup = new HashMap<>();
            int[] sizes = new int[k];
            for (int i = 0; i < groups.length; i++) {
                sizes[folds[i]]++;
                if (!groups[i].isEmpty()) {
                    assertEquals(foldOfGroup.computeIfAbsent(groups[i], g -> folds[first(groups, g)]), folds[i],
                            groups[i] + " split across folds");
                }
            }
            assertTrue(spread(sizes) <= 9, "k=" + k + " sizes " + Arrays.toString(sizes) + ": within one group");
            assertArrayEquals(folds, CrossValidation.groupedFolds(groups, k, 7), "deterministic");
        }
        assertFalse(Arrays.equals(CrossValidation.groupedFolds(groups, 5, 7),
                CrossValidation.groupedFolds(groups, 5, 8)), "the seed orders groups of equal size");
    }

    private static int first(String[] groups, String group) {
        return Arrays.asList(groups).indexOf(group);
    }

    @Test
    void groupedFoldsNeedAtLeastAsManyGroupsAsFolds() {
        String[] groups = {"a", "a", "b", ""};
        assertEquals(3, Arrays.stream(CrossValidation.groupedFolds(groups, 3, 1)).distinct().count(),
                "the example without a group counts as a third group");
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.groupedFolds(groups, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.groupedFolds(groups, 1, 1));
    }
}
