package org.framelens.train;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.framelens.FramingDevice;

/**
 * One gold training or evaluation example.
 *
 * @param text        the sentence
 * @param loaded      the gold sentence label
 * @param spans       gold loaded-phrase spans (offsets into {@code text}); meaningful only if {@code spansKnown}
 * @param spansKnown  whether the source annotates spans; when false the token head is not trained on loaded rows
 * @param devices     gold device families; meaningful only if {@code devicesKnown}
 * @param devicesKnown whether the source annotates device families
 * @param topic       topic or group column, or "" when the source has none
 * @param split       "train", "dev", "test", or "" when the source assigns none
 * @param source      the file the row came from
 * @param line        the 1-based line where the row starts
 */
public record LabelledSentence(String text, boolean loaded, List<LabelledSpan> spans, boolean spansKnown,
                               Set<FramingDevice> devices, boolean devicesKnown, String topic, String split,
                               String source, long line) {
    public LabelledSentence {
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        devices = Set.copyOf(devices);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(source, "source");
        for (LabelledSpan s : spans) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span [" + s.start() + ", " + s.end() + ") beyond text length "
                        + text.length());
            }
        }
    }

    /** A sentence with only a label, as most external corpora give. */
    public static LabelledSentence of(String text, boolean loaded) {
        return new LabelledSentence(text, loaded, List.of(), false, Set.of(), false, "", "", "<memory>", 0);
    }
}
