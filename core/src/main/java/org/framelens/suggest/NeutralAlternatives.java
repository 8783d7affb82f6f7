package org.framelens.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.framelens.FrameLensException;

/**
 * A lexicon of loaded terms and up to three neutral alternatives each, in the project's TSV format (see
 * {@code training-data/lexicon/README.md}). Terms match case-insensitively on whole words; where terms overlap, the
 * longest match wins.
 *
 * <p><b>Thread safety:</b> immutable once loaded; share one instance freely.
 */
public final class NeutralAlternatives {
    /** Classpath location of the default lexicon, packaged in {@code framelens-models}. */
    public static final String DEFAULT_RESOURCE = "/org/framelens/lexicon/neutral-alternatives.tsv";
    /** Alternatives kept per term. */
    public static final int MAX_ALTERNATIVES = 3;
    /** The TSV marker of an alternative that deletes the term. */
    public static final String REMOVE = "(remove)";

    /** A lexicon term found in a text: {@code text.substring(start, end)} matches {@code term}. */
    public record Match(int start, int end, String term, List<String> alternatives) {
        public Match {
            Objects.requireNonNull(term, "term");
            alternatives = List.copyOf(alternatives);
        }
    }

    private final Map<String, List<String>> entries;
    private final int maxWords;

    private NeutralAlternatives(Map<String, List<String>> entries) {
        this.entries = Collections.unmodifiableMap(entries);
        this.maxWords = entries.keySet().stream().mapToInt(t -> words(t).size()).max().orElse(0);
    }

    /**
     * Loads the default lexicon from the classpath.
     *
     * @throws FrameLensException if {@code framelens-models} is not on the classpath or the lexicon is malformed
     */
    public static NeutralAlternatives loadDefault() {
        try (InputStream in = NeutralAlternatives.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new FrameLensException("lexicon " + DEFAULT_RESOURCE + " not found on the classpath; add "
                        + "org.framelens:framelens-models to the build or use NeutralAlternatives.read(...)");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads a lexicon in the TSV format.
     *
     * @param source names the input in error messages
     * @throws FrameLensException naming the source and line of a malformed or duplicate entry
     * @throws UncheckedIOException if reading fails
     */
    public static NeutralAlternatives read(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Map<String, List<String>> entries = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String term = normalise(f[0]);
                String where = source + ":" + lineNo + ": ";
                if (term.isEmpty() || f.length < 2) {
                    throw new FrameLensException(where + "expected 'term<TAB>alternative...'; fix the line");
                }
                if (f.length - 1 > MAX_ALTERNATIVES) {
                    throw new FrameLensException(where + "more than " + MAX_ALTERNATIVES + " alternatives for '"
                            + term + "'; keep the best three");
                }
                List<String> alts = new ArrayList<>();
                for (int i = 1; i < f.length; i++) {
                    String a = f[i].strip();
                    if (a.isEmpty()) {
                        throw new FrameLensException(where + "empty alternative for '" + term
                                + "'; write " + REMOVE + " to delete the term");
                    }
                    alts.add(REMOVE.equals(a) ? "" : a);
                }
                if (entries.putIfAbsent(term, List.copyOf(alts)) != null) {
                    throw new FrameLensException(where + "duplicate term '" + term + "'; merge the two lines");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
        return new NeutralAlternatives(entries);
    }

    /** Number of terms. */
    public int size() {
        return entries.size();
    }

    /** The alternatives for {@code term} (any case); an empty string stands for "delete the term". */
    public Optional<List<String>> alternatives(String term) {
        return Optional.ofNullable(entries.get(normalise(term)));
    }

    /**
     * Every lexicon term in {@code text} between {@code from} and {@code to}, scanning left to right and taking the
     * longest term at each word; matches do not overlap.
     */
    public List<Match> find(String text, int from, int to) {
        List<int[]> words = words(text, from, to);
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            Match best = null;
            int bestLen = 0;
            for (int n = Math.min(maxWords, words.size() - i); n >= 1 && best == null; n--) {
                int s = words.get(i)[0];
                int e = words.get(i + n - 1)[1];
                List<String> alts = entries.get(normalise(text.substring(s, e)));
                if (alts != null) {
                    best = new Match(s, e, normalise(text.substring(s, e)), alts);
                    bestLen = n;
                }
            }
            if (best != null) {
                out.add(best);
                i += bestLen;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Returns {@code replacement} in the case of {@code original}: upper case when the original is all capitals
     * (more than one letter), a capital first letter when the original starts with one, otherwise as written.
     */
    public static String matchCase(String original, String replacement) {
        if (replacement.isEmpty() || original.isEmpty()) {
            return replacement;
        }
        long letters = original.codePoints().filter(Character::isLetter).count();
        boolean allUpper = letters > 1 && original.codePoints().filter(Character::isLetter)
                .allMatch(Character::isUpperCase);
        if (allUpper) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.codePointAt(0))) {
            return capitalise(replacement);
        }
        return replacement;
    }

    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }

    private static String normalise(String term) {
        return String.join(" ", words(term)).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (int[] w : words(s, 0, s.length())) {
            out.add(s.substring(w[0], w[1]));
        }
        return out;
    }

    /** Words are maximal runs of letters, digits, hyphens and apostrophes (so "so-called" is one word). */
    private static List<int[]> words(String s, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && !isWordChar(s, i)) {
                i++;
            }
            int start = i;
            while (i < to && isWordChar(s, i)) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static boolean isWordChar(String s, int i) {
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || ((c == '-' || c == '\'' || c == '\u2019')
                && i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1)));
    }
}
