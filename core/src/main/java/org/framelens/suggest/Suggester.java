package org.framelens.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;

/**
 * Proposes neutral rewrites for the loaded phrases of scored sentences, ranked by the model.
 *
 * <p>For each phrase, the candidates are the phrase itself when it is a lexicon term, and every lexicon term that
 * lies in or overlaps the phrase; each is replaced by each of its alternatives (in the case of the original), and
 * when there are several, all of them at once by their first alternatives. The
 * rewritten sentences are scored in one batch, and only rewrites whose probability is lower than the original
 * sentence's by at least {@link #MIN_DROP} are kept, lowest first, at most {@link #PER_PHRASE} per phrase.
 *
 * <p><b>Thread safety:</b> as thread-safe as the scorer it wraps (a {@link FramingScorer} is); share one instance.
 */
public final class Suggester {
    /** Suggestions kept per phrase. */
    public static final int PER_PHRASE = 3;
    /**
     * The least drop in P(loaded) that counts as lower: a rewrite that moves the score by less is no real
     * improvement, and batched and single scoring can differ in the last float digits.
     */
    public static final double MIN_DROP = 0.01;

    private final FramingScorer scorer;
    private final NeutralAlternatives lexicon;

    public Suggester(FramingScorer scorer, NeutralAlternatives lexicon) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** Suggestions for one sentence's phrases, in phrase order and, per phrase, lowest rewritten score first. */
    public List<Suggestion> suggest(SentenceScore sentence) {
        Objects.requireNonNull(sentence, "sentence");
        return suggestAll(List.of(sentence)).get(0);
    }

    /**
     * Suggestions for many sentences, scored in one batch: one list per input sentence, in input order; sentences
     * without phrases get an empty list.
     */
    public List<List<Suggestion>> suggestAll(List<SentenceScore> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            SentenceScore s = Objects.requireNonNull(sentences.get(i), "sentences contains null");
            for (PhraseSpan p : s.phrases()) {
                candidates.addAll(candidates(i, s, p));
            }
        }
        for (Candidate c : candidates) {
            index.putIfAbsent(c.rewritten, index.size());
        }
        List<Double> scores = scorer.scoreAll(new ArrayList<>(index.keySet())).stream()
                .map(SentenceScore::probability).toList();
        List<List<Suggestion>> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            SentenceScore s = sentences.get(i);
            List<Suggestion> forSentence = new ArrayList<>();
            for (PhraseSpan p : s.phrases()) {
                List<Suggestion> forPhrase = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                for (Candidate c : candidates) {
                    double prob = scores.get(index.get(c.rewritten));
                    if (c.sentence == i && c.phrase.equals(p) && prob <= s.probability() - MIN_DROP
                            && seen.add(c.rewritten)) {
                        forPhrase.add(new Suggestion(p, c.start, c.end, c.replaced, c.replacement, c.rewritten, prob));
                    }
                }
                forPhrase.sort(Comparator.comparingDouble(Suggestion::rewrittenProbability));
                forSentence.addAll(forPhrase.subList(0, Math.min(PER_PHRASE, forPhrase.size())));
            }
            out.add(List.copyOf(forSentence));
        }
        return List.copyOf(out);
    }

    private record Candidate(int sentence, PhraseSpan phrase, int start, int end, String replaced,
                             String replacement, String rewritten) {
    }

    private List<Candidate> candidates(int i, SentenceScore s, PhraseSpan p) {
        String text = s.text();
        int ps = p.start() - s.start();
        int pe = p.end() - s.start();
        if (ps < 0 || pe > text.length()) {
            return List.of();  // a phrase from another sentence: nothing sensible to rewrite
        }
        List<int[]> spans = new ArrayList<>();
        List<List<String>> alts = new ArrayList<>();
        lexicon.alternatives(p.text()).ifPresent(a -> {
            spans.add(new int[] {ps, pe});
            alts.add(a);
        });
        for (NeutralAlternatives.Match m : lexicon.find(text, 0, text.length())) {
            boolean overlaps = m.start() < pe && m.end() > ps;
            boolean same = m.start() == ps && m.end() == pe;
            if (overlaps && !same) {
                spans.add(new int[] {m.start(), m.end()});
                alts.add(m.alternatives());
            }
        }
        List<Candidate> out = new ArrayList<>();
        List<NeutralAlternatives.Match> inPhrase = lexicon.find(text, 0, text.length()).stream()
                .filter(m -> m.start() < pe && m.end() > ps).toList();
        if (inPhrase.size() > 1) {
            // one loaded term rarely moves a sentence with several: also offer all of them rewritten at once
            int a = inPhrase.get(0).start();
            int b = inPhrase.get(inPhrase.size() - 1).end();
            String piece = text.substring(a, b);
            for (int k = inPhrase.size() - 1; k >= 0; k--) {  // right to left keeps earlier offsets valid
                NeutralAlternatives.Match m = inPhrase.get(k);
                String alt = NeutralAlternatives.matchCase(text.substring(m.start(), m.end()),
                        m.alternatives().get(0));
                piece = rewrite(piece, m.start() - a, m.end() - a, alt);
            }
            if (!piece.isBlank()) {
                out.add(new Candidate(i, p, a + s.start(), b + s.start(), text.substring(a, b), piece,
                        text.substring(0, a) + piece + text.substring(b)));
            }
        }
        for (int k = 0; k < spans.size(); k++) {
            int a = spans.get(k)[0];
            int b = spans.get(k)[1];
            String replaced = text.substring(a, b);
            for (String alt : alts.get(k)) {
                String replacement = NeutralAlternatives.matchCase(replaced, alt);
                out.add(new Candidate(i, p, a + s.start(), b + s.start(), replaced, replacement,
                        rewrite(text, a, b, replacement)));
            }
        }
        return out;
    }

    /** Replaces {@code text[a, b)}; a deletion also drops one adjacent space and keeps a capital at the start. */
    static String rewrite(String text, int a, int b, String replacement) {
        if (!replacement.isEmpty()) {
            return text.substring(0, a) + replacement + text.substring(b);
        }
        boolean capital = a < b && Character.isUpperCase(text.charAt(a));
        if (b < text.length() && text.charAt(b) == ' ') {
            b++;
        } else if (a > 0 && text.charAt(a - 1) == ' ') {
            a--;
        }
        String tail = text.substring(b);
        if (capital && a == leadingSpace(text)) {
            tail = NeutralAlternatives.capitalise(tail);
        }
        return text.substring(0, a) + tail;
    }

    private static int leadingSpace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
