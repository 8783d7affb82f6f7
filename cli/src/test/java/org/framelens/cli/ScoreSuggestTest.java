package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreSuggestTest {
    static final String TEXT = "The minister claimed the figures were accurate.\n"
            + "The council met on Tuesday, officials said.\n";

    @Test
    void textModePrintsSuggestionsUnderLoadedSentences(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, TEXT);
        CliTest.Result r = CliTest.run("score", "--suggest", f.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("LOADED"), r.out());
        assertTrue(lines[1].startsWith("       suggest: «"), "suggestion under the loaded sentence: " + r.out());
        assertFalse(CliTest.run("score", f.toString()).out().contains("suggest:"), "only with --suggest");
    }

    @Test
    void jsonIncludesSuggestionsPerSentence(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, TEXT);
        CliTest.Result r = CliTest.run("score", "--suggest", "--format", "json", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = ScoreCommand.json().readTree(r.out());
        JsonNode loaded = doc.get("sentences").get(0);
        assertTrue(loaded.get("suggestions").size() > 0, r.out());
        for (JsonNode g : loaded.get("suggestions")) {
            assertTrue(g.get("rewrittenProbability").asDouble() < loaded.get("probability").asDouble());
            assertEquals(g.get("replaced").asText(), TEXT.substring(g.get("start").asInt(), g.get("end").asInt()));
        }
        assertEquals(0, doc.get("sentences").get(1).get("suggestions").size());

        CliTest.Result jsonl = CliTest.run("score", "--suggest", "--format", "jsonl", f.toString());
        assertEquals(0, jsonl.code(), jsonl.err());
        assertTrue(ScoreCommand.json().readTree(jsonl.out().lines().findFirst().orElseThrow()).has("suggestions"));
        assertFalse(CliTest.run("score", "--format", "json", f.toString()).out().contains("suggestions"));
    }
}
