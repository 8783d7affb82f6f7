package org.framelens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = SentenceSplitter.english();

    private static List<String> sentences(String doc) {
        return SPLITTER.split(doc).stream().map(s -> doc.substring(s[0], s[1])).toList();
    }

    @Test
    void splitsWithinALineAndAtEveryLineBreak() {
        String doc = "Headline without a period\nThe minister spoke on Monday. She left on Tuesday.\r\n\n  Last one.  ";
        assertEquals(List.of("Headline without a period", "The minister spoke on Monday.", "She left on Tuesday.",
                "Last one."), sentences(doc));
    }

    @Test
    void blankTextHasNoSentences() {
        assertTrue(SPLITTER.split("").isEmpty());
        assertTrue(SPLITTER.split(" \n\t \u200B\n").isEmpty());
    }

    @Test
    void spansAreTrimmedAndInOrder() {
        String doc = "  A first one.   A second one.  \n\n Third.";
        int previous = 0;
        for (int[] s : SPLITTER.split(doc)) {
            assertTrue(s[0] >= previous && s[1] > s[0]);
            assertTrue(!Character.isWhitespace(doc.charAt(s[0])) && !Character.isWhitespace(doc.charAt(s[1] - 1)));
            previous = s[1];
        }
    }
}
