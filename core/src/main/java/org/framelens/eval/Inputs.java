package org.framelens.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Argument checks and the sweep over thresholds shared by the metric classes. Stateless. */
final class Inputs {
    /**
     * Cumulative counts when predicting positive for every probability at or above {@code threshold}.
     */
    record Cut(double threshold, int tp, int fp) {
    }

    private Inputs() {
    }

    /** Checks that gold and prob are non-empty, of equal length, and that every probability is in [0, 1]. */
    static void check(boolean[] gold, double[] prob) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(prob, "prob");
        if (gold.length != prob.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " labels but prob has " + prob.length
                    + " probabilities");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("no examples to evaluate");
        }
        for (int i = 0; i < prob.length; i++) {
            if (!(prob[i] >= 0 && prob[i] <= 1)) {
                throw new IllegalArgumentException("prob[" + i + "] = " + prob[i] + " is not a probability in [0, 1]");
            }
        }
    }

    /** {@code num / den}, or 0 when {@code den} is 0. */
    static double ratio(double num, double den) {
        return den == 0 ? 0 : num / den;
    }

    static int positives(boolean[] gold) {
        int p = 0;
        for (boolean g : gold) {
            p += g ? 1 : 0;
        }
        return p;
    }

    /** One cut per distinct probability, from the highest threshold to the lowest. */
    static List<Cut> cuts(boolean[] gold, double[] prob) {
        Integer[] order = new Integer[prob.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> prob[i]).reversed());
        List<Cut> cuts = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (gold[i]) {
                tp++;
            } else {
                fp++;
            }
            if (k + 1 == order.length || prob[order[k + 1]] != prob[i]) {
                cuts.add(new Cut(prob[i], tp, fp));
            }
        }
        return cuts;
    }
}
