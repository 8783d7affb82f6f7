package org.framelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.framelens.TrainingDataException;
import org.framelens.corpus.ProjectCorpus;
import org.framelens.train.ColumnMapping;
import org.framelens.train.CorpusReadResult;
import org.framelens.train.CorpusReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed training input always ends in a TrainingDataException naming the file and, for a row, its line. */
class TrainingInputTest {
    private static final ColumnMapping CSV = ColumnMapping.of("text", "label", "1").withNegativeLabels("0")
            .withSpansColumn("spans");

    @TempDir
    Path dir;

    private TrainingDataException fails(String name, String content, ColumnMapping mapping) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> CorpusReader.read(file, mapping, false));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": "), e.getMessage());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative span start         | [{"start":-1,"end":3}]
            span end past the text      | [{"start":0,"end":999}]
            empty span                  | [{"start":2,"end":2}]
            span offsets as strings     | [{"start":"a","end":"b"}]
            span offsets as fractions   | [{"start":0.5,"end":2}]
            span offset beyond int      | [{"start":0,"end":99999999999999999999}]
            spans not an array          | {"start":0,"end":2}
            spans not JSON              | [{start:0
            span not an object          | [1,2]
            unknown device              | [{"start":0,"end":2,"device":"nope"}]
            """)
    void invalidSpanIsARowErrorWithItsLine(String description, String spans) throws IOException {
        String quoted = "\"" + spans.replace("\"", "\"\"") + "\"";
        TrainingDataException e = fails("spans.csv", "text,label,spans\nA fine row,0,[]\nThe tax,1," + quoted + "\n",
                CSV);
        assertEquals(3, e.line(), description + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text is a number        | {"text":5,"label":"LOADED","spans":[],"devices":[],"topic":"t","split":"train"}
            text is null            | {"text":null,"label":"LOADED","spans":[],"devices":[],"topic":"t","split":"train"}
            label is an object      | {"text":"A tax","label":{},"spans":[],"devices":[],"topic":"t","split":"train"}
            unknown split           | {"text":"A tax","label":"NEUTRAL","spans":[],"devices":[],"topic":"t","split":"x"}
            line is an array        | [1,2,3]
            line is a string        | "text"
            truncated object        | {"text":"A tax","label":
            two objects on a line   | {"text":"A"} {"text":"B"}
            """)
    void invalidJsonlRowIsARowErrorWithItsLine(String description, String row) throws IOException {
        String good = "{\"text\":\"A tax\",\"label\":\"NEUTRAL\",\"spans\":[],\"devices\":[],\"topic\":\"t\","
                + "\"split\":\"train\"}";
        TrainingDataException e = fails("rows.jsonl", good + "\n\n" + row + "\n", ColumnMapping.projectJsonl());
        assertEquals(3, e.line(), description + ": " + e.getMessage());
    }

    @Test
    void wholeFileProblemsNameTheFile() throws IOException {
        fails("empty.jsonl", "", ColumnMapping.projectJsonl());
        fails("blank.jsonl", "\n \n\t\n", ColumnMapping.projectJsonl());
        fails("blank.csv", "\n\n", CSV);
        fails("bom-only.csv", "\uFEFF", CSV);
        fails("nul.csv", "text,label\n\u0000\u0000,\u0000\n", CSV);
    }

    @Test
    void directoryInsteadOfAFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("corpus.csv"));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> CorpusReader.read(sub, CSV, true));
        assertEquals(sub.toString(), e.source());
    }

    @Test
    void projectCorpusReportsInvalidUtf8WithFileAndLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, "{\"id\":\"a\"}\n{\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> ProjectCorpus.read(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void skippingStillCountsEveryBadRow() throws IOException {
        Path file = Files.writeString(dir.resolve("mixed.csv"),
                "text,label,spans\nGood one,0,[]\nBad span,1,\"[{\"\"start\"\":5,\"\"end\"\":1}]\"\n,1,[]\n"
                        + "Unknown,7,[]\nGood two,1,\"[{\"\"start\"\":0,\"\"end\"\":4}]\"\n");
        CorpusReadResult r = CorpusReader.read(file, CSV, true);
        assertEquals(2, r.sentences().size());
        assertEquals(3, r.skippedCount());
    }
}
