package org.framelens.bench;

import java.util.OptionalDouble;

/** A peer classifier's throughput and test F1, or the reason it could not run. */
record PeerResult(String name, boolean available, double sentencesPerSecond, int threads, double f1,
                  String note) {
    /** A peer that ran. */
    static PeerResult of(String name, double sentencesPerSecond, int threads, double f1, String note) {
        return new PeerResult(name, true, sentencesPerSecond, threads, f1, note);
    }

    /** A peer that could not run, with the reason. */
    static PeerResult unavailable(String name, Throwable why) {
        return new PeerResult(name, false, Double.NaN, 0, Double.NaN, "unavailable: " + why);
    }

    /** Throughput if the peer ran. */
    OptionalDouble throughput() {
        return available ? OptionalDouble.of(sentencesPerSecond) : OptionalDouble.empty();
    }
}
