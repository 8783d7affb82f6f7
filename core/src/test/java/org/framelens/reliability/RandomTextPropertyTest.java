package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.framelens.DocumentScore;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks on random strings from a hostile alphabet (fixed seed, so failures reproduce): every
 * sentence, token and phrase offset slices the input, scores lie in [0, 1], and two calls give equal results.
 */
class RandomTextPropertyTest {
    static final int CASES = 500;
    static final String[] PIECES = {
        "The council approved the ", "reckless", "disastrous", " so-called ", "budget plan", " on 2 May", ".", "!",
        "?", "!!!!!!", "...", " ", "  ", "\n", "\r\n", "\r", "\t", "\u0000", "\u0007", "\u001b[31m", "\u007f",
        "\uD800", "\uDC00", "\uDBFF", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u202D",
        "\u00A0", "\u2028", "\u2029", "\u3000", "😀", "👩‍👩‍👧", "🇺🇦", "北京", "東京で", "مرحبا بالعالم",
        "\u05E9\u05DC\u05D5\u05DD", "<b>", "</b>", "<div class=\"x\">", "&amp;", "&#x1F600;", "SHAMEFUL",
        "THE MINISTRY", "\"", "'", "«", "»", "—", "-", "(", ")", "e\u0301", "ﬁ", "Ǆ", "\uFFFD", "\uFFFF",
        "1,000", "3.14", "U.S.", "Mr.", "e.g.", "http://x.org/a?b=c", "@user", "#tag",
    };

    static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int pieces = r.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            if (r.nextInt(8) == 0) {
                sb.append((char) r.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
            } else {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }

    @Test
    void randomStringsKeepTheInvariants() {
        FramingScorer scorer = Fixtures.tinyScorer();
        Random r = new Random(20261124);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            inputs.add(randomText(r));
        }
        for (String text : inputs) {
            try {
                DocumentScore d = scorer.scoreDocument(text);
                Offsets.assertValid(text, d);
                Offsets.assertCovers(text, d);
                assertEquals(d, scorer.scoreDocument(text), "deterministic");
                SentenceScore s = scorer.score(text);
                Offsets.assertValid(text, s);
                assertEquals(s, scorer.score(text), "deterministic");
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("input " + escape(text) + ": " + e.getMessage(), e);
            }
        }
        List<SentenceScore> all = scorer.scoreAll(inputs);
        assertEquals(all, scorer.scoreAll(inputs), "deterministic");
        for (int i = 0; i < inputs.size(); i++) {
            SentenceScore alone = scorer.score(inputs.get(i));
            SentenceScore batched = all.get(i);
            Offsets.assertValid(inputs.get(i), batched);
            // Same tokens and offsets; the probability may differ in the last float bits, because a batch pads to
            // its longest sentence and the native kernels sum in a different order. Only exact ties flip a label.
            assertEquals(alone.tokens().stream().map(t -> t.start() + ":" + t.end()).toList(),
                    batched.tokens().stream().map(t -> t.start() + ":" + t.end()).toList());
            assertEquals(alone.probability(), batched.probability(), 1e-5, "scoreAll agrees with score");
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c)
                    : String.format("\\u%04X", (int) c));
        }
        return sb.append('"').toString();
    }
}
