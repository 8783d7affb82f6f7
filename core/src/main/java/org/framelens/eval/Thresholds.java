package org.framelens.eval;

/** Chooses decision thresholds on held-out predictions. Stateless and thread-safe. */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * The threshold that maximises F1 of the LOADED class, predicting LOADED at or above it. Candidates are the
     * distinct probabilities; among equally good candidates the lowest wins, favouring recall. When {@code gold} has
     * no LOADED example every F1 is 0, so the lowest probability is returned.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a probability is outside
     *                                  [0, 1]
     */
    public static double bestF1(boolean[] gold, double[] prob) {
        Inputs.check(gold, prob);
        int positives = Inputs.positives(gold);
        double best = Double.NaN;
        double bestF1 = -1;
        // Cuts run from the highest threshold down, so ">=" leaves the lowest of tied candidates.
        for (Inputs.Cut cut : Inputs.cuts(gold, prob)) {
            int fn = positives - cut.tp();
            double f1 = Inputs.ratio(2.0 * cut.tp(), 2.0 * cut.tp() + cut.fp() + fn);
            if (f1 >= bestF1) {
                bestF1 = f1;
                best = cut.threshold();
            }
        }
        return best;
    }

    /**
     * The threshold that maximises macro-F1 (the mean of the LOADED and NEUTRAL classes' F1), predicting LOADED at
     * or above it. Unlike {@link #bestF1}, it weighs a wrongly flagged neutral sentence like a missed loaded one, so
     * it does not drift towards recall. Candidates are the distinct probabilities; ties go to the lowest.
     *
     * @throws IllegalArgumentException as {@link #bestF1}
     */
    public static double bestMacroF1(boolean[] gold, double[] prob) {
        Inputs.check(gold, prob);
        int positives = Inputs.positives(gold);
        int negatives = gold.length - positives;
        double best = Double.NaN;
        double bestMacro = -1;
        for (Inputs.Cut cut : Inputs.cuts(gold, prob)) {
            int fn = positives - cut.tp();
            int tn = negatives - cut.fp();
            double loaded = Inputs.ratio(2.0 * cut.tp(), 2.0 * cut.tp() + cut.fp() + fn);
            double neutral = Inputs.ratio(2.0 * tn, 2.0 * tn + fn + cut.fp());
            double macro = (loaded + neutral) / 2;
            if (macro >= bestMacro) {
                bestMacro = macro;
                best = cut.threshold();
            }
        }
        return best;
    }
}
