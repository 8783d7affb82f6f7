package org.framelens;

import java.util.Objects;

/**
 * A loaded phrase: adjacent loaded tokens merged into one span.
 *
 * @param start  start offset (inclusive) in the text passed to the scorer
 * @param end    end offset (exclusive)
 * @param text   exactly {@code document.substring(start, end)}
 * @param score  the highest per-token probability in the phrase
 * @param device the most probable device family for the sentence the phrase sits in
 */
public record PhraseSpan(int start, int end, String text, double score, FramingDevice device) {
    public PhraseSpan {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(device, "device");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad phrase span [" + start + ", " + end + ")");
        }
    }
}
