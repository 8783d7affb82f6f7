package org.framelens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.framelens.DocumentScore;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped default model on the seed article (seeds/), the project's reference text. */
class SeedArticleTest {
    private static String article;
    private static DocumentScore doc;
    private static FramingScorer scorer;

    @BeforeAll
    static void scoreSeed() throws IOException {
        Path root = Path.of(System.getProperty("framelens.root", ".."));
        try (var files = Files.list(root.resolve("seeds"))) {
            Path seed = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
            article = Files.readString(seed, StandardCharsets.UTF_8);
        }
        scorer = FrameLens.loadDefault();
        doc = scorer.scoreDocument(article);
    }

    private static SentenceScore containing(String phrase) {
        return doc.sentences().stream().filter(s -> s.text().contains(phrase)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence contains '" + phrase + "'"));
    }

    @Test
    void everySentenceAndTokenSlicesTheArticle() {
        assertTrue(doc.sentences().size() >= 15, "the seed has at least 15 sentences, got " + doc.sentences().size());
        for (SentenceScore s : doc.sentences()) {
            assertEquals(s.text(), article.substring(s.start(), s.end()));
            for (TokenAttribution t : s.tokens()) {
                assertEquals(t.token(), article.substring(t.start(), t.end()));
            }
            for (PhraseSpan p : s.phrases()) {
                assertEquals(p.text(), article.substring(p.start(), p.end()));
            }
        }
    }

    @Test
    void loadedSentencesScoreAboveThresholdAndNeutralReportingBelowIt() {
        List<SentenceScore> loaded = List.of(containing("red lines being broken"),
                containing("provocations"), containing("seizing any opportunity to expand eastward"));
        List<SentenceScore> neutral = List.of(containing("White House officials said"),
                containing("reported the New York Times"));
        for (SentenceScore n : neutral) {
            assertFalse(n.loaded(), "expected neutral (p < " + scorer.threshold() + "): " + n.probability() + " "
                    + n.text());
        }
        for (SentenceScore l : loaded) {
            assertTrue(l.loaded(), "expected loaded (p >= " + scorer.threshold() + "): " + l.probability() + " "
                    + l.text());
            for (SentenceScore n : neutral) {
                assertTrue(l.probability() > n.probability(), l.probability() + " <= " + n.probability() + ": '"
                        + l.text() + "' vs '" + n.text() + "'");
            }
        }
    }

    /** The two examples that define the product (README, first lines), each scored on its own. */
    @Test
    void theDefiningExamplesScoreOnTheirOwn() {
        SentenceScore loaded = scorer.score("Moscow cannot withstand its red lines being broken.");
        SentenceScore neutral = scorer.score(
                "White House officials said the call would follow three weeks of negotiations.");
        assertTrue(loaded.loaded(), "expected loaded: " + loaded.probability() + " " + loaded.text());
        assertFalse(neutral.loaded(), "expected neutral: " + neutral.probability() + " " + neutral.text());
    }

    @Test
    void defaultModelIsTheProjectsOwn() {
        assertEquals("framelens-default", scorer.modelId());
        assertTrue(scorer.threshold() > 0 && scorer.threshold() < 1);
    }

    @Test
    void defaultBundleIsTheBundleTheDefaultScorerWraps() {
        var bundle = FrameLens.defaultBundle();
        assertEquals(scorer.manifest(), bundle.manifest());
        String sentence = containing("red lines").text();
        assertEquals(scorer.score(sentence).probability(),
                FrameLens.fromBundle(bundle).score(sentence).probability(), 1e-6);
    }
}
