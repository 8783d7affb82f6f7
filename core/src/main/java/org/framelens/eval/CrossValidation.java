package org.framelens.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

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

    /**
     * Assigns each example a fold in {@code [0, k)} so that examples of one group share a fold: each fold's model is
     * then scored on groups (topics, articles, events) it never saw, which per-example folds overstate when a group's
     * examples resemble each other. Groups go, largest first and ties in a shuffled order, to the fold with the
     * fewest examples so far; folds are balanced by size, not stratified by label. An empty group name means the
     * example has no group: it forms one of its own. The same groups, {@code k} and seed always give the same folds.
     *
     * @param groups the group of each example
     * @param k      the number of folds, at least 2 and at most the number of groups
     * @param seed   the seed that orders groups of equal size
     * @return {@code folds[i]} is the fold of example {@code i}
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    public static int[] groupedFolds(String[] groups, int k, long seed) {
        Objects.requireNonNull(groups, "groups");
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            String group = Objects.requireNonNull(groups[i], "group");
            members.computeIfAbsent(group.isEmpty() ? "\u0000" + i : group, g -> new ArrayList<>()).add(i);
        }
        if (k < 2 || k > members.size()) {
            throw new IllegalArgumentException("k must be between 2 and the number of groups (" + members.size()
                    + "), got " + k);
        }
        List<List<Integer>> ordered = new ArrayList<>(members.values());
        Collections.shuffle(ordered, new Random(seed));
        ordered.sort(Comparator.comparingInt(g -> -g.size())); // stable: equal sizes keep the shuffled order
        int[] sizes = new int[k];
        int[] folds = new int[groups.length];
        for (List<Integer> group : ordered) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (sizes[f] < sizes[smallest]) {
                    smallest = f;
                }
            }
            for (int i : group) {
                folds[i] = smallest;
            }
            sizes[smallest] += group.size();
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
