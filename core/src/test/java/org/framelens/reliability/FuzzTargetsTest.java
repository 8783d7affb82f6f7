package org.framelens.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.framelens.BundleException;
import org.framelens.DocumentScore;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.TrainingDataException;
import org.framelens.model.BundleIO;
import org.framelens.train.ColumnMapping;
import org.framelens.train.CorpusReader;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz targets. In the normal build they run in regression mode (the seed inputs under
 * {@code src/test/resources/org/framelens/reliability/FuzzTargetsTestInputs/} only, in milliseconds);
 * {@code mvn verify -Pfuzz -pl core -Dtest=FuzzTargetsTest#<target>} fuzzes one target for {@code maxDuration}.
 * Allowed outcomes are a result or the documented exception; anything else is a finding.
 */
class FuzzTargetsTest {
    private static final ColumnMapping CSV_MAPPING = ColumnMapping.of("text", "label", "1")
            .withSpansColumn("spans").withTopicColumn("topic").withSplitColumn("split");

    @FuzzTest(maxDuration = "60s")
    void corpusReaderAcceptsOrRejectsCleanly(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("framelens-fuzz");
        try {
            Path csv = Files.write(dir.resolve("f.csv"), data);
            Path jsonl = Files.write(dir.resolve("f.jsonl"), data);
            Path tsv = Files.write(dir.resolve("f.tsv"), data);
            readOrReject(csv, CSV_MAPPING);
            readOrReject(csv, ColumnMapping.of("0", "1", "1").withHeader(false));
            readOrReject(tsv, CSV_MAPPING);
            readOrReject(jsonl, ColumnMapping.projectJsonl());
            readOrReject(jsonl, CSV_MAPPING);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void readOrReject(Path file, ColumnMapping mapping) {
        for (boolean skip : new boolean[] {false, true}) {
            try {
                CorpusReader.read(file, mapping, skip);
            } catch (TrainingDataException expected) {
                // the documented failure
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void bundleReaderAcceptsOrRejectsCleanly(byte[] data) {
        try {
            BundleIO.read(new ByteArrayInputStream(data), "fuzz.zip");
        } catch (BundleException expected) {
            // the documented failure
        }
    }

    @BeforeAll
    static void trainOnceBeforeTheTimedInputs() {
        Scorer.INSTANCE.modelId();
    }

    // no JUnit @Timeout: JUnit would apply it to the whole fuzzing run and interrupt it (jazzer issues #930, #1060)
    @FuzzTest(maxDuration = "60s")
    void scoreDocumentKeepsValidOffsets(String text) {
        if (text == null) {
            return; // Jazzer also passes null; null input is documented to throw NullPointerException
        }
        FramingScorer scorer = Scorer.INSTANCE;
        DocumentScore d = scorer.scoreDocument(text);
        Offsets.assertValid(text, d);
        Offsets.assertCovers(text, d);
        Offsets.assertValid(text, scorer.score(text));
    }

    private static final class Scorer {
        static final FramingScorer INSTANCE = Fixtures.tinyScorer();
    }
}
