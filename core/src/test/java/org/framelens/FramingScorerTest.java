package org.framelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.framelens.model.BundleIO;
import org.framelens.model.BundleManifest;
import org.framelens.model.ModelBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FramingScorerTest {
    private static final FramingScorer SCORER = Fixtures.tinyScorer();

    static void assertOffsetsValid(String input, SentenceScore s) {
        assertEquals(s.text(), input.substring(s.start(), s.end()));
        assertTrue(s.probability() >= 0 && s.probability() <= 1, "probability in [0, 1]");
        for (TokenAttribution t : s.tokens()) {
            assertEquals(t.token(), input.substring(t.start(), t.end()));
            assertTrue(t.start() >= s.start() && t.end() <= s.end());
            assertTrue(t.weight() >= 0 && t.weight() <= 1);
        }
        for (PhraseSpan p : s.phrases()) {
            assertEquals(p.text(), input.substring(p.start(), p.end()));
        }
        assertEquals(s.loaded(), !s.phrases().isEmpty(), "a loaded sentence always has a phrase, a neutral none");
    }

    @Test
    void nullIsRejectedWithNullPointerException() {
        assertThrows(NullPointerException.class, () -> SCORER.score(null));
        assertThrows(NullPointerException.class, () -> SCORER.scoreAll(null));
        assertThrows(NullPointerException.class, () -> SCORER.scoreAll(Arrays.asList("a", null)));
        assertThrows(NullPointerException.class, () -> SCORER.scoreDocument(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n", "\u200B"})
    void blankInputGivesAnEmptyResult(String blank) {
        SentenceScore s = SCORER.score(blank);
        assertTrue(s.tokens().isEmpty());
        assertEquals(0.0, s.probability());
        assertFalse(s.loaded());
        assertTrue(SCORER.scoreDocument(blank).sentences().isEmpty());
        assertEquals(0.0, SCORER.scoreDocument(blank).probability());
    }

    @Test
    void priorRescalesTheOddsByBayesRule() {
        double dev = SCORER.manifest().calibrationPrior().orElseThrow();
        List<String> in = List.of("The committee reviewed the reckless housing rules on 9 May.",
                "The committee reviewed new housing rules on 9 May.", "The union delayed the so-called reform.");
        List<SentenceScore> base = SCORER.scoreAll(in);
        List<SentenceScore> same = SCORER.withPrior(dev).scoreAll(in);
        List<SentenceScore> rare = SCORER.withPrior(0.1).scoreAll(in);
        double shift = logit(0.1) - logit(dev);
        for (int i = 0; i < in.size(); i++) {
            assertEquals(base.get(i).probability(), same.get(i).probability(), 1e-9);
            assertTrue(rare.get(i).probability() < base.get(i).probability());
            double p = base.get(i).probability();
            if (p > 1e-9 && p < 1 - 1e-9) {
                assertEquals(shift, logit(rare.get(i).probability()) - logit(p), 1e-6);
            }
        }
        assertEquals(SCORER.threshold(), SCORER.withPrior(0.1).threshold());
        assertThrows(IllegalArgumentException.class, () -> SCORER.withPrior(0));
        assertThrows(IllegalArgumentException.class, () -> SCORER.withPrior(1));
    }

    @Test
    void priorNeedsTheDevBalanceInTheManifest() {
        ModelBundle bundle = Fixtures.tinyBundle();
        Map<String, Object> raw = BundleIO.jsonMap(bundle.manifest());
        Map<String, Object> data = new HashMap<>(castMap(raw.get("trainingData")));
        data.remove("devLoaded");
        raw.put("trainingData", data);
        BundleManifest old = BundleIO.json().convertValue(raw, BundleManifest.class);
        FramingScorer scorer = FrameLens.fromBundle(new ModelBundle(old, bundle.vocabulary(), bundle.network(),
                bundle.wordFeatures()));
        assertThrows(IllegalStateException.class, () -> scorer.withPrior(0.2));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void learnedTheSyntheticLoadedWords() {
        SentenceScore loaded = SCORER.score("The committee reviewed the reckless housing rules on 9 May.");
        SentenceScore neutral = SCORER.score("The committee reviewed new housing rules on 9 May.");
        assertTrue(loaded.probability() > neutral.probability() + 0.3,
                loaded.probability() + " vs " + neutral.probability());
        assertTrue(loaded.loaded());
        assertTrue(loaded.phrases().stream().anyMatch(p -> p.text().contains("reckless")), loaded.phrases().toString());
    }

    @Test
    void scoreAllKeepsInputOrderAndMatchesScore() {
        List<String> in = List.of("The council approved the shameful budget plan on 2 May.", "Lawmakers debated.",
                "", "The court published the water report on 5 May.", "The union delayed the so-called reform.");
        List<SentenceScore> all = SCORER.scoreAll(in);
        assertEquals(in.size(), all.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(SCORER.score(in.get(i)), all.get(i));
            assertEquals(in.get(i).strip(), all.get(i).text().strip());
        }
    }

    @Test
    void documentOffsetsIndexTheDocument() {
        String doc = "Headline about the budget\n\nThe council approved the disastrous budget plan on 2 May. "
                + "The mayor published the water report.\n  The agency debated the sinister tax proposal.  ";
        DocumentScore d = SCORER.scoreDocument(doc);
        assertEquals(4, d.sentences().size());
        for (SentenceScore s : d.sentences()) {
            assertOffsetsValid(doc, s);
        }
        assertEquals(d.sentences().stream().mapToDouble(SentenceScore::probability).max().orElseThrow(),
                d.probability());
        assertEquals(Fixtures.tinyBundle().manifest().modelId(), d.modelId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Emoji 😀😀 in the shameful budget plan 北京 مرحبا.",
        "Lone \uD800 surrogate and \u0000 NUL and \u202E right-to-left override.",
        "<div class=\"x\">The <b>reckless</b> plan &amp; more</div>",
        "THE COUNCIL APPROVED THE DISASTROUS BUDGET!!!!!! ?????",
        "\u05E9\u05DC\u05D5\u05DD \u0639\u0627\u0644\u0645 mixed with English words.",
    })
    void unusualTextKeepsValidOffsets(String text) {
        for (SentenceScore s : SCORER.scoreDocument(text).sentences()) {
            assertOffsetsValid(text, s);
        }
        assertOffsetsValid(text, SCORER.score(text));
    }

    @Test
    void overlongSentenceIsTruncatedAndFlagged() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FramingScorer.MAX_TOKENS + 50; i++) {
            sb.append("word").append(i).append(' ');
        }
        SentenceScore s = SCORER.score(sb.toString());
        assertTrue(s.truncated());
        assertEquals(FramingScorer.MAX_TOKENS, s.tokens().size());
        assertFalse(SCORER.score("A short one.").truncated());
    }

    @Test
    void thresholdDecidesTheLabel() {
        assertThrows(IllegalArgumentException.class, () -> SCORER.withThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> SCORER.withThreshold(1));
        assertThrows(IllegalArgumentException.class, () -> SCORER.withThreshold(Double.NaN));
        // the sentence whose probability is furthest from 0 and 1, so thresholds on both sides of it exist
        String text = Fixtures.syntheticCorpus(30, 11, "test").stream().map(s -> s.text())
                .min(java.util.Comparator.comparingDouble(t -> Math.abs(SCORER.score(t).probability() - 0.5)))
                .orElseThrow();
        double p = SCORER.score(text).probability();
        assertTrue(p > 1e-5 && p < 1 - 1e-5, "a probe with an intermediate probability: " + p);
        assertTrue(SCORER.withThreshold(p - 1e-6).score(text).loaded());
        assertFalse(SCORER.withThreshold(p + 1e-6).score(text).loaded());
        assertEquals(Fixtures.tinyBundle().manifest().threshold(), SCORER.threshold());
    }

    @Test
    void devicesAreSortedAndCoverEveryFamily() {
        SentenceScore s = SCORER.score("The ministry announced the so-called transport policy.");
        assertEquals(FramingDevice.values().length, s.devices().size());
        List<Double> probs = new ArrayList<>();
        s.devices().forEach(d -> probs.add(d.probability()));
        List<Double> sorted = new ArrayList<>(probs);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, probs);
    }
}
