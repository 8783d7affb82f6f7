package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.framelens.DocumentScore;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Very large inputs complete within the test heap (-Xmx2g), cover the whole text and respect the token limit. */
class LargeInputTest {
    static final int TEN_MB = 10 << 20;

    /** About {@code chars} characters of news-like paragraphs with some junk lines, deterministic. */
    static String document(int chars, long seed) {
        Random r = new Random(seed);
        var sentences = Fixtures.syntheticCorpus(500, seed, "test").stream().map(s -> s.text()).toList();
        StringBuilder sb = new StringBuilder(chars + 1024);
        while (sb.length() < chars) {
            int k = r.nextInt(20);
            if (k == 0) {
                sb.append("<p>ALL CAPS HEADLINE!!!!! ??? ... \u200B\u202E\u05E9\u05DC\u05D5\u05DD 😀 北京</p>\n");
            } else if (k == 1) {
                sb.append("\n\n");
            } else {
                for (int i = 0; i < 1 + r.nextInt(6); i++) {
                    sb.append(sentences.get(r.nextInt(sentences.size()))).append(' ');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void tenMegabyteDocumentIsScoredCompletely() {
        FramingScorer scorer = Fixtures.tinyScorer();
        String doc = document(TEN_MB, 11);
        DocumentScore d = scorer.scoreDocument(doc);
        assertTrue(d.sentences().size() > 50_000, "sentences: " + d.sentences().size());
        Offsets.assertValid(doc, d);
        Offsets.assertCovers(doc, d);
        assertTrue(d.loadedSentences().size() > 0 && d.loadedSentences().size() < d.sentences().size());
    }

    /** Opt-in ({@code -Pstress}): the same 10 MB document in a forked JVM limited to 512 MB of heap. */
    @Test
    @EnabledIfSystemProperty(named = "framelens.stress", matches = "true")
    void tenMegabyteDocumentFitsIn512MbHeap() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", classpath,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", InSmallHeap.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("OK"), output);
    }

    /** Entry point of the forked JVM. */
    static final class InSmallHeap {
        public static void main(String[] args) {
            String doc = document(TEN_MB, 11);
            DocumentScore d = Fixtures.tinyScorer().scoreDocument(doc);
            Offsets.assertValid(doc, d);
            Offsets.assertCovers(doc, d);
            System.out.println("OK " + d.sentences().size() + " sentences, max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
    }

    @Test
    void megabyteLineWithoutBreaksOrPunctuationIsScored() {
        // the worst case for the splitter and tokenizer: one 1 MB line, no sentence end, no line break
        FramingScorer scorer = Fixtures.tinyScorer();
        StringBuilder sb = new StringBuilder();
        Random r = new Random(3);
        while (sb.length() < (1 << 20)) {
            sb.append("word").append(r.nextInt(1000)).append(' ');
        }
        String doc = sb.toString();
        DocumentScore d = scorer.scoreDocument(doc);
        Offsets.assertValid(doc, d);
        Offsets.assertCovers(doc, d);
        assertTrue(d.sentences().stream().anyMatch(SentenceScore::truncated));
    }

    @Test
    void hundredThousandTokenSentenceIsTruncatedAndFlagged() {
        FramingScorer scorer = Fixtures.tinyScorer();
        StringBuilder sb = new StringBuilder("The council approved the reckless budget plan");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 2 == 0 ? " and" : " more");
        }
        String sentence = sb.append('.').toString();
        SentenceScore s = scorer.score(sentence);
        assertTrue(s.truncated());
        assertEquals(FramingScorer.MAX_TOKENS, s.tokens().size());
        assertEquals(0, s.start());
        assertEquals(sentence.length(), s.end(), "the sentence span still covers the whole input");
        Offsets.assertValid(sentence, s);
        assertFalse(scorer.score("The council approved the budget.").truncated());
    }
}
