package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;
import org.junit.jupiter.api.Test;

class DocumentSpanEvaluatorTest {
    private static final FramingScorer SCORER = Fixtures.tinyScorer();
    private static final String DOC = "The council approved the disastrous budget plan on 3 May.\n"
            + "The ministry published the water report on 12 May.\nLawmakers debated the shameful tax proposal.";

    @Test
    void goldEqualToThePredictionsIsPerfect() {
        List<int[]> predicted = new ArrayList<>();
        for (SentenceScore s : SCORER.scoreDocument(DOC).sentences()) {
            for (PhraseSpan p : s.phrases()) {
                predicted.add(new int[] {p.start(), p.end()});
            }
        }
        SpanMetrics m = DocumentSpanEvaluator.evaluate(SCORER,
                List.of(new DocumentSpanEvaluator.GoldDocument(DOC, predicted)));
        assertEquals(predicted.isEmpty() ? 0.0 : 1.0, m.f1());
        assertEquals(0, m.fp());
        assertEquals(0, m.fn());
    }

    @Test
    void countsMissedAndSpuriousTokensAgainstHandCounts() {
        // gold: "water report" (2 tokens) in sentence 2, which the model does not flag
        int start = DOC.indexOf("water report");
        SpanMetrics m = DocumentSpanEvaluator.evaluate(SCORER, List.of(
                new DocumentSpanEvaluator.GoldDocument(DOC, List.<int[]>of(new int[] {start, start + 12}))));
        int predictedTokens = 0;
        for (SentenceScore s : SCORER.scoreDocument(DOC).sentences()) {
            for (TokenAttribution t : s.tokens()) {
                for (PhraseSpan p : s.phrases()) {
                    predictedTokens += t.start() >= p.start() && t.end() <= p.end() ? 1 : 0;
                }
            }
        }
        assertEquals(2, m.tp() + m.fn(), "two gold tokens");
        assertEquals(predictedTokens, m.tp() + m.fp(), "every predicted token counted once");
    }
}
