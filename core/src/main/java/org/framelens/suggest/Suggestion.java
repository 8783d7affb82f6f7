package org.framelens.suggest;

import java.util.Objects;
import org.framelens.PhraseSpan;

/**
 * A neutral rewrite of one loaded phrase.
 *
 * @param phrase               the loaded phrase the suggestion is for
 * @param start                start offset (inclusive) of the replaced text, in the same coordinates as
 *                             {@code phrase}; the replaced text is the phrase itself or a lexicon term in or
 *                             overlapping it
 * @param end                  end offset (exclusive) of the replaced text
 * @param replaced             the replaced text, exactly as it appears in the sentence
 * @param replacement          the neutral alternative, in the case of {@code replaced}; empty when the suggestion
 *                             is to delete the term
 * @param rewrittenSentence    the sentence with {@code replaced} swapped for {@code replacement}
 * @param rewrittenProbability the model's P(loaded) for {@code rewrittenSentence}; lower than the original's
 */
public record Suggestion(PhraseSpan phrase, int start, int end, String replaced, String replacement,
                         String rewrittenSentence, double rewrittenProbability) {
    public Suggestion {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(replaced, "replaced");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(rewrittenSentence, "rewrittenSentence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad replaced span [" + start + ", " + end + ")");
        }
    }

    /** True when the suggestion is to delete the term rather than replace it. */
    public boolean removal() {
        return replacement.isEmpty();
    }
}
