package org.framelens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.framelens.FramingDevice;
import org.framelens.TrainingDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    private static final ColumnMapping TEXT_LABEL = ColumnMapping.of("text", "label", "1");
    private static final ColumnMapping STRICT = ColumnMapping.of("text", "label", "loaded").withNegativeLabels(
            "neutral");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<Long> lines(CorpusReadResult result) {
        return result.sentences().stream().map(LabelledSentence::line).toList();
    }

    private static TrainingDataException readFails(Path file, ColumnMapping mapping, boolean skip) {
        return assertThrows(TrainingDataException.class, () -> CorpusReader.read(file, mapping, skip));
    }

    @Test
    void csvWithByteOrderMarkFindsTheFirstHeaderColumn() throws IOException {
        Path file = write("bom.csv", "\uFEFFtext,label\nThey slammed the plan,1\nThe plan passed,0\n");

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, false);

        assertEquals(2, result.sentences().size());
        LabelledSentence first = result.sentences().get(0);
        assertEquals("They slammed the plan", first.text());
        assertTrue(first.loaded());
        assertFalse(result.sentences().get(1).loaded());
        assertEquals(file.toString(), first.source());
        assertEquals(List.of(2L, 3L), lines(result));
        assertFalse(first.spansKnown());
        assertFalse(first.devicesKnown());
        assertEquals("", first.topic());
        assertEquals("", first.split());
        assertEquals(0, result.skippedCount());
    }

    @Test
    void semicolonDelimiterIsDetected() throws IOException {
        Path file = write("semi.csv", "text;label\n\"Prices rose, again\";0\nA ruinous, reckless tax;1\n");

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, false);

        assertEquals("Prices rose, again", result.sentences().get(0).text());
        assertEquals("A ruinous, reckless tax", result.sentences().get(1).text());
        assertTrue(result.sentences().get(1).loaded());
    }

    @Test
    void tabDelimiterIsDetectedInCsvAndUsedForTsv() throws IOException {
        String content = "label\ttext\n1\tA ruinous, reckless tax\n0\tThe tax rose by 2%\n";

        for (Path file : List.of(write("tabs.csv", content), write("tabs.tsv", content))) {
            CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, false);
            assertEquals("A ruinous, reckless tax", result.sentences().get(0).text(), file.toString());
            assertTrue(result.sentences().get(0).loaded());
            assertFalse(result.sentences().get(1).loaded());
        }
    }

    @Test
    void givenDelimiterOverridesDetection() throws IOException {
        // Detection would pick ',' (two of them); the mapping says '|'.
        Path file = write("pipe.csv", "text|label\nwar, famine, plague|1\n");

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL.withDelimiter('|'), false);

        assertEquals("war, famine, plague", result.sentences().get(0).text());
    }

    @Test
    void quotedFieldsWithEmbeddedNewlinesKeepLineNumbers() throws IOException {
        String csv = """
                text,label
                "first line
                second line",1
                "a ""quoted"" word",0
                "x
                y
                z",1
                ,1
                """;
        Path file = write("multi.csv", csv);

        TrainingDataException e = readFails(file, TEXT_LABEL, false);

        assertEquals(8, e.line());
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ":8: empty text"), e.getMessage());

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, true);
        assertEquals(List.of(2L, 4L, 5L), lines(result));
        assertEquals("first line\nsecond line", result.sentences().get(0).text());
        assertEquals("a \"quoted\" word", result.sentences().get(1).text());
        assertEquals(8, result.skipped().get(0).line());
    }

    @Test
    void lineNumbersSurviveCrlfAndBlankLines() throws IOException {
        String csv = "text,label\r\n\"two\r\nlines\",1\r\n\r\n\r\nplain,0\r\n,0\r\n";
        Path file = write("crlf.csv", csv);

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, true);

        // header 1; quoted row 2-3; blank 4-5; plain 6; empty text 7
        assertEquals(List.of(2L, 6L), lines(result));
        assertEquals(7, result.skipped().get(0).line());
        assertEquals("two\r\nlines", result.sentences().get(0).text());
    }

    @Test
    void lastRowWithoutFinalNewlineHasItsLine() throws IOException {
        Path file = write("noeol.csv", "text,label\nok,loaded\n\"bad\nrow\",maybe");

        TrainingDataException e = readFails(file, STRICT, false);

        assertEquals(3, e.line());
    }

    @Test
    void badRowNamesFileLineAndProblem() throws IOException {
        Path file = write("bad.csv", "text,label\nfine,loaded\nalso fine,neutral\nodd,maybe\n");

        TrainingDataException e = readFails(file, STRICT, false);

        assertEquals(file.toString(), e.source());
        assertEquals(4, e.line());
        assertEquals(file + ":4: unknown label 'maybe'; expected one of [loaded, neutral] in column 'label'",
                e.getMessage());
    }

    @Test
    void labelsAreTrimmedAndCaseInsensitive() throws IOException {
        Path file = write("case.csv", "text,label\none, LOADED \ntwo,Neutral\n");

        CorpusReadResult result = CorpusReader.read(file, STRICT, false);

        assertTrue(result.sentences().get(0).loaded());
        assertFalse(result.sentences().get(1).loaded());
    }

    @Test
    void withoutNegativeLabelsEveryOtherLabelIsNeutral() throws IOException {
        Path file = write("open.csv", "text,label\none,1\ntwo,0\nthree,whatever\n");

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, false);

        assertEquals(List.of(true, false, false), result.sentences().stream().map(LabelledSentence::loaded).toList());
    }

    @Test
    void skipInvalidCollectsEveryBadRow() throws IOException {
        String csv = """
                text,label,split
                one,loaded,train
                ,loaded,train
                two,neutral,dev
                three,maybe,test
                four,neutral,validation
                five,loaded,too,many
                six,neutral,
                """;
        Path file = write("skip.csv", csv);
        ColumnMapping mapping = STRICT.withSplitColumn("split");

        CorpusReadResult result = CorpusReader.read(file, mapping, true);

        assertEquals(List.of("one", "two", "six"), result.sentences().stream().map(LabelledSentence::text).toList());
        assertEquals(List.of("train", "dev", ""), result.sentences().stream().map(LabelledSentence::split).toList());
        assertEquals(4, result.skippedCount());
        assertEquals(List.of(3L, 5L, 6L, 7L), result.skipped().stream().map(TrainingDataException::line).toList());
        assertTrue(result.skipped().get(0).getMessage().contains("empty text"));
        assertTrue(result.skipped().get(1).getMessage().contains("unknown label 'maybe'"));
        assertTrue(result.skipped().get(2).getMessage().contains("unknown split 'validation'"));
        assertTrue(result.skipped().get(3).getMessage().contains("row has 4 fields but the header has 3"),
                result.skipped().get(3).getMessage());
        assertEquals(3, readFails(file, mapping, false).line());
    }

    @Test
    void missingColumnFailsTheWholeFileEvenWhenSkipping() throws IOException {
        Path file = write("cols.csv", "sentence,label\none,1\n");

        TrainingDataException e = readFails(file, TEXT_LABEL, true);

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing column 'text' in header [sentence, label]"), e.getMessage());
    }

    @Test
    void missingOptionalColumnFailsTheWholeFile() throws IOException {
        Path file = write("topic.csv", "text,label\none,1\n");

        TrainingDataException e = readFails(file, TEXT_LABEL.withTopicColumn("topic"), true);

        assertTrue(e.getMessage().contains("missing column 'topic'"), e.getMessage());
    }

    @Test
    void emptyFileAndHeaderOnlyHaveNoRows() throws IOException {
        for (Path file : List.of(write("empty.csv", ""), write("header.csv", "text,label\n"),
                write("bomonly.csv", "\uFEFF"), write("empty.jsonl", "\n\n"))) {
            TrainingDataException e = readFails(file, TEXT_LABEL, true);
            assertEquals(0, e.line(), file.toString());
            assertTrue(e.getMessage().contains("no rows"), e.getMessage());
        }
    }

    @Test
    void allRowsInvalidIsAnErrorEvenWhenSkipping() throws IOException {
        Path file = write("allbad.csv", "text,label\n,1\n,0\n");

        TrainingDataException e = readFails(file, TEXT_LABEL, true);

        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("no valid rows: all 2 rows are invalid"), e.getMessage());
    }

    @Test
    void headerlessCsvAddressesColumnsByIndex() throws IOException {
        Path file = write("nohead.csv", "1,A ruinous tax\n0,The tax rose\n");
        ColumnMapping mapping = ColumnMapping.of("1", "0", "1").withHeader(false);

        CorpusReadResult result = CorpusReader.read(file, mapping, false);

        assertEquals(List.of(1L, 2L), lines(result));
        assertEquals("A ruinous tax", result.sentences().get(0).text());
        assertTrue(result.sentences().get(0).loaded());
        assertFalse(result.sentences().get(1).loaded());
    }

    @Test
    void headerlessCsvRejectsNamedOrOutOfRangeColumns() throws IOException {
        Path file = write("nohead2.csv", "1,A ruinous tax\n");

        assertTrue(readFails(file, ColumnMapping.of("text", "0", "1").withHeader(false), false).getMessage()
                .contains("column 'text' is not a 0-based index"));
        assertTrue(readFails(file, ColumnMapping.of("5", "0", "1").withHeader(false), false).getMessage()
                .contains("column index 5 is beyond the 2 fields"));
    }

    @Test
    void spansColumnInCsvHoldsJson() throws IOException {
        String csv = """
                text,label,spans
                A ruinous tax,1,"[{""start"":2,""end"":9}]"
                A so-called reform,1,"[{""start"":2,""end"":11,""device"":""doubt""}]"
                The tax rose,0,
                Bad,1,[{"start":0}]
                """;
        Path file = write("spans.csv", csv);

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL.withSpansColumn("spans"), true);

        LabelledSentence first = result.sentences().get(0);
        assertTrue(first.spansKnown());
        assertEquals(List.of(new LabelledSpan(2, 9, FramingDevice.LOADED_WORDING)), first.spans());
        assertEquals("ruinous", first.text().substring(2, 9));
        assertEquals(FramingDevice.DOUBT, result.sentences().get(1).spans().get(0).device());
        assertEquals(List.of(), result.sentences().get(2).spans());
        assertTrue(result.sentences().get(2).spansKnown());
        assertEquals(1, result.skippedCount());
        assertTrue(result.skipped().get(0).getMessage().contains("needs an integer 'end'"),
                result.skipped().get(0).getMessage());
    }

    @Test
    void brokenQuotingIsFatalWithALine() throws IOException {
        Path file = write("quote.csv", "text,label\nok,1\n\"never closed,1\n");

        TrainingDataException e = readFails(file, TEXT_LABEL, true);

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "text,label\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));

        TrainingDataException e = readFails(file, TEXT_LABEL, true);

        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.csv");

        TrainingDataException e = readFails(file, TEXT_LABEL, false);

        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("cannot read the file"), e.getMessage());
    }

    @Test
    void formatComesFromTheExtensionUnlessGiven() throws IOException {
        Path txt = write("corpus.txt", "text\tlabel\nA ruinous tax\t1\n");

        TrainingDataException e = readFails(txt, TEXT_LABEL, false);
        assertTrue(e.getMessage().contains("pass --format"), e.getMessage());

        CorpusReadResult result = CorpusReader.read(txt, CorpusFormat.TSV, TEXT_LABEL, false);
        assertEquals("A ruinous tax", result.sentences().get(0).text());
        assertEquals(CorpusFormat.JSONL, CorpusFormat.fromPath(Path.of("a.JSON")));
        assertEquals(CorpusFormat.TSV, CorpusFormat.fromName(" tsv "));
        assertThrows(IllegalArgumentException.class, () -> CorpusFormat.fromName("xlsx"));
    }

    @Test
    void projectJsonlReadsSpansDevicesTopicAndSplit() throws IOException {
        String jsonl = """
                {"id":"e1","text":"A ruinous, so-called reform","label":"LOADED","spans":[{"start":2,"end":9,\
                "device":"loaded_wording"},{"start":11,"end":20,"device":"doubt"}],\
                "devices":["doubt","loaded_wording"],"topic":"economy","style":"news",\
                "pair_id":"economy/1","split":"train"}

                {"id":"e2","text":"The reform passed","label":"NEUTRAL","spans":[],"devices":[],"topic":"economy",\
                "style":"news","pair_id":"economy/1","split":"dev"}
                {"id":"e3","text":"Fans \uD83D\uDE00 cheer the heroic win","label":"LOADED","spans":[{"start":17,\
                "end":23,"device":"exaggeration"}],"devices":["exaggeration"],"topic":"sport","split":"test"}
                """;
        Path file = write("corpus.jsonl", jsonl);

        CorpusReadResult result = CorpusReader.read(file, ColumnMapping.projectJsonl(), false);

        assertEquals(List.of(1L, 3L, 4L), lines(result));
        LabelledSentence first = result.sentences().get(0);
        assertTrue(first.loaded());
        assertTrue(first.spansKnown());
        assertTrue(first.devicesKnown());
        assertEquals(List.of(new LabelledSpan(2, 9, FramingDevice.LOADED_WORDING),
                new LabelledSpan(11, 20, FramingDevice.DOUBT)), first.spans());
        assertEquals("so-called", first.text().substring(11, 20));
        assertEquals(Set.of(FramingDevice.DOUBT, FramingDevice.LOADED_WORDING), first.devices());
        assertEquals("economy", first.topic());
        assertEquals("train", first.split());
        LabelledSentence second = result.sentences().get(1);
        assertFalse(second.loaded());
        assertTrue(second.spansKnown());
        assertEquals(Set.of(), second.devices());
        assertEquals("dev", second.split());
        // The emoji is one code point (Python's offsets) but two UTF-16 units (Java's).
        LabelledSentence third = result.sentences().get(2);
        LabelledSpan heroic = third.spans().get(0);
        assertEquals("heroic", third.text().substring(heroic.start(), heroic.end()));
        assertEquals(new LabelledSpan(18, 24, FramingDevice.EXAGGERATION), heroic);
    }

    @Test
    void projectJsonlRejectsBadSpansDevicesAndLabels() throws IOException {
        String jsonl = """
                {"text":"A ruinous tax","label":"LOADED","spans":[{"start":2,"end":40,"device":"fear"}],\
                "devices":["fear"],"topic":"t","split":"train"}
                {"text":"A ruinous tax","label":"LOADED","spans":[{"start":9,"end":2,"device":"fear"}],\
                "devices":["fear"],"topic":"t","split":"train"}
                {"text":"A ruinous tax","label":"LOADED","spans":[{"start":2,"end":9,"device":"spin"}],\
                "devices":["spin"],"topic":"t","split":"train"}
                {"text":"A ruinous tax","label":"loaded ","spans":[],"devices":[],"topic":"t","split":"train"}
                {"text":"A ruinous tax","label":"1","spans":[],"devices":[],"topic":"t","split":"train"}
                {"text":"A ruinous tax","label":"LOADED","devices":[],"topic":"t","split":"train"}
                """;
        Path file = write("bad.jsonl", jsonl);

        CorpusReadResult result = CorpusReader.read(file, ColumnMapping.projectJsonl(), true);

        assertEquals(List.of(4L), lines(result));
        List<String> problems = result.skipped().stream().map(TrainingDataException::getMessage).toList();
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L), result.skipped().stream().map(TrainingDataException::line)
                .toList());
        assertTrue(problems.get(0).contains("span [2, 40) in 'spans' lies outside the text (length 13)"),
                problems.get(0));
        assertTrue(problems.get(1).contains("span [9, 2) in 'spans' has end <= start"), problems.get(1));
        assertTrue(problems.get(2).contains("unknown framing device 'spin'"), problems.get(2));
        assertTrue(problems.get(3).contains("unknown label '1'; expected one of [loaded, neutral]"),
                problems.get(3));
        assertTrue(problems.get(4).contains("missing field 'spans'"), problems.get(4));
    }

    @Test
    void malformedJsonlLineIsARowErrorAtItsPhysicalLine() throws IOException {
        String jsonl = """
                {"text":"A ruinous tax","label":"1"}

                {"text":"broken","label":
                ["not", "an", "object"]
                {"text":42,"label":"1"}
                {"text":"fine","label":"0"} trailing
                {"text":"The tax rose","label":"0"}
                """;
        Path file = write("malformed.jsonl", jsonl);

        TrainingDataException e = readFails(file, TEXT_LABEL, false);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3: malformed JSON"), e.getMessage());

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL, true);
        assertEquals(List.of(1L, 7L), lines(result));
        assertEquals(List.of(3L, 4L, 5L, 6L), result.skipped().stream().map(TrainingDataException::line).toList());
        assertTrue(result.skipped().get(1).getMessage().contains("not a JSON object"));
        assertTrue(result.skipped().get(2).getMessage().contains("field 'text' is not a string"));
        assertTrue(result.skipped().get(3).getMessage().contains("malformed JSON"));
    }

    @Test
    void jsonArrayFileIsExplained() throws IOException {
        Path file = write("array.json", "[{\"text\":\"a\",\"label\":\"1\"}]\n");

        TrainingDataException e = readFails(file, TEXT_LABEL, true);

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("JSON Lines"), e.getMessage());
    }

    @Test
    void jsonlWithByteOrderMarkAndCrlf() throws IOException {
        Path file = write("bom.jsonl", "\uFEFF{\"text\":\"a\",\"label\":true}\r\n{\"text\":\"b\",\"label\":false}\r\n");

        CorpusReadResult result = CorpusReader.read(file, ColumnMapping.of("text", "label", "true"), false);

        assertEquals(List.of(1L, 2L), lines(result));
        assertTrue(result.sentences().get(0).loaded());
        assertFalse(result.sentences().get(1).loaded());
    }

    @Test
    void devicesColumnInCsvAcceptsSeparatedCodes() throws IOException {
        Path file = write("dev.csv",
                "text,label,devices\nA ruinous tax,1,fear; doubt\nPlain,0,\nOdd,1,\"[\"\"fear\"\"]\"\n");

        CorpusReadResult result = CorpusReader.read(file, TEXT_LABEL.withDevicesColumn("devices"), false);

        assertEquals(Set.of(FramingDevice.FEAR, FramingDevice.DOUBT), result.sentences().get(0).devices());
        assertTrue(result.sentences().get(0).devicesKnown());
        assertEquals(Set.of(), result.sentences().get(1).devices());
        assertEquals(Set.of(FramingDevice.FEAR), result.sentences().get(2).devices());
    }
}
