package org.framelens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.framelens.model.ModelBundle;
import org.framelens.model.NetworkSpec;
import org.framelens.train.LabelledSentence;
import org.framelens.train.LabelledSpan;
import org.framelens.train.Trainer;
import org.framelens.train.TrainingConfig;
import org.framelens.train.TrainingListener;

/**
 * Shared test fixtures: a synthetic corpus in which loaded sentences contain one of a few loaded words, and a tiny
 * model trained on it once per JVM (a few seconds).
 */
public final class Fixtures {
    static final String[] SUBJECTS = {"The council", "The ministry", "Officials in Riverton", "The committee",
        "Lawmakers", "The agency", "The mayor", "Regional leaders", "The union", "The court"};
    static final String[] VERBS = {"approved", "announced", "delayed", "reviewed", "published", "debated"};
    static final String[] OBJECTS = {"the budget plan", "new housing rules", "a transport policy",
        "the water report", "a tax proposal", "the school reform"};
    static final String[][] LOADED = {{"disastrous", "loaded_wording"}, {"shameful", "loaded_wording"},
        {"reckless", "loaded_wording"}, {"so-called", "doubt"}, {"sinister", "imputed_motive"},
        {"catastrophic", "exaggeration"}};

    private static ModelBundle tiny;

    private Fixtures() {
    }

    /** {@code n} sentences, alternately neutral and loaded, deterministic for a seed. */
    public static List<LabelledSentence> syntheticCorpus(int n, long seed, String split) {
        Random r = new Random(seed);
        List<LabelledSentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
            String verb = VERBS[r.nextInt(VERBS.length)];
            String object = OBJECTS[r.nextInt(OBJECTS.length)];
            if (i % 2 == 0) {
                String text = subject + " " + verb + " " + object + " on " + (1 + r.nextInt(28)) + " May.";
                out.add(new LabelledSentence(text, false, List.of(), true, Set.of(), true, "synthetic", split,
                        "fixtures", i + 1));
            } else {
                String[] w = LOADED[r.nextInt(LOADED.length)];
                String prefix = subject + " " + verb + " the " + w[0];
                String text = prefix + " " + object.replaceFirst("^(the|a|new) ", "") + " on " + (1 + r.nextInt(28))
                        + " May.";
                int start = prefix.length() - w[0].length();
                FramingDevice device = FramingDevice.fromCode(w[1]);
                out.add(new LabelledSentence(text, true, List.of(new LabelledSpan(start, prefix.length(), device)),
                        true, Set.of(device), true, "synthetic", split, "fixtures", i + 1));
            }
        }
        return out;
    }

    /** A small network so that tests train in seconds. */
    public static TrainingConfig tinyConfig() {
        return TrainingConfig.builder().modelId("tiny-test").maxEpochs(40).patience(8).minWordCount(1).wordDropout(0.1)
                .wordFeatures(TrainingConfig.NO_WORD_FEATURES)
                .network(new NetworkSpec(16, 16, 3, 2, 16, 0.1)).build();
    }

    /** A tiny model trained once per JVM on the synthetic corpus. */
    public static synchronized ModelBundle tinyBundle() {
        if (tiny == null) {
            tiny = new Trainer().train(syntheticCorpus(240, 1, "train"), syntheticCorpus(60, 2, "dev"), tinyConfig(),
                    TrainingListener.none()).bundle();
        }
        return tiny;
    }

    /** A scorer over {@link #tinyBundle()}. */
    public static FramingScorer tinyScorer() {
        return FrameLens.fromBundle(tinyBundle());
    }
}
