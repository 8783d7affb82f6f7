package org.framelens.train;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.framelens.FramingDevice;

/**
 * Training-time augmentation: joins two training sentences into one long one. Real news sentences run longer than
 * most corpus sentences, and a max-pooling network meets more chances to fire on a long sentence; joined examples,
 * half of them neutral + neutral, teach it that length alone is no evidence of loading. The label of a joined
 * sentence is loaded when a part is; spans keep pointing at the same words.
 */
final class SentenceJoiner {
    /** How clauses are glued; each keeps the second part a continuation of the first. */
    private static final String[] CONNECTORS = {", and ", "; ", ", while ", " — ", ", but ", ", as "};
    /** First words that are lower-cased after a connector; names and other capitalised words keep their case. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "it", "its", "this", "that", "these",
            "those", "they", "their", "he", "his", "she", "her", "we", "our", "in", "on", "at", "for", "after",
            "before", "while", "since", "some", "many", "most", "more", "one", "two", "three", "several", "there",
            "such", "each", "every", "both", "critics", "officials", "residents", "analysts", "supporters",
            "opponents", "lawmakers", "experts", "researchers", "police", "local", "no", "not", "as",
            "if", "when", "what", "who", "by", "with", "from", "under", "over", "during", "according");

    private SentenceJoiner() {
    }

    /**
     * Returns {@code Math.round(rate * train.size())} joined sentences built from {@code train}: half of them from two
     * neutral sentences, half from one loaded and one neutral sentence in random order. Sentences from sources
     * without span annotation yield joined sentences without spans.
     */
    static List<LabelledSentence> join(List<LabelledSentence> train, double rate, Random random) {
        List<LabelledSentence> loaded = new ArrayList<>();
        List<LabelledSentence> neutral = new ArrayList<>();
        for (LabelledSentence s : train) {
            (s.loaded() ? loaded : neutral).add(s);
        }
        int count = (int) Math.round(rate * train.size());
        List<LabelledSentence> out = new ArrayList<>(count);
        if (neutral.size() < 2 || loaded.isEmpty()) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            LabelledSentence first = pick(neutral, random);
            LabelledSentence second = (i % 2 == 0) ? pick(neutral, random) : pick(loaded, random);
            if (random.nextBoolean()) {
                LabelledSentence t = first;
                first = second;
                second = t;
            }
            out.add(join(first, second, CONNECTORS[random.nextInt(CONNECTORS.length)]));
        }
        return out;
    }

    static LabelledSentence join(LabelledSentence first, LabelledSentence second, String connector) {
        String head = stripFinalPeriod(first.text());
        String tail = lowerFirstFunctionWord(second.text().stripLeading());
        String text = head + connector + tail;
        int shift = head.length() + connector.length() - (second.text().length() - tail.length());
        List<LabelledSpan> spans = new ArrayList<>();
        for (LabelledSpan s : first.spans()) {
            // a span may cover the final period that was stripped
            int end = Math.min(s.end(), head.length());
            if (end > s.start()) {
                spans.add(new LabelledSpan(s.start(), end, s.device()));
            }
        }
        for (LabelledSpan s : second.spans()) {
            int start = Math.max(s.start() + shift, head.length() + connector.length());
            if (s.end() + shift > start) {
                spans.add(new LabelledSpan(start, s.end() + shift, s.device()));
            }
        }
        Set<FramingDevice> devices = EnumSet.noneOf(FramingDevice.class);
        devices.addAll(first.devices());
        devices.addAll(second.devices());
        return new LabelledSentence(text, first.loaded() || second.loaded(), spans,
                first.spansKnown() && second.spansKnown(), devices, first.devicesKnown() && second.devicesKnown(),
                first.topic(), first.split(), "<joined " + first.source() + ":" + first.line() + " + "
                + second.source() + ":" + second.line() + ">", 0);
    }

    private static LabelledSentence pick(List<LabelledSentence> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String stripFinalPeriod(String text) {
        String t = text.stripTrailing();
        return t.endsWith(".") && !t.endsWith("..") ? t.substring(0, t.length() - 1) : t;
    }

    private static String lowerFirstFunctionWord(String t) {
        int space = t.indexOf(' ');
        String first = space < 0 ? t : t.substring(0, space);
        if (t.isEmpty() || !FUNCTION_WORDS.contains(first.toLowerCase(Locale.ROOT))) {
            return t;
        }
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
}
