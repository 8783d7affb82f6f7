package org.framelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkScoreMainTest {
    @Test
    void scoresAJsonlDirectory(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.jsonl"), List.of(
                "{\"id\": \"1\", \"text\": \"Moscow cannot withstand its red lines being broken.\"}",
                "{\"id\": \"2\", \"text\": \"Officials said the call would follow three weeks of negotiations.\"}",
                "{\"id\": \"3\", \"text\": null}"));
        String out = dir.resolve("out").toString();
        assertEquals(0, SparkScoreMain.run("--input", in.toString(), "--output", out, "--format", "jsonl",
                "--id-column", "id"));
        FramingScorer plain = FrameLens.loadDefault();
        Map<String, Row> scored = FramingScorerTransformerTest.byId(spark.read().json(out), "framelens");
        assertEquals(3, scored.size());
        assertEquals(plain.score("Moscow cannot withstand its red lines being broken.").probability(),
                scored.get("1").getDouble(scored.get("1").fieldIndex("probability")), 1e-9);
        assertEquals(null, scored.get("3"));
        assertFalse(spark.sparkContext().isStopped(), "an existing session is left running");
    }

    @Test
    void usageErrorsExitWith2(@TempDir Path dir) {
        assertEquals(2, SparkScoreMain.run("--output", dir.toString()));
        assertEquals(2, SparkScoreMain.run("--input", "x", "--output", "y", "--format", "csv"));
    }

    @Test
    void aFailedRunExitsWith1AndLeavesNoOutput(@TempDir Path dir) throws IOException {
        SparkTestSession.get();
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.jsonl"), List.of("{\"id\": \"1\", \"text\": \"Hello.\"}"));
        Path out = dir.resolve("out");
        assertEquals(1, SparkScoreMain.run("--input", in.toString(), "--output", out.toString(),
                "--model", dir.resolve("missing.zip").toString()));
        assertFalse(Files.exists(out));
    }
}
