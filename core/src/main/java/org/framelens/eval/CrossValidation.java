package org.framelens.eval;

import java.util.Objects;
import java.util.Random;

/** Assigns examples to cross-validation folds. Stateless and thread-safe. */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * Assigns each example a fold in {@code [0, k)}, stratified by label: the positives per fold differ by at most
     * one, and so do the negatives and the fold sizes. The same labels, {@code k} and seed always give the same
     * folds, on any JVM ({@link Random} is specified exactly).
     *
     * @param labels the class of each example
     * @param k      the number of folds, at least 2 and at most the number of examples
     * @param seed   the shuffling seed
     * @return {@code folds[i]} is the fold of example {@code i}
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static int[] stratifiedFolds(boolean[] labels, int k, long seed) {
        Objects.requireNonNull(labels, "labels");
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("k must be between 2 and the number of examples (" + labels.length
                    + "), got " + k);
        }
        int positives = Inputs.positives(labels);
        int[] pos = new int[positives];
        int[] neg = new int[labels.length - positives];
        for (int i = 0, p = 0, n = 0; i < labels.length; i++) {
            if (labels[i]) {
                pos[p++] = i;
            } else {
                neg[n++] = i;
            }
        }
        Random random = new Random(seed);
        shuffle(pos, random);
        shuffle(neg, random);
        int[] folds = new int[labels.length];
        for (int j = 0; j < pos.length; j++) {
            folds[pos[j]] = j % k;
        }
        // Negatives continue the round-robin where positives stopped, so fold sizes stay within one of each other.
        for (int j = 0; j < neg.length; j++) {
            folds[neg[j]] = (pos.length + j) % k;
        }
        return folds;
    }

    /** Fisher-Yates, written out so that the order depends only on {@link Random}'s specified sequence. */
    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
