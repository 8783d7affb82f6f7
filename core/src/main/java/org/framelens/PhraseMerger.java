package org.framelens;

import java.util.ArrayList;
import java.util.List;
import org.framelens.text.TokenizedSentence;

/** Merges adjacent loaded tokens into phrases. */
final class PhraseMerger {
    private PhraseMerger() {
    }

    /**
     * Tokens at or above {@code tokenThreshold} form phrases, adjacent ones merged. A sentence labelled loaded always
     * gets at least one phrase: when no token reaches the threshold, its highest-scoring token.
     */
    static List<PhraseSpan> merge(TokenizedSentence s, List<TokenAttribution> tokens, double tokenThreshold,
                                  FramingDevice device) {
        List<PhraseSpan> phrases = new ArrayList<>();
        int best = 0;
        int runStart = -1;
        double runMax = 0;
        for (int t = 0; t <= tokens.size(); t++) {
            boolean in = t < tokens.size() && tokens.get(t).weight() >= tokenThreshold;
            if (t < tokens.size() && tokens.get(t).weight() > tokens.get(best).weight()) {
                best = t;
            }
            if (in) {
                runMax = runStart < 0 ? tokens.get(t).weight() : Math.max(runMax, tokens.get(t).weight());
                runStart = runStart < 0 ? t : runStart;
            } else if (runStart >= 0) {
                phrases.add(phrase(s, tokens.get(runStart), tokens.get(t - 1), runMax, device));
                runStart = -1;
            }
        }
        if (phrases.isEmpty() && !tokens.isEmpty()) {
            TokenAttribution top = tokens.get(best);
            phrases.add(phrase(s, top, top, top.weight(), device));
        }
        return phrases;
    }

    private static PhraseSpan phrase(TokenizedSentence s, TokenAttribution first, TokenAttribution last,
                                     double score, FramingDevice device) {
        int from = first.start() - s.start();
        int to = last.end() - s.start();
        return new PhraseSpan(first.start(), last.end(), s.text().substring(from, to), score, device);
    }
}
