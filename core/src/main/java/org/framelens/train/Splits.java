package org.framelens.train;

import java.util.ArrayList;
import java.util.List;
import org.framelens.eval.CrossValidation;

/**
 * A corpus divided into train, dev and test. The corpus's own split column wins; otherwise a stratified random
 * split, deterministic for a seed.
 */
public record Splits(List<LabelledSentence> train, List<LabelledSentence> dev, List<LabelledSentence> test) {
    public Splits {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
    }

    /**
     * Uses each sentence's {@code split} when any sentence has one (sentences without one go to train); otherwise
     * assigns about {@code devFraction} and {@code testFraction} of each class to dev and test at random.
     */
    public static Splits of(List<LabelledSentence> data, double devFraction, double testFraction, long seed) {
        List<LabelledSentence> train = new ArrayList<>();
        List<LabelledSentence> dev = new ArrayList<>();
        List<LabelledSentence> test = new ArrayList<>();
        if (data.stream().anyMatch(s -> !s.split().isEmpty())) {
            for (LabelledSentence s : data) {
                switch (s.split()) {
                    case "dev" -> dev.add(s);
                    case "test" -> test.add(s);
                    default -> train.add(s);
                }
            }
            return new Splits(train, dev, test);
        }
        // folds of size 1/k, stratified; fold 0 is test, fold 1 dev (k from the smaller fraction)
        double smallest = Math.min(devFraction, testFraction > 0 ? testFraction : devFraction);
        int k = Math.max(3, (int) Math.round(1 / smallest));
        boolean[] labels = new boolean[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.get(i).loaded();
        }
        int[] folds = CrossValidation.stratifiedFolds(labels, k, seed);
        for (int i = 0; i < folds.length; i++) {
            if (testFraction > 0 && folds[i] == 0) {
                test.add(data.get(i));
            } else if (folds[i] == 1) {
                dev.add(data.get(i));
            } else {
                train.add(data.get(i));
            }
        }
        return new Splits(train, dev, test);
    }
}
