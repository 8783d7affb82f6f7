package org.framelens.text;

import java.util.List;
import java.util.Objects;

/**
 * A sentence with its span in the original document and its tokens (offsets also into the document).
 *
 * @param truncated true when the sentence had more tokens than the limit and {@code tokens} holds only the first ones
 */
public record TokenizedSentence(String text, int start, int end, List<Token> tokens, boolean truncated) {
    public TokenizedSentence {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }
}
