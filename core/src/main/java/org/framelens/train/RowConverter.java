package org.framelens.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.framelens.FramingDevice;

/**
 * Turns the raw values of one row, whatever the file format, into a {@link LabelledSentence}. Thread-safe: holds only
 * immutable state.
 */
final class RowConverter {
    /** Shared and thread-safe once configured; trailing garbage after a JSON value is an error, not ignored. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> SPLITS = Set.of("train", "dev", "test", "");

    /**
     * Raw values of one row; a {@code null} optional value means the column is not configured or the value is
     * empty.
     */
    record RawRow(String text, String label, JsonNode spans, JsonNode devices, String topic, String split) {
    }

    private final ColumnMapping mapping;
    private final String source;

    RowConverter(ColumnMapping mapping, String source) {
        this.mapping = mapping;
        this.source = source;
    }

    LabelledSentence convert(RawRow row, long line) throws InvalidRowException {
        String text = row.text();
        if (text.isBlank()) {
            throw new InvalidRowException("empty text in column '" + mapping.textColumn() + "'");
        }
        boolean loaded;
        try {
            loaded = mapping.isPositive(row.label());
        } catch (IllegalArgumentException e) {
            throw new InvalidRowException(e.getMessage() + " in column '" + mapping.labelColumn() + "'");
        }
        List<LabelledSpan> spans = spans(row.spans(), text);
        Set<FramingDevice> devices = devices(row.devices());
        for (LabelledSpan s : spans) {
            devices.add(s.device());
        }
        String split = row.split() == null ? "" : row.split().trim().toLowerCase(Locale.ROOT);
        if (!SPLITS.contains(split)) {
            throw new InvalidRowException("unknown split '" + row.split().trim() + "' in column '"
                    + mapping.splitColumn() + "'; expected train, dev, test or an empty value");
        }
        String topic = row.topic() == null ? "" : row.topic().trim();
        return new LabelledSentence(text, loaded, spans, mapping.spansColumn() != null, devices,
                mapping.devicesColumn() != null, topic, split, source, line);
    }

    /** Parses a CSV cell that holds JSON; a blank cell is {@code null} (no value). */
    JsonNode jsonCell(String cell, String column) throws InvalidRowException {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(cell);
        } catch (JsonProcessingException e) {
            throw new InvalidRowException("column '" + column + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a CSV devices cell: a JSON array, or codes separated by commas, semicolons, bars or spaces. */
    JsonNode devicesCell(String cell, String column) throws InvalidRowException {
        if (cell != null && cell.trim().startsWith("[")) {
            return jsonCell(cell, column);
        }
        return cell == null || cell.isBlank() ? null : TextNode.valueOf(cell);
    }

    private List<LabelledSpan> spans(JsonNode node, String text) throws InvalidRowException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        String column = mapping.spansColumn();
        if (!node.isArray()) {
            throw new InvalidRowException("'" + column + "' is not a JSON array of {start, end[, device]} objects");
        }
        int length = mapping.codePointOffsets() ? text.codePointCount(0, text.length()) : text.length();
        List<LabelledSpan> spans = new ArrayList<>(node.size());
        for (JsonNode span : node) {
            if (!span.isObject()) {
                throw new InvalidRowException("'" + column + "' holds " + span + "; expected {start, end[, device]}");
            }
            int start = offset(span, "start");
            int end = offset(span, "end");
            if (end <= start) {
                throw new InvalidRowException("span [" + start + ", " + end + ") in '" + column
                        + "' has end <= start");
            }
            if (start < 0 || end > length) {
                throw new InvalidRowException("span [" + start + ", " + end + ") in '" + column
                        + "' lies outside the text (length " + length + ")");
            }
            if (mapping.codePointOffsets()) {
                start = text.offsetByCodePoints(0, start);
                end = text.offsetByCodePoints(0, end);
            }
            spans.add(new LabelledSpan(start, end, device(span.get("device"))));
        }
        return spans;
    }

    private int offset(JsonNode span, String field) throws InvalidRowException {
        JsonNode value = span.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidRowException("span " + span + " in '" + mapping.spansColumn() + "' needs an integer '"
                    + field + "'");
        }
        return value.intValue();
    }

    private static FramingDevice device(JsonNode value) throws InvalidRowException {
        if (value == null || value.isNull()) {
            return FramingDevice.LOADED_WORDING;
        }
        return deviceCode(value.asText());
    }

    private Set<FramingDevice> devices(JsonNode node) throws InvalidRowException {
        Set<FramingDevice> devices = EnumSet.noneOf(FramingDevice.class);
        if (node == null || node.isNull()) {
            return devices;
        }
        if (node.isArray()) {
            for (JsonNode code : node) {
                if (!code.isTextual()) {
                    throw new InvalidRowException("'" + mapping.devicesColumn() + "' holds " + code
                            + "; expected device codes such as \"fear\"");
                }
                devices.add(deviceCode(code.asText()));
            }
        } else if (node.isTextual()) {
            for (String code : node.asText().trim().split("[,;|\\s]+")) {
                if (!code.isEmpty()) {
                    devices.add(deviceCode(code));
                }
            }
        } else {
            throw new InvalidRowException("'" + mapping.devicesColumn() + "' is not a list of device codes");
        }
        return devices;
    }

    private static FramingDevice deviceCode(String code) throws InvalidRowException {
        try {
            return FramingDevice.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidRowException(e.getMessage());
        }
    }
}
