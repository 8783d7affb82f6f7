package org.framelens.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import org.framelens.TrainingDataException;

/** Reads JSON Lines corpora, one object per physical line; blank lines are skipped. Not thread-safe: one per read. */
final class JsonlCorpusParser {
    private final ColumnMapping mapping;
    private final String source;
    private final RowConverter converter;
    private final RowCollector collector;

    JsonlCorpusParser(ColumnMapping mapping, String source, RowConverter converter, RowCollector collector) {
        this.mapping = mapping;
        this.source = source;
        this.converter = converter;
        this.collector = collector;
    }

    void parse(BufferedReader reader) throws IOException {
        long line = 0;
        boolean first = true;
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (first && text.trim().startsWith("[")) {
                throw new TrainingDataException(source, line, "the file holds a JSON array; FrameLens reads JSON "
                        + "Lines, one object per line (convert with: jq -c '.[]')");
            }
            first = false;
            String json = text;
            long at = line;
            collector.add(at, () -> converter.convert(rawRow(json), at));
        }
    }

    private RowConverter.RawRow rawRow(String json) throws InvalidRowException {
        JsonNode node;
        try {
            node = RowConverter.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRowException("malformed JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new InvalidRowException("line holds " + node.getNodeType() + ", not a JSON object");
        }
        JsonNode text = field(node, mapping.textColumn());
        if (!text.isTextual()) {
            throw new InvalidRowException("field '" + mapping.textColumn() + "' is not a string");
        }
        return new RowConverter.RawRow(text.asText(), scalar(node, mapping.labelColumn()),
                optional(node, mapping.spansColumn()), optional(node, mapping.devicesColumn()),
                optionalScalar(node, mapping.topicColumn()), optionalScalar(node, mapping.splitColumn()));
    }

    private static JsonNode field(JsonNode node, String name) throws InvalidRowException {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new InvalidRowException("missing field '" + name + "'");
        }
        return value;
    }

    /** A configured optional field must be present, but may be {@code null}. */
    private static JsonNode optional(JsonNode node, String name) throws InvalidRowException {
        return name == null ? null : field(node, name);
    }

    private static String scalar(JsonNode node, String name) throws InvalidRowException {
        JsonNode value = field(node, name);
        if (!value.isValueNode() || value.isNull()) {
            throw new InvalidRowException("field '" + name + "' is " + value.getNodeType()
                    + "; expected a string, number or boolean");
        }
        return value.asText();
    }

    private static String optionalScalar(JsonNode node, String name) throws InvalidRowException {
        if (name == null || field(node, name).isNull()) {
            return null;
        }
        return scalar(node, name);
    }
}
