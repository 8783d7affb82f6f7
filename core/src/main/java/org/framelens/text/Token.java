package org.framelens.text;

import java.util.Objects;

/**
 * A token and its character span in the original text ({@code text.substring(start, end).equals(text())}).
 */
public record Token(String text, int start, int end) {
    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
        }
    }
}
