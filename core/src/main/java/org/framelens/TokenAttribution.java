package org.framelens;

import java.util.Objects;

/**
 * One token of a scored sentence with the model's per-token probability that it belongs to a loaded phrase.
 *
 * @param token  the token text, exactly {@code document.substring(start, end)}
 * @param start  start offset (inclusive) in the text passed to the scorer
 * @param end    end offset (exclusive)
 * @param weight per-token P(loaded), in [0, 1]
 */
public record TokenAttribution(String token, int start, int end, double weight) {
    public TokenAttribution {
        Objects.requireNonNull(token, "token");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
        }
    }
}
