package org.framelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.DeviceScore;
import org.framelens.DocumentScore;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramingScorerTransformerTest {
    static final List<String> SENTENCES = List.of(
            "Moscow cannot withstand its red lines being broken.",
            "White House officials said the call would follow three weeks of negotiations.",
            "North Calder's extremist legislature has stripped women of their rights with a cruel 12-week ban.",
            "The state legislature passed a bill by a vote of 58 to 41.",
            "The so-called reform is a reckless betrayal of hard-working families.",
            "The council approved the shameful budget plan on 2 May.",
            "Lawmakers debated.",
            "   ",
            "The court published the water report on 5 May.",
            "Radical activists are destroying our nation's proud heritage, and only a fool would deny it.");
    static final String DOCUMENT = "Headline about the budget\n\nThe council approved the disastrous budget plan on "
            + "2 May. The mayor published the water report.\n  The agency debated the sinister tax proposal.  ";
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, true);

    static SparkSession spark;
    static FramingScorer plain;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        plain = FrameLens.loadDefault();
    }

    /** The sentences, a null and an empty cell, spread over three partitions. */
    static Dataset<Row> input() {
        return input(spark);
    }

    static Dataset<Row> input(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SENTENCES.size(); i++) {
            rows.add(RowFactory.create("s" + i, SENTENCES.get(i)));
        }
        rows.add(RowFactory.create("null", null));
        rows.add(RowFactory.create("empty", ""));
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    static Map<String, Row> byId(Dataset<Row> scored, String column) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : scored.select("id", column).collectAsList()) {
            out.put(r.getString(0), r.isNullAt(1) ? null : r.getStruct(1));
        }
        return out;
    }

    static void assertSameAsPlain(SentenceScore expected, Row actual) {
        assertNotNull(actual);
        assertEquals(expected.probability(), actual.getDouble(actual.fieldIndex("probability")), 1e-9);
        assertEquals(expected.loaded(), actual.getBoolean(actual.fieldIndex("label")));
        assertPhrases(expected.phrases(), actual);
        Map<String, Double> devices = actual.getJavaMap(actual.fieldIndex("devices"));
        assertEquals(expected.devices().size(), devices.size());
        for (DeviceScore d : expected.devices()) {
            assertEquals(d.probability(), devices.get(d.device().code()), 1e-9);
        }
    }

    static void assertPhrases(List<PhraseSpan> expected, Row actual) {
        List<Row> phrases = actual.getList(actual.fieldIndex("phrases"));
        assertEquals(expected.size(), phrases.size(), () -> expected + " vs " + phrases);
        for (int i = 0; i < expected.size(); i++) {
            PhraseSpan e = expected.get(i);
            Row p = phrases.get(i);
            assertEquals(e.start(), p.getInt(0));
            assertEquals(e.end(), p.getInt(1));
            assertEquals(e.text(), p.getString(2));
            assertEquals(e.device().code(), p.getString(3));
        }
    }

    @Test
    void sentenceModeMatchesThePlainJavaApi() {
        Map<String, Row> scored = byId(new FramingScorerTransformer().transform(input()), "framelens");
        assertEquals(SENTENCES.size() + 2, scored.size());
        boolean anyPhrase = false;
        for (int i = 0; i < SENTENCES.size(); i++) {
            SentenceScore expected = plain.score(SENTENCES.get(i));
            assertSameAsPlain(expected, scored.get("s" + i));
            anyPhrase |= !expected.phrases().isEmpty();
        }
        assertTrue(anyPhrase, "the fixture should exercise phrases");
    }

    @Test
    void nullGivesNullAndEmptyGivesZero() {
        Map<String, Row> scored = byId(new FramingScorerTransformer().transform(input()), "framelens");
        assertTrue(scored.containsKey("null"));
        assertNull(scored.get("null"));
        Row empty = scored.get("empty");
        assertEquals(0.0, empty.getDouble(0));
        assertFalse(empty.getBoolean(1));
        assertTrue(empty.getList(2).isEmpty());
        assertTrue(empty.getJavaMap(3).isEmpty());
    }

    @Test
    void documentModeMatchesScoreDocument() {
        List<Row> rows = List.of(RowFactory.create("d", DOCUMENT), RowFactory.create("n", null),
                RowFactory.create("e", ""));
        Dataset<Row> df = spark.createDataFrame(rows, SCHEMA);
        Map<String, Row> scored = byId(new FramingScorerTransformer().setMode("document").transform(df),
                "framelens");
        DocumentScore expected = plain.scoreDocument(DOCUMENT);
        Row actual = scored.get("d");
        assertEquals(expected.probability(), actual.getDouble(actual.fieldIndex("probability")), 1e-9);
        assertEquals(!expected.loadedSentences().isEmpty(), actual.getBoolean(actual.fieldIndex("label")));
        assertEquals(expected.loadedShare(), actual.getDouble(actual.fieldIndex("loadedShare")), 1e-9);
        assertPhrases(expected.sentences().stream().flatMap(s -> s.phrases().stream()).toList(), actual);
        List<Row> sentences = actual.getList(actual.fieldIndex("sentences"));
        assertEquals(expected.sentences().size(), sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            SentenceScore s = expected.sentences().get(i);
            assertEquals(s.start(), sentences.get(i).getInt(0));
            assertEquals(s.end(), sentences.get(i).getInt(1));
            assertEquals(s.probability(), sentences.get(i).getDouble(2), 1e-9);
            assertEquals(s.loaded(), sentences.get(i).getBoolean(3));
        }
        assertNull(scored.get("n"));
        assertEquals(0.0, scored.get("e").getDouble(0));
        assertTrue(scored.get("e").getList(actual.fieldIndex("sentences")).isEmpty());
    }

    @Test
    void thresholdChangesLabelsNotProbabilities() {
        Map<String, Row> low = byId(new FramingScorerTransformer().setThreshold(0.001).transform(input()),
                "framelens");
        for (int i = 0; i < SENTENCES.size(); i++) {
            SentenceScore expected = plain.withThreshold(0.001).score(SENTENCES.get(i));
            assertSameAsPlain(expected, low.get("s" + i));
        }
    }

    @Test
    void aTooLongRowFailsTheTaskNamingItsPositionAndId() {
        List<Row> rows = List.of(RowFactory.create("a-1", "Short."), RowFactory.create("a-2", "Also short."),
                RowFactory.create("long-1", "x".repeat(200)));
        Dataset<Row> df = spark.createDataFrame(rows, SCHEMA).coalesce(1);
        FramingScorerTransformer t = new FramingScorerTransformer().setMaxChars(100).setIdCol("id");
        Exception e = assertThrows(Exception.class, () -> t.transform(df).collectAsList());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("partition 0, row 2 (id=long-1)"), message);
        assertTrue(message.contains("maxChars=100"), message);
    }

    @Test
    void aMissingModelFailsTheTaskNamingThePath() {
        FramingScorerTransformer t = new FramingScorerTransformer().setModelPath("/nonexistent/model.zip");
        Exception e = assertThrows(Exception.class, () -> t.transform(input()).collectAsList());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("cannot load model '/nonexistent/model.zip'"), message);
    }

    @Test
    void transformSchemaValidatesColumns() {
        StructType ints = new StructType().add("text", DataTypes.IntegerType);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FramingScorerTransformer().transformSchema(ints));
        assertTrue(e.getMessage().contains("string column is required"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new FramingScorerTransformer().setInputCol("body").transformSchema(SCHEMA));
        assertThrows(IllegalArgumentException.class,
                () -> new FramingScorerTransformer().setOutputCol("id").transformSchema(SCHEMA));
        assertThrows(IllegalArgumentException.class, () -> new FramingScorerTransformer().setMode("paragraph"));
        assertThrows(IllegalArgumentException.class, () -> new FramingScorerTransformer().setThreshold(1.5));
        StructType out = new FramingScorerTransformer().transformSchema(SCHEMA);
        assertEquals(ScoreRows.SENTENCE, out.apply("framelens").dataType());
    }

    @Test
    void roundTripsThroughSaveAndLoad(@TempDir Path dir) throws IOException {
        FramingScorerTransformer t = new FramingScorerTransformer().setOutputCol("score").setThreshold(0.3)
                .setIdCol("id").setMaxChars(5000);
        String path = dir.resolve("stage").toString();
        t.save(path);
        FramingScorerTransformer loaded = FramingScorerTransformer.load(path);
        assertEquals(t.uid(), loaded.uid());
        assertEquals(t.extractParamMap().toString(), loaded.extractParamMap().toString());
        assertEquals(byId(t.transform(input()), "score"), byId(loaded.transform(input()), "score"));

        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {t}).fit(input());
        String pipelinePath = dir.resolve("pipeline").toString();
        model.save(pipelinePath);
        assertEquals(byId(model.transform(input()), "score"),
                byId(PipelineModel.load(pipelinePath).transform(input()), "score"));
    }
}
