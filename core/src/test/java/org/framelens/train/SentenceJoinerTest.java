package org.framelens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.framelens.FramingDevice;
import org.junit.jupiter.api.Test;

class SentenceJoinerTest {
    private static final LabelledSentence NEUTRAL = sentence("The council approved the budget on Tuesday.", false);
    private static final LabelledSentence LOADED = new LabelledSentence(
            "The reckless mayor rammed through a bloated plan.", true,
            List.of(new LabelledSpan(4, 12, FramingDevice.LOADED_WORDING),
                    new LabelledSpan(19, 33, FramingDevice.LOADED_WORDING),
                    new LabelledSpan(34, 49, FramingDevice.LOADED_WORDING)),
            true, Set.of(FramingDevice.LOADED_WORDING), true, "t", "train", "corpus.jsonl", 7);

    @Test
    void spansStillCoverTheSameWordsInEitherPosition() {
        LabelledSentence loadedFirst = SentenceJoiner.join(LOADED, NEUTRAL, "; ");
        assertEquals("The reckless mayor rammed through a bloated plan; the council approved the budget on Tuesday.",
                loadedFirst.text());
        // the last span ended on the period that the join removes
        assertEquals(List.of("reckless", "rammed through", "a bloated plan"), covered(loadedFirst));

        LabelledSentence loadedSecond = SentenceJoiner.join(NEUTRAL, LOADED, ", while ");
        assertEquals("The council approved the budget on Tuesday, while the reckless mayor rammed through a bloated "
                + "plan.", loadedSecond.text());
        assertEquals(List.of("reckless", "rammed through", "a bloated plan."), covered(loadedSecond));
        assertTrue(loadedSecond.loaded());
        assertEquals(Set.of(FramingDevice.LOADED_WORDING), loadedSecond.devices());
    }

    @Test
    void capitalisedNamesKeepTheirCase() {
        LabelledSentence name = sentence("Maria Lopez chairs the committee.", false);
        assertEquals("The council approved the budget on Tuesday, and Maria Lopez chairs the committee.",
                SentenceJoiner.join(NEUTRAL, name, ", and ").text());
    }

    @Test
    void halfOfTheJoinedSentencesAreNeutralAndNoneIsLoadedTwice() {
        List<LabelledSentence> train = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            train.add(sentence("Neutral sentence number " + i + ".", false));
            train.add(new LabelledSentence("A disgraceful failure, number " + i + ".", true,
                    List.of(new LabelledSpan(2, 13, FramingDevice.LOADED_WORDING)), true,
                    Set.of(FramingDevice.LOADED_WORDING), true, "", "train", "x", i));
        }
        List<LabelledSentence> joined = SentenceJoiner.join(train, 0.5, new Random(1));
        assertEquals(50, joined.size());
        assertEquals(25, joined.stream().filter(LabelledSentence::loaded).count());
        for (LabelledSentence s : joined) {
            assertEquals(s.loaded() ? 1 : 0, s.spans().size(), s.text());
            assertEquals(s.loaded() ? 1 : 0, s.text().split("disgraceful", -1).length - 1, s.text());
        }
        assertTrue(SentenceJoiner.join(train, 0, new Random(1)).isEmpty());
    }

    @Test
    void aPartWithoutSpanAnnotationMakesTheJoinedSentenceUnannotated() {
        LabelledSentence labelOnly = LabelledSentence.of("Critics call it a shameful stunt.", true);
        LabelledSentence joined = SentenceJoiner.join(NEUTRAL, labelOnly, " — ");
        assertTrue(joined.loaded());
        assertFalse(joined.spansKnown());
        assertFalse(joined.devicesKnown());
    }

    private static List<String> covered(LabelledSentence s) {
        return s.spans().stream().map(span -> s.text().substring(span.start(), span.end())).toList();
    }

    private static LabelledSentence sentence(String text, boolean loaded) {
        return new LabelledSentence(text, loaded, List.of(), true, Set.of(), true, "t", "train", "corpus.jsonl", 1);
    }
}
