package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.framelens.FrameLens;
import org.framelens.model.BundleIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CliTest {
    static final Path ROOT = Path.of(System.getProperty("framelens.root", ".."));
    static final Path SEED = ROOT.resolve("seeds/000_783869c16b4e0c0e.txt");

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void scoresTheSeedArticleAsText() {
        Result r = run("score", SEED.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("«"), "loaded phrases are marked: " + r.out());
        assertTrue(r.out().contains("sentences,") && r.out().contains("framelens-default"), r.out());
        assertFalse(r.out().contains("\u001b["), "no ANSI colour when not on a terminal");
    }

    @Test
    void jsonOffsetsSliceTheInput() throws Exception {
        String article = Files.readString(SEED, StandardCharsets.UTF_8);
        Result r = run("score", "--format", "json", SEED.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = ScoreCommand.json().readTree(r.out());
        int phrases = 0;
        for (JsonNode s : doc.get("sentences")) {
            assertEquals(s.get("text").asText(), article.substring(s.get("start").asInt(), s.get("end").asInt()));
            for (JsonNode p : s.get("phrases")) {
                assertEquals(p.get("text").asText(), article.substring(p.get("start").asInt(), p.get("end").asInt()));
                phrases++;
            }
        }
        assertTrue(phrases > 0);
    }

    @Test
    void jsonlHasOneLinePerSentence() {
        Result r = run("score", "--format", "jsonl", SEED.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(FrameLens.loadDefault().scoreDocument(read(SEED)).sentences().size(), r.out().lines().count());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badInputGivesOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("b.bin");
        Files.write(binary, new byte[] {1, 0, 2, 0, 3});
        Path latin1 = dir.resolve("l.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'x'});
        for (String[] args : new String[][] {{"score", dir.resolve("missing.txt").toString()},
            {"score", dir.toString()}, {"score", binary.toString()}, {"score", latin1.toString()},
            {"score", "--model", dir.resolve("nope.zip").toString(), SEED.toString()}}) {
            Result r = run(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("framelens: error: "), r.err());
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("score", "--no-such-option").code());
        assertEquals(2, run("score", "--threshold", "1.5", SEED.toString()).code());
        assertEquals(2, run("score", "--format", "xml", SEED.toString()).code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run().code());
    }

    /** picocli formats descriptions with String.format: a bare "%" prints a WARN and the text unformatted. */
    @Test
    void everyHelpTextIsAValidFormatString() {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(new CommandLine(new Main()).getCommandSpec());
        for (int i = 0; i < specs.size(); i++) {
            CommandSpec spec = specs.get(i);
            specs.addAll(spec.subcommands().values().stream().map(CommandLine::getCommandSpec).toList());
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            for (String text : texts) {
                assertDoesNotThrow(() -> String.format(text), spec.qualifiedName() + ": " + text);
            }
        }
        assertTrue(specs.size() > 5, "the subcommands were visited");
        assertEquals(0, run("cv", "--help").code());
    }

    @Test
    void verbosePrintsTheStackTrace(@TempDir Path dir) {
        Result r = run("score", "--verbose", "--model", dir.resolve("nope.zip").toString(), SEED.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("at org.framelens"), r.err());
    }

    @Test
    void trainEvalAndCrossValidateACsvCorpus(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFsentence;bias;topic\n");
        String[] loaded = {"disastrous", "shameful", "reckless", "so-called", "sinister"};
        String[] places = {"Riverton", "Lakeside", "Hollow Creek", "Eastport", "Millbrook", "Ashford", "Dunmore",
            "Kelby"};
        for (int i = 0; i < 80; i++) {
            String place = places[i % places.length];
            if (i % 2 == 0) {
                csv.append("\"The council in ").append(place).append(" approved the budget on ").append(i % 28 + 1)
                        .append(" May.\";0;local\n");
            } else {
                csv.append("\"The council in ").append(place).append(" approved the ").append(loaded[i % 5])
                        .append(" budget on ").append(i % 28 + 1).append(" May.\";1;local\n");
            }
        }
        csv.append("\"A quoted field\nwith a newline\";maybe;local\n");
        Path data = dir.resolve("news.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("news.zip");
        String[] mapping = {"--data", data.toString(), "--text-column", "sentence", "--label-column", "bias",
            "--positive-label", "1", "--negative-label", "0", "--topic-column", "topic"};

        Result bad = run(concat(new String[] {"train", "--out", model.toString(), "--epochs", "3"}, mapping));
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("news.csv:82") && bad.err().contains("maybe"), bad.err());
        assertFalse(Files.exists(model), "nothing written on failure");

        Result train = run(concat(new String[] {"train", "--skip-invalid", "--out", model.toString(), "--epochs", "8"},
                mapping));
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("1 invalid rows skipped"), train.err());
        // 80 valid rows, 10% each to dev and test: 64 train, and half as many joined examples
        assertTrue(train.err().contains("training on 64 sentences + 32 joined"), train.err());
        assertTrue(Files.exists(model));
        assertTrue(train.out().contains("test: n="), train.out());
        assertEquals(FrameLens.defaultBundle().wordFeatures(), BundleIO.read(model).wordFeatures(),
                "by default a new model reads the default model's word-feature table");

        Path json = dir.resolve("eval.json");
        Path html = dir.resolve("eval.html");
        Result eval = run(concat(new String[] {"eval", "--skip-invalid", "--model", model.toString(), "--json",
            json.toString(), "--html", html.toString()}, mapping));
        assertEquals(0, eval.code(), eval.err());
        JsonNode e = ScoreCommand.json().readTree(Files.readString(json));
        assertEquals(80, e.get("sentences").get("total").asInt());
        JsonNode auc = e.get("intervals").get("rocAuc");
        double pointAuc = e.get("sentences").get("rocAuc").asDouble();
        assertTrue(auc.get("low").asDouble() <= pointAuc && pointAuc <= auc.get("high").asDouble(), auc.toString());
        assertTrue(eval.out().contains("95% bootstrap intervals (1000 resamples)"), eval.out());
        assertTrue(Files.readString(html).contains("<svg"));
        assertTrue(Files.readString(html).contains("bootstrap intervals"));

        Path predictions = dir.resolve("oof.csv");
        Result cv = run(concat(new String[] {"cv", "--skip-invalid", "--folds", "2", "--epochs", "2",
            "--predictions", predictions.toString()}, mapping));
        assertEquals(0, cv.code(), cv.err());
        assertTrue(cv.out().contains("F1") && cv.out().contains("±"), cv.out());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(predictions)).getRecords();
        assertEquals(80, rows.size(), "one row per valid sentence");
        List<String> lines = Files.readAllLines(data);
        double previous = 1;
        for (CSVRecord row : rows) {
            double p = Double.parseDouble(row.get("probability"));
            double disagreement = Double.parseDouble(row.get("disagreement"));
            assertEquals(row.get("label").equals("loaded") ? 1 - p : p, disagreement, 1e-3);
            assertTrue(disagreement <= previous, "largest disagreement first");
            previous = disagreement;
            assertTrue(lines.get(Integer.parseInt(row.get("line")) - 1).contains(row.get("text")),
                    "source line " + row.get("line") + " holds " + row.get("text"));
            assertTrue(row.get("fold").equals("1") || row.get("fold").equals("2"));
            assertEquals(data.toString(), row.get("source"));
        }
    }

    @Test
    void crossValidationCanHoldOutWholeTopics(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("text,label,topic\n");
        String[] topics = {"budget", "transport", "schools", "housing"};
        for (int i = 0; i < 48; i++) {
            String topic = topics[i % 4];
            csv.append("The ").append(i % 2 == 0 ? "council" : "disastrous council").append(" discussed ")
                    .append(topic).append(" on day ").append(i + 1).append(',').append(i % 2).append(',')
                    .append(topic).append('\n');
        }
        Path data = dir.resolve("topics.csv");
        Files.writeString(data, csv);
        Path predictions = dir.resolve("oof.csv");
        String[] args = {"cv", "--data", data.toString(), "--text-column", "text", "--label-column", "label",
            "--positive-label", "1", "--topic-column", "topic", "--folds", "2", "--epochs", "1", "--group-by-topic",
            "--predictions", predictions.toString()};
        Result cv = run(args);
        assertEquals(0, cv.code(), cv.err());
        assertTrue(cv.out().contains("(folds by topic)"), cv.out());
        Map<String, String> foldOfTopic = new HashMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(predictions))) {
            assertEquals(foldOfTopic.computeIfAbsent(row.get("topic"), t -> row.get("fold")), row.get("fold"),
                    row.get("topic") + " is held out as a whole");
        }
        assertEquals(4, foldOfTopic.size());
        assertEquals(2, new java.util.HashSet<>(foldOfTopic.values()).size());

        String[] fiveFolds = args.clone();
        fiveFolds[java.util.Arrays.asList(args).indexOf("--folds") + 1] = "5";
        Result tooFew = run(fiveFolds);
        assertEquals(2, tooFew.code(), "four topics cannot fill five folds");
        assertTrue(tooFew.err().contains("the corpus has 4"), tooFew.err());
    }

    @Test
    void trainingHyperparametersReachTheBundle(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append("The ").append(i % 2 == 0 ? "council" : "shameful council").append(" met on day ")
                    .append(i + 1).append(',').append(i % 2).append('\n');
        }
        Path data = dir.resolve("small.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("small.zip");
        String[] common = {"train", "--data", data.toString(), "--text-column", "text", "--label-column", "label",
            "--positive-label", "1", "--epochs", "1", "--word-features", "none", "--out", model.toString()};
        Result r = run(concat(common, new String[] {"--hidden-size", "16", "--dropout", "0.1", "--learning-rate",
            "0.005", "--batch-size", "8", "--no-class-weighting"}));
        assertEquals(0, r.code(), r.err());
        JsonNode config = ScoreCommand.json().valueToTree(BundleIO.read(model).manifest()).get("trainingConfig");
        assertEquals(16, config.get("network").get("hiddenSize").asInt(), config.toString());
        assertEquals(0.1, config.get("network").get("dropout").asDouble(), 1e-9);
        assertEquals(0.005, config.get("learningRate").asDouble(), 1e-9);
        assertEquals(8, config.get("batchSize").asInt());
        assertFalse(config.get("classWeighting").asBoolean());
        assertEquals(0, run(common).code());
        assertTrue(ScoreCommand.json().valueToTree(BundleIO.read(model).manifest()).get("trainingConfig")
                .get("classWeighting").asBoolean(), "class weighting is on by default");
        for (String[] bad : new String[][] {{"--dropout", "1.0"}, {"--learning-rate", "0"}, {"--batch-size", "0"},
            {"--hidden-size", "-1"}}) {
            Result e = run(concat(common, bad));
            assertEquals(1, e.code(), String.join(" ", bad));
            assertTrue(e.err().contains("framelens: error: "), e.err());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void priorLowersProbabilitiesAndIsValidated() {
        Result base = run("score", "--format", "jsonl", SEED.toString());
        Result rare = run("score", "--format", "jsonl", "--prior", "0.05", SEED.toString());
        assertEquals(0, base.code(), base.err());
        assertEquals(0, rare.code(), rare.err());
        assertTrue(rare.out().split("\"loaded\":true", -1).length < base.out().split("\"loaded\":true", -1).length,
                "a rare-loaded prior flags fewer sentences");
        assertEquals(2, run("score", "--prior", "1.5", SEED.toString()).code());
    }
}
