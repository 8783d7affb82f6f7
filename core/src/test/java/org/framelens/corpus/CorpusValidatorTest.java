package org.framelens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.framelens.text.TokenizerAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project corpus in training-data/ meets the guidelines and the targets of the corpus issue. */
class CorpusValidatorTest {
    static final Path ROOT = Path.of(System.getProperty("framelens.root", ".."));
    static final Path CORPUS = ROOT.resolve("training-data/corpus.jsonl");
    static final TokenizerAdapter TOKENIZER = TokenizerAdapter.english();
    private static List<CorpusRecord> records;

    @BeforeAll
    static void read() throws IOException {
        records = ProjectCorpus.read(CORPUS);
    }

    @Test
    void corpusPassesTheValidator() {
        List<String> problems = new CorpusValidator(TOKENIZER).validate(records);
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
    }

    @Test
    void corpusIsLargeBroadAndBalanced() {
        assertTrue(records.size() >= 7900, "sentences: " + records.size());
        Map<String, Long> topics = records.stream().collect(Collectors.groupingBy(CorpusRecord::topic,
                Collectors.counting()));
        assertTrue(topics.size() >= 25, "topics: " + topics.keySet());
        double loaded = records.stream().filter(CorpusRecord::loaded).count() / (double) records.size();
        assertTrue(loaded >= 0.35 && loaded <= 0.65, "loaded share " + loaded);
        Map<String, Long> splits = records.stream().collect(Collectors.groupingBy(CorpusRecord::split,
                Collectors.counting()));
        assertTrue(splits.get("dev") > records.size() / 20 && splits.get("test") > records.size() / 20, splits.toString());
    }

    @Test
    void dataCardIsUpToDate() throws IOException {
        String expected = DataCard.render(records, TOKENIZER);
        String actual = Files.readString(ROOT.resolve("training-data/DATA_CARD.md"));
        assertEquals(expected, actual, "DATA_CARD.md is stale: run ./framelens corpus training-data/corpus.jsonl "
                + "--card training-data/DATA_CARD.md");
    }

    // --- the validator itself catches each kind of problem ---

    private static CorpusRecord rec(String id, String text, String label, List<CorpusRecord.Span> spans,
                                    List<String> devices, String pair, String split) {
        return new CorpusRecord(id, text, label, spans, devices, "t", "wire", pair, split);
    }

    private static List<String> problems(CorpusRecord... rs) {
        List<CorpusRecord> all = new ArrayList<>(List.of(rs));
        // two clean filler records keep the topic balanced
        all.add(rec("f1", "Officials counted the ballots in three districts on Sunday.", "NEUTRAL", List.of(),
                List.of(), "pf", "train"));
        all.add(rec("f2", "The reckless council wasted the whole harbour budget again.", "LOADED",
                List.of(new CorpusRecord.Span(4, 12, "loaded_wording")), List.of("loaded_wording"), "pg", "train"));
        return new CorpusValidator(TOKENIZER).validate(all);
    }

    private static void assertProblem(String fragment, CorpusRecord... rs) {
        List<String> p = problems(rs);
        assertTrue(p.stream().anyMatch(s -> s.contains(fragment)), "expected '" + fragment + "' in " + p);
    }

    @Test
    void catchesSpanProblems() {
        String text = "The regime jailed reporters in the capital on Monday.";
        Function<CorpusRecord.Span, CorpusRecord> with = s -> rec("x", text, "LOADED", List.of(s),
                List.of("name_calling"), "p1", "train");
        assertProblem("token boundaries", with.apply(new CorpusRecord.Span(5, 9, "name_calling")));
        assertProblem("outside the text", with.apply(new CorpusRecord.Span(40, 99, "name_calling")));
        assertProblem("unknown framing device", with.apply(new CorpusRecord.Span(4, 10, "spin")));
        assertTrue(problems(with.apply(new CorpusRecord.Span(4, 10, "name_calling"))).isEmpty());
    }

    @Test
    void catchesLabelSpanMismatches() {
        assertProblem("LOADED sentence without a span", rec("a", "The minister resigned on Friday after a vote.",
                "LOADED", List.of(), List.of(), "p1", "train"));
        assertProblem("NEUTRAL sentence with a span", rec("b", "The regime resigned on Friday after a long vote.",
                "NEUTRAL", List.of(new CorpusRecord.Span(4, 10, "name_calling")), List.of("name_calling"), "p2",
                "train"));
        assertProblem("differ from the span devices", rec("c", "The regime resigned on Friday after a long vote.",
                "LOADED", List.of(new CorpusRecord.Span(4, 10, "name_calling")), List.of("doubt"), "p3", "train"));
    }

    @Test
    void catchesDuplicatesAndStraddlingPairs() {
        CorpusRecord a = rec("a", "Flooding closed four schools in the northern valley on Tuesday.", "NEUTRAL",
                List.of(), List.of(), "p1", "train");
        assertProblem("duplicate of a", a, rec("b", "flooding closed four schools in the northern valley on tuesday",
                "NEUTRAL", List.of(), List.of(), "p2", "train"));
        assertProblem("near duplicate of a", a, rec("c",
                "Flooding closed four schools in the northern valley on Tuesday morning.", "NEUTRAL", List.of(),
                List.of(), "p3", "train"));
        assertProblem("straddles splits", a, rec("d", "Heavy rain shut the valley road for a second day.",
                "NEUTRAL", List.of(), List.of(), "p1", "test"));
    }

    @Test
    void catchesUnbalancedTopicsAndBadFields() {
        assertProblem("unknown split", rec("a", "The ministry published its annual report on Monday.", "NEUTRAL",
                List.of(), List.of(), "p1", "validation"));
        assertProblem("is not LOADED or NEUTRAL", rec("a", "The ministry published its annual report on Monday.",
                "BIASED", List.of(), List.of(), "p1", "train"));
        assertTrue(new CorpusValidator(TOKENIZER).validate(allNeutral("skewed")).stream()
                .anyMatch(p -> p.contains("topic skewed")));
    }

    @Test
    void wholeArticleTopicsKeepTheirNaturalLabelMix() {
        assertEquals(List.of(), new CorpusValidator(TOKENIZER).validate(allNeutral("articles_wire")));
    }

    private static List<CorpusRecord> allNeutral(String topic) {
        List<CorpusRecord> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(new CorpusRecord("n" + i, "Neutral sentence number " + i + " about road works in town.",
                    "NEUTRAL", List.of(), List.of(), topic, "wire", "q" + i, "train"));
        }
        return out;
    }
}
