package org.framelens.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.framelens.DocumentScore;
import org.framelens.FrameLens;
import org.framelens.FrameLensException;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lives in the cli module because the lexicon is packaged in framelens-models. */
class SuggesterTest {
    static final Path ROOT = Path.of(System.getProperty("framelens.root", ".."));
    static FramingScorer scorer;
    static NeutralAlternatives lexicon;

    @BeforeAll
    static void load() {
        scorer = FrameLens.loadDefault();
        lexicon = NeutralAlternatives.loadDefault();
    }

    @Test
    void defaultLexiconLoads() throws Exception {
        assertTrue(lexicon.size() >= 150 && lexicon.size() <= 300, "entries: " + lexicon.size());
        assertEquals(List.of("government", "administration"), lexicon.alternatives("Regime").orElseThrow());
        assertEquals(List.of(""), lexicon.alternatives("so-called").orElseThrow().subList(0, 1));
        assertTrue(lexicon.alternatives("THUGS").orElseThrow().contains("protesters"));
        assertTrue(lexicon.alternatives("no such term").isEmpty());
        // the packaged resource is the file in training-data/lexicon
        NeutralAlternatives file = NeutralAlternatives.read(Files.newBufferedReader(
                ROOT.resolve("training-data/lexicon/neutral-alternatives.tsv")), "tsv");
        assertEquals(file.size(), lexicon.size());
    }

    @Test
    void malformedLexiconNamesTheLine() {
        FrameLensException e = assertThrows(FrameLensException.class, () -> NeutralAlternatives.read(
                new StringReader("# c\nregime\tgovernment\nregime\tstate\n"), "x.tsv"));
        assertTrue(e.getMessage().startsWith("x.tsv:3: duplicate term"), e.getMessage());
        e = assertThrows(FrameLensException.class, () -> NeutralAlternatives.read(
                new StringReader("a\tb\tc\td\te\n"), "x.tsv"));
        assertTrue(e.getMessage().startsWith("x.tsv:1: more than 3"), e.getMessage());
        assertThrows(FrameLensException.class, () -> NeutralAlternatives.read(new StringReader("lonely\n"), "x"));
    }

    @Test
    void findTakesTheLongestWholeWordMatch() {
        String text = "The Regime rammed through a so-called reform; regimented lines.";
        List<NeutralAlternatives.Match> found = lexicon.find(text, 0, text.length());
        assertEquals(List.of("Regime", "rammed through", "so-called"),
                found.stream().map(m -> text.substring(m.start(), m.end())).toList());
    }

    @Test
    void casePreserved() {
        assertEquals("Government", NeutralAlternatives.matchCase("Regime", "government"));
        assertEquals("GOVERNMENT", NeutralAlternatives.matchCase("REGIME", "government"));
        assertEquals("government", NeutralAlternatives.matchCase("regime", "government"));
        assertEquals("Kyiv", NeutralAlternatives.matchCase("kiev", "Kyiv"));
        assertEquals("Said", NeutralAlternatives.matchCase("Claimed", "said"));
        assertEquals("The reform passed.", Suggester.rewrite("The so-called reform passed.", 4, 13, ""));
        assertEquals("Experts agree.", Suggester.rewrite("So-called experts agree.", 0, 9, ""));
        assertEquals("It ended.", Suggester.rewrite("It ended utterly.", 9, 16, ""));
    }

    @Test
    void suggestionsScoreLowerAndKeepCase() {
        DocumentScore doc = scorer.scoreDocument("Regime thugs slammed the peaceful marchers.\n"
                + "The minister claimed the so-called reform was a draconian power grab.\n"
                + "The council met on Tuesday.");
        List<List<Suggestion>> all = new Suggester(scorer, lexicon).suggestAll(doc.sentences());
        assertEquals(doc.sentences().size(), all.size());
        int total = 0;
        for (int i = 0; i < all.size(); i++) {
            SentenceScore s = doc.sentences().get(i);
            if (!s.loaded()) {
                assertTrue(all.get(i).isEmpty());
            }
            PhraseSpan previous = null;
            double last = -1;
            for (Suggestion g : all.get(i)) {
                total++;
                assertTrue(s.phrases().contains(g.phrase()));
                assertTrue(g.start() < g.phrase().end() && g.end() > g.phrase().start(), "in or over the phrase");
                assertEquals(g.replaced(), doc.sentences().get(i).text()
                        .substring(g.start() - s.start(), g.end() - s.start()));
                assertTrue(g.rewrittenProbability() < s.probability(), g.toString());
                assertTrue(scorer.score(g.rewrittenSentence()).probability() < s.probability(),
                        "rescored rewrite is lower: " + g);
                assertFalse(g.rewrittenSentence().equals(s.text()));
                if (!g.removal() && Character.isUpperCase(g.replaced().charAt(0))) {
                    assertTrue(Character.isUpperCase(g.replacement().charAt(0)), "case kept: " + g);
                }
                if (g.phrase().equals(previous)) {
                    assertTrue(g.rewrittenProbability() >= last, "lowest first");
                }
                previous = g.phrase();
                last = g.rewrittenProbability();
            }
        }
        assertTrue(total > 0, "the loaded sentences get suggestions");
        assertTrue(all.get(0).stream().anyMatch(g -> g.replaced().equals("Regime")
                && g.rewrittenSentence().startsWith("Government ")) || all.get(0).stream().noneMatch(
                        g -> g.replaced().equals("Regime")), "capital kept in the rewrite: " + all.get(0));
    }

    @Test
    void suggestOneSentenceMatchesBatch() {
        SentenceScore s = scorer.score("The regime claimed the protesters were thugs.");
        Suggester suggester = new Suggester(scorer, lexicon);
        assertEquals(suggester.suggestAll(List.of(s)).get(0), suggester.suggest(s));
        assertTrue(suggester.suggest(scorer.score("")).isEmpty());
    }
}
