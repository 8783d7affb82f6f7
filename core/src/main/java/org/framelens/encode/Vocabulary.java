package org.framelens.encode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps normalised word forms to ids. Id 0 is padding, id 1 the unknown word. Immutable and thread-safe.
 */
public final class Vocabulary {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    static final String PAD_TOKEN = "<pad>";
    static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        Map<String, Integer> m = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (m.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate vocabulary entry '" + words.get(i) + "' at " + i);
            }
        }
        this.ids = m;
    }

    /**
     * Builds a vocabulary from word counts: every normalised form seen at least {@code minCount} times, most frequent
     * first (ties alphabetical, so the result does not depend on map order).
     */
    public static Vocabulary fromCounts(Map<String, Integer> counts, int minCount) {
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>(kept.size() + 2);
        words.add(PAD_TOKEN);
        words.add(UNKNOWN_TOKEN);
        for (Map.Entry<String, Integer> e : kept) {
            words.add(e.getKey());
        }
        return new Vocabulary(words);
    }

    /** Restores a vocabulary from its entries in id order (as written by {@link #words()}). */
    public static Vocabulary of(List<String> words) {
        if (words.size() < 2 || !PAD_TOKEN.equals(words.get(0)) || !UNKNOWN_TOKEN.equals(words.get(1))) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD_TOKEN + " and " + UNKNOWN_TOKEN);
        }
        return new Vocabulary(words);
    }

    /** A vocabulary with {@code extra} words appended (in the given order) where they are not entries yet. */
    public Vocabulary withExtraWords(List<String> extra) {
        List<String> all = new ArrayList<>(words);
        java.util.Set<String> seen = new java.util.HashSet<>(words);
        for (String w : extra) {
            String norm = normalise(w);
            if (seen.add(norm)) {
                all.add(norm);
            }
        }
        return new Vocabulary(all);
    }

    /** The normal form under which a token is looked up: lower case, every digit as 0. */
    public static String normalise(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        StringBuilder sb = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isDigit(c)) {
                if (sb == null) {
                    sb = new StringBuilder(lower);
                }
                sb.setCharAt(i, '0');
            }
        }
        return sb == null ? lower : sb.toString();
    }

    /** The id of a raw token ({@link #UNKNOWN} when unseen). */
    public int id(String token) {
        return ids.getOrDefault(normalise(token), UNKNOWN);
    }

    /** Whether the normalised form of {@code token} has its own id. */
    public boolean contains(String token) {
        return ids.containsKey(normalise(Objects.requireNonNull(token)));
    }

    public int size() {
        return words.size();
    }

    /** All entries in id order. */
    public List<String> words() {
        return words;
    }
}
