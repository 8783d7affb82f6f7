package org.framelens.train;

/** Receives training progress; the CLI draws a progress bar or logs lines. Called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    /** After each epoch. */
    void onEpoch(EpochReport report);

    /** Once, before the first epoch: the training sentences and the joined examples added to them. */
    default void onStart(int trainingSentences, int joinedExamples) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return r -> { };
    }

    /**
     * Progress after one epoch.
     *
     * @param epoch     1-based epoch just finished
     * @param maxEpochs the configured maximum
     * @param loss      mean training loss of the epoch
     * @param devF1     best-threshold F1 of the sentence head on dev
     * @param best      whether this epoch is the best so far (kept)
     * @param seconds   seconds since training started
     */
    record EpochReport(int epoch, int maxEpochs, double loss, double devF1, boolean best, double seconds) {
    }
}
