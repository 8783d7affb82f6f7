package org.framelens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerAdapterTest {
    private static final TokenizerAdapter TOKENIZER = TokenizerAdapter.english();

    @ParameterizedTest
    @ValueSource(strings = {
        "Moscow cannot withstand its red lines being broken.",
        "  The so-called \"reform\" was, in fact, a U.S.-backed plan (they said).  ",
        "Emoji 😀 and CJK 北京 and Arabic مرحبا text.",
        "Zero\u200Bwidth and control \u0007 chars\tand tabs.",
        "Lone surrogate \uD800 here and there \uDC00.",
        "<p>HTML <b>markup</b> &amp; entities</p>",
        "ALL CAPS HEADLINE!!! ??? ...",
    })
    void offsetsSliceTheOriginalText(String text) {
        List<Token> tokens = TOKENIZER.tokenize(text, 0, text.length(), Integer.MAX_VALUE);
        assertFalse(tokens.isEmpty());
        int previousEnd = 0;
        for (Token t : tokens) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
            assertTrue(t.start() >= previousEnd, "tokens in order and not overlapping");
            assertFalse(t.text().isBlank());
            previousEnd = t.end();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 20})
    void offsetsOfASubrangeIndexTheWholeDocument(int from) {
        String doc = "First sentence here. Second sentence, with a comma.";
        List<Token> tokens = TOKENIZER.tokenize(doc, from, doc.length(), Integer.MAX_VALUE);
        for (Token t : tokens) {
            assertTrue(t.start() >= from);
            assertEquals(t.text(), doc.substring(t.start(), t.end()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void limitCapsTheNumberOfTokens(int limit) {
        String doc = "one two three four five";
        assertEquals(limit, TOKENIZER.tokenize(doc, 0, doc.length(), limit).size());
    }
}
