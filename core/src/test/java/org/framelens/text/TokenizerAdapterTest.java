package org.framelens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
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

    @Test
    void chunkCacheGivesExactlyOpenNlpsTokens() throws Exception {
        TokenizerME plain;
        try (InputStream in = TokenizerAdapter.class.getResourceAsStream("/en-token.bin")) {
            plain = new TokenizerME(new TokenizerModel(in));
        }
        List<String> texts = new ArrayList<>(Files.readAllLines(Path.of("../seeds/000_783869c16b4e0c0e.txt")));
        texts.add("\"Don't,\" she said -- it's $5,000.00 (U.S.), e.g. 3:30pm; O'Neill's co-op... fine?!");
        texts.add("Quotes: \u201cThe plan\u201d and \u2018so-called\u2019 reforms \u2014 em-dash\u2026 end.");
        Random r = new Random(11);
        for (int i = 0; i < 500; i++) {
            texts.add(randomText(r));
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            for (Span s : plain.tokenizePos(text)) {
                if (!text.substring(s.getStart(), s.getEnd()).chars().allMatch(c -> TokenizerAdapter.isBlank((char) c))) {
                    expected.add(s.getStart() + "-" + s.getEnd());
                }
            }
            // twice: the second pass is served from the cache
            for (int pass = 0; pass < 2; pass++) {
                List<String> actual = TOKENIZER.tokenize(text, 0, text.length(), Integer.MAX_VALUE).stream()
                        .map(t -> t.start() + "-" + t.end()).toList();
                assertEquals(expected, actual, text);
            }
        }
    }

    private static final String[] PIECES = {"word", "Said", ".", ",", "'s", "n't", "\"", "\u201c", "(", ")", "-",
        "--", "$", "5,000", "3.14", "U.S.", "Mr.", "e.g.", "...", "!?", " ", "  ", "\t", "\n", "\u00A0", "\u2009",
        "\u3000", "\u200B", "\uFEFF", "😀", "北京", "http://x.org/a?b=c", "@user", "#tag", "co-op", "1990s"};

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(30); i > 0; i--) {
            sb.append(r.nextInt(10) == 0 ? String.valueOf((char) r.nextInt(0x10000)) : PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void limitCapsTheNumberOfTokens(int limit) {
        String doc = "one two three four five";
        assertEquals(limit, TOKENIZER.tokenize(doc, 0, doc.length(), limit).size());
    }
}
