package org.framelens.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.framelens.DocumentScore;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;

/**
 * Token-level evaluation of the loaded phrases a scorer reports in whole documents against gold character spans
 * (as in span-annotated corpora such as SemEval-2020 Task 11). A token is gold when it overlaps a gold span and
 * predicted when it lies inside a reported phrase.
 */
public final class DocumentSpanEvaluator {

    /**
     * A document with gold loaded-phrase spans.
     *
     * @param text  the document
     * @param spans {@code [start, end)} character offsets into {@code text}
     */
    public record GoldDocument(String text, List<int[]> spans) {
        public GoldDocument {
            Objects.requireNonNull(text, "text");
            spans = List.copyOf(spans);
        }
    }

    private DocumentSpanEvaluator() {
    }

    /** Scores every document and compares tokens inside reported phrases with tokens inside gold spans. */
    public static SpanMetrics evaluate(FramingScorer scorer, List<GoldDocument> documents) {
        List<boolean[]> gold = new ArrayList<>();
        List<boolean[]> pred = new ArrayList<>();
        for (GoldDocument doc : documents) {
            DocumentScore scored = scorer.scoreDocument(doc.text());
            for (SentenceScore s : scored.sentences()) {
                List<TokenAttribution> tokens = s.tokens();
                boolean[] g = new boolean[tokens.size()];
                boolean[] p = new boolean[tokens.size()];
                for (int t = 0; t < tokens.size(); t++) {
                    TokenAttribution tok = tokens.get(t);
                    for (int[] span : doc.spans()) {
                        g[t] |= tok.start() < span[1] && span[0] < tok.end();
                    }
                    for (PhraseSpan phrase : s.phrases()) {
                        p[t] |= tok.start() >= phrase.start() && tok.end() <= phrase.end();
                    }
                }
                gold.add(g);
                pred.add(p);
            }
        }
        return SpanMetrics.ofTokens(gold, pred);
    }
}
