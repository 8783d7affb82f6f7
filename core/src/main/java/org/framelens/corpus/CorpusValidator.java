package org.framelens.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.framelens.FramingDevice;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;

/**
 * Checks the project corpus against the guidelines: schema, spans that slice the text on token boundaries, label and
 * span consistency, duplicates and near duplicates, per-topic label balance (except for whole-article topics), and
 * splits disjoint by pair.
 * Returns every problem found, each naming the record id.
 */
public final class CorpusValidator {
    static final Set<String> STYLES = Set.of("wire", "tabloid", "partisan_left", "partisan_right", "state_media",
            "op_ed", "advocacy");
    static final Set<String> SPLITS = Set.of("train", "dev", "test");
    /** Word-trigram Jaccard similarity at or above which two sentences count as near duplicates. */
    static final double NEAR_DUPLICATE = 0.8;
    /** Each topic's share of loaded sentences must lie within [MIN, 1 - MIN]. */
    static final double MIN_TOPIC_SHARE = 0.3;
    /**
     * Topics of whole-article slices: complete articles keep their outlet's natural label mix (a wire report is
     * almost all neutral), so the per-topic balance does not apply to them (GUIDELINES.md, section 7).
     */
    static final String ARTICLE_TOPIC_PREFIX = "articles_";

    private final TokenizerAdapter tokenizer;

    public CorpusValidator(TokenizerAdapter tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** All problems, empty when the corpus is valid. */
    public List<String> validate(List<CorpusRecord> records) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> splitOfPair = new HashMap<>();
        for (CorpusRecord r : records) {
            checkRecord(r, problems);
            if (r.id() != null && !ids.add(r.id())) {
                problems.add(r.id() + ": duplicate id");
            }
            if (r.pairId() != null && r.split() != null) {
                String other = splitOfPair.putIfAbsent(r.pairId(), r.split());
                if (other != null && !other.equals(r.split())) {
                    problems.add(r.id() + ": pair " + r.pairId() + " straddles splits " + other + " and " + r.split());
                }
            }
        }
        checkDuplicates(records, problems);
        checkTopicBalance(records, problems);
        return problems;
    }

    private void checkRecord(CorpusRecord r, List<String> problems) {
        String id = r.id() == null ? "<no id>" : r.id();
        if (r.id() == null || r.text() == null || r.label() == null || r.spans() == null || r.devices() == null
                || r.topic() == null || r.style() == null || r.pairId() == null || r.split() == null) {
            problems.add(id + ": missing field (id, text, label, spans, devices, topic, style, pair_id, split)");
            return;
        }
        if (!r.label().equals("LOADED") && !r.label().equals("NEUTRAL")) {
            problems.add(id + ": label '" + r.label() + "' is not LOADED or NEUTRAL");
        }
        if (!STYLES.contains(r.style())) {
            problems.add(id + ": unknown style '" + r.style() + "'");
        }
        if (!SPLITS.contains(r.split())) {
            problems.add(id + ": unknown split '" + r.split() + "'");
        }
        if (r.text().isBlank()) {
            problems.add(id + ": empty text");
            return;
        }
        if (r.loaded() && r.spans().isEmpty()) {
            problems.add(id + ": LOADED sentence without a span");
        }
        if (!r.loaded() && !r.spans().isEmpty()) {
            problems.add(id + ": NEUTRAL sentence with a span");
        }
        List<Token> tokens = tokenizer.tokenize(r.text(), 0, r.text().length(), Integer.MAX_VALUE);
        Set<Integer> starts = new HashSet<>();
        Set<Integer> ends = new HashSet<>();
        for (Token t : tokens) {
            starts.add(t.start());
            ends.add(t.end());
        }
        Set<String> devices = new TreeSet<>();
        int previousEnd = -1;
        for (CorpusRecord.Span s : r.spans()) {
            if (s.start() < 0 || s.end() <= s.start() || s.end() > r.text().length()) {
                problems.add(id + ": span [" + s.start() + ", " + s.end() + ") is outside the text");
                continue;
            }
            String slice = r.text().substring(s.start(), s.end());
            if (!starts.contains(s.start()) || !ends.contains(s.end())) {
                problems.add(id + ": span '" + slice + "' does not sit on token boundaries");
            }
            if (s.start() < previousEnd) {
                problems.add(id + ": spans overlap or are out of order at '" + slice + "'");
            }
            previousEnd = s.end();
            try {
                devices.add(FramingDevice.fromCode(s.device()).code());
            } catch (IllegalArgumentException e) {
                problems.add(id + ": " + e.getMessage());
            }
        }
        if (!new ArrayList<>(devices).equals(r.devices())) {
            problems.add(id + ": devices " + r.devices() + " differ from the span devices " + devices);
        }
    }

    private static void checkDuplicates(List<CorpusRecord> records, List<String> problems) {
        Map<String, String> exact = new HashMap<>();
        List<Set<String>> shingles = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            CorpusRecord r = records.get(i);
            String norm = normalise(r.text());
            String prev = exact.putIfAbsent(norm, r.id());
            if (prev != null) {
                problems.add(r.id() + ": duplicate of " + prev + " after normalisation");
            }
            Set<String> sh = shingles(norm);
            shingles.add(sh);
            Set<Integer> candidates = new TreeSet<>();
            for (String g : sh) {
                List<Integer> posting = index.computeIfAbsent(g, k -> new ArrayList<>());
                candidates.addAll(posting);
                posting.add(i);
            }
            for (int j : candidates) {
                CorpusRecord o = records.get(j);
                // the members of a contrastive pair share wording by design; only same-label members may not
                boolean pairContrast = o.pairId().equals(r.pairId()) && !o.label().equals(r.label());
                if (!pairContrast && jaccard(sh, shingles.get(j)) >= NEAR_DUPLICATE && !norm.equals(normalise(o.text()))) {
                    problems.add(r.id() + ": near duplicate of " + o.id());
                }
            }
        }
    }

    private static void checkTopicBalance(List<CorpusRecord> records, List<String> problems) {
        Map<String, int[]> byTopic = new TreeMap<>();
        for (CorpusRecord r : records) {
            int[] c = byTopic.computeIfAbsent(r.topic(), k -> new int[2]);
            c[r.loaded() ? 1 : 0]++;
        }
        byTopic.forEach((topic, c) -> {
            if (topic.startsWith(ARTICLE_TOPIC_PREFIX)) {
                return;
            }
            double share = (double) c[1] / (c[0] + c[1]);
            if (share < MIN_TOPIC_SHARE || share > 1 - MIN_TOPIC_SHARE) {
                problems.add("topic " + topic + ": " + Math.round(100 * share) + "% loaded; keep each topic within "
                        + Math.round(100 * MIN_TOPIC_SHARE) + "-" + Math.round(100 * (1 - MIN_TOPIC_SHARE)) + "%");
            }
        });
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
    }

    private static Set<String> shingles(String norm) {
        String[] w = norm.split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < w.length; i++) {
            out.add(w[i] + ' ' + w[i + 1] + ' ' + w[i + 2]);
        }
        if (out.isEmpty()) {
            out.add(norm);
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        int inter = 0;
        for (String s : a) {
            if (b.contains(s)) {
                inter++;
            }
        }
        return (double) inter / (a.size() + b.size() - inter);
    }
}
