package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.framelens.DocumentScore;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;
import org.framelens.text.TokenizerAdapter;

/** Invariants every result must satisfy against the string the caller passed in. */
final class Offsets {
    private Offsets() {
    }

    static void assertValid(String input, SentenceScore s) {
        assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= input.length(),
                () -> "sentence [" + s.start() + ", " + s.end() + ") outside input of length " + input.length());
        assertEquals(s.text(), input.substring(s.start(), s.end()));
        assertTrue(s.probability() >= 0 && s.probability() <= 1, () -> "probability " + s.probability());
        for (TokenAttribution t : s.tokens()) {
            assertTrue(s.start() <= t.start() && t.start() <= t.end() && t.end() <= s.end(),
                    () -> "token " + t + " outside its sentence");
            assertEquals(t.token(), input.substring(t.start(), t.end()));
            assertTrue(t.weight() >= 0 && t.weight() <= 1, () -> "token weight " + t.weight());
        }
        for (PhraseSpan p : s.phrases()) {
            assertTrue(s.start() <= p.start() && p.start() <= p.end() && p.end() <= s.end(),
                    () -> "phrase " + p + " outside its sentence");
            assertEquals(p.text(), input.substring(p.start(), p.end()));
            assertTrue(p.score() >= 0 && p.score() <= 1, () -> "phrase score " + p.score());
        }
    }

    static void assertValid(String input, DocumentScore d) {
        int previousEnd = 0;
        for (SentenceScore s : d.sentences()) {
            assertValid(input, s);
            assertTrue(s.start() >= previousEnd, "sentences are in order and do not overlap");
            previousEnd = s.end();
        }
        assertTrue(d.probability() >= 0 && d.probability() <= 1, () -> "document probability " + d.probability());
    }

    /** Every non-whitespace character of {@code input} lies inside some sentence: no text is silently dropped. */
    static void assertCovers(String input, DocumentScore d) {
        int pos = 0;
        for (SentenceScore s : d.sentences()) {
            for (int i = pos; i < s.start(); i++) {
                if (!TokenizerAdapter.isBlank(input.charAt(i))) {
                    throw new AssertionError("character " + i + " (U+" + Integer.toHexString(input.charAt(i))
                            + ") lies between sentences");
                }
            }
            pos = Math.max(pos, s.end());
        }
        for (int i = pos; i < input.length(); i++) {
            if (!TokenizerAdapter.isBlank(input.charAt(i))) {
                throw new AssertionError("character " + i + " (U+" + Integer.toHexString(input.charAt(i))
                        + ") lies after the last sentence");
            }
        }
    }
}
