package org.framelens.bench;

/** F1 of the positive (loaded) class. */
final class F1 {
    private F1() {
    }

    /** F1 of {@code predicted} against {@code gold}; 0 when there are no true positives. */
    static double of(boolean[] gold, boolean[] predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.length; i++) {
            if (predicted[i] && gold[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (gold[i]) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
