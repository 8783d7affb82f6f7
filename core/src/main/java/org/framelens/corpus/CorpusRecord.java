package org.framelens.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of the project corpus, exactly as stored (see {@code training-data/GUIDELINES.md}, section 9).
 */
public record CorpusRecord(String id, String text, String label, List<Span> spans, List<String> devices,
                           String topic, String style, @JsonProperty("pair_id") String pairId, String split) {

    /** A gold span: character offsets into {@code text}, end exclusive, with a device code. */
    public record Span(int start, int end, String device) {
    }

    public boolean loaded() {
        return "LOADED".equals(label);
    }
}
