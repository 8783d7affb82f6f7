package org.framelens.eval;

import java.util.ArrayList;
import java.util.List;

/** Precision-recall and ROC curves for plotting, one point per distinct probability. Stateless and thread-safe. */
public final class Curves {
    private Curves() {
    }

    /**
     * The precision-recall curve, from the highest threshold to the lowest (recall rising).
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a probability is outside
     *                                  [0, 1]
     */
    public static List<PrecisionRecallPoint> precisionRecall(boolean[] gold, double[] prob) {
        Inputs.check(gold, prob);
        int positives = Inputs.positives(gold);
        List<PrecisionRecallPoint> points = new ArrayList<>();
        for (Inputs.Cut cut : Inputs.cuts(gold, prob)) {
            points.add(new PrecisionRecallPoint(cut.threshold(), Inputs.ratio(cut.tp(), cut.tp() + cut.fp()),
                    Inputs.ratio(cut.tp(), positives)));
        }
        return points;
    }

    /**
     * The ROC curve, starting at the origin (threshold {@code +Infinity}) and then from the highest threshold to the
     * lowest, ending at (1, 1) when both classes are present.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a probability is outside
     *                                  [0, 1]
     */
    public static List<RocPoint> roc(boolean[] gold, double[] prob) {
        Inputs.check(gold, prob);
        int positives = Inputs.positives(gold);
        int negatives = gold.length - positives;
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        for (Inputs.Cut cut : Inputs.cuts(gold, prob)) {
            points.add(new RocPoint(cut.threshold(), Inputs.ratio(cut.fp(), negatives),
                    Inputs.ratio(cut.tp(), positives)));
        }
        return points;
    }
}
