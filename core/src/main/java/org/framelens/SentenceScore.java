package org.framelens;

import java.util.List;
import java.util.Objects;

/**
 * The score of one sentence.
 *
 * @param text        the sentence text, exactly {@code document.substring(start, end)}
 * @param start       start offset (inclusive) of the sentence in the text passed to the scorer
 * @param end         end offset (exclusive)
 * @param probability calibrated P(loaded) in [0, 1]
 * @param loaded      {@code probability >= threshold} (the bundle's threshold unless the scorer was given another)
 * @param phrases     loaded phrases in text order; empty when none
 * @param tokens      every scored token with its per-token probability
 * @param devices     device-family probabilities, most probable first
 * @param truncated   true when the sentence had more tokens than the scorer's limit and only the first ones were
 *                    scored (see {@link FramingScorer#MAX_TOKENS})
 */
public record SentenceScore(String text, int start, int end, double probability, boolean loaded,
                            List<PhraseSpan> phrases, List<TokenAttribution> tokens, List<DeviceScore> devices,
                            boolean truncated) {
    public SentenceScore {
        Objects.requireNonNull(text, "text");
        phrases = List.copyOf(phrases);
        tokens = List.copyOf(tokens);
        devices = List.copyOf(devices);
    }

    /** The most probable device family, if the sentence has any token. */
    public FramingDevice topDevice() {
        return devices.isEmpty() ? FramingDevice.LOADED_WORDING : devices.get(0).device();
    }
}
