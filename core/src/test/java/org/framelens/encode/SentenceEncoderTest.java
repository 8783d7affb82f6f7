package org.framelens.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.framelens.text.Token;
import org.junit.jupiter.api.Test;

/** Which tokens' word features follow from their id, and what the lean encoder leaves out. */
class SentenceEncoderTest {
    private final Vocabulary vocabulary = Vocabulary.fromCounts(
            Map.of("reckless", 3, "council", 2, Vocabulary.normalise("1999"), 1), 1);
    private final WordFeatures features = WordFeatures.of(List.of("reckless", "1999", "2001", "plan"),
            List.of(new float[] {1f, -1f}, new float[] {0.5f, 0.5f}, new float[] {-0.5f, 0.25f},
                    new float[] {0.25f, 0f}));
    private final SentenceEncoder encoder = new SentenceEncoder(vocabulary, Optional.of(features));

    @Test
    void featuresFollowTheIdOfAPlainWordWhateverItsCase() {
        int id = vocabulary.id("Reckless");
        assertEquals(vocabulary.id("RECKLESS"), id);
        assertArrayEquals(features.vector("reckless"), encoder.featuresOfId(id).orElseThrow());
        // a vocabulary word without a feature row: the id still determines them (all zeros)
        assertArrayEquals(new float[2], encoder.featuresOfId(vocabulary.id("council")).orElseThrow());
    }

    @Test
    void unknownWordsPaddingAndDigitsDoNotDetermineTheirFeatures() {
        assertTrue(encoder.featuresOfId(Vocabulary.PAD).isEmpty());
        assertTrue(encoder.featuresOfId(Vocabulary.UNKNOWN).isEmpty());
        assertTrue(encoder.featuresOfId(vocabulary.size()).isEmpty());
        // "1999" and "2001" share the id of "0000" but not their feature rows
        int year = vocabulary.id("1999");
        assertEquals(year, vocabulary.id("2001"));
        assertTrue(encoder.featuresOfId(year).isEmpty());
    }

    @Test
    void theLeanEncoderOmitsOnlyFeaturesThatFollowFromTheId() {
        List<Token> sentence = tokens("reckless", "plan", "2001", "council");
        EncodedBatch full = encoder.encode(List.of(sentence));
        EncodedBatch lean = encoder.omittingIdFeatures().encode(List.of(sentence));
        assertFalse(full.idFeaturesOmitted());
        assertTrue(lean.idFeaturesOmitted());
        assertArrayEquals(full.ids()[0], lean.ids()[0]);
        int width = full.width();
        // only "plan" (unknown) and "2001" (digits) keep features, packed as [dimension][their order]
        assertEquals(2 * 2, lean.features()[0].length);
        for (int d = 0; d < 2; d++) {
            assertEquals(full.features()[0][d * width + 1], lean.features()[0][d * 2], "plan: unknown");
            assertEquals(full.features()[0][d * width + 2], lean.features()[0][d * 2 + 1], "2001: digits");
        }
        assertEquals(0, encoder.omittingIdFeatures().encode(List.of(tokens("reckless", "council")))
                .features()[0].length, "ids that determine their features carry none");
        assertEquals(1f, full.features()[0][0]);
        assertEquals(0.25f, full.features()[0][1], 1e-2);
    }

    private static List<Token> tokens(String... words) {
        List<Token> out = new ArrayList<>();
        int at = 0;
        for (String w : words) {
            out.add(new Token(w, at, at + w.length()));
            at += w.length() + 1;
        }
        return out;
    }
}
