package org.framelens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The train and test rows of the project corpus (JSONL with {@code text}, {@code label}, {@code split}). */
record Corpus(List<Row> train, List<Row> test) {
    /** One labelled sentence; {@code loaded} is true for label {@code LOADED}. */
    record Row(String text, boolean loaded) {
    }

    Corpus {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Reads {@code path}, keeping rows whose split is {@code train} or {@code test}. */
    static Corpus read(Path path) {
        ObjectMapper json = new ObjectMapper();
        List<Row> train = new ArrayList<>();
        List<Row> test = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                Row row = new Row(n.get("text").asText(), "LOADED".equals(n.get("label").asText()));
                switch (n.path("split").asText()) {
                    case "train" -> train.add(row);
                    case "test" -> test.add(row);
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + path, e);
        }
        return new Corpus(train, test);
    }

    /** Texts of the test rows, in file order. */
    List<String> testTexts() {
        return test.stream().map(Row::text).toList();
    }

    /** Gold labels of the test rows, in file order. */
    boolean[] testGold() {
        boolean[] gold = new boolean[test.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = test.get(i).loaded();
        }
        return gold;
    }
}
