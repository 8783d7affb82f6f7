package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.framelens.BundleException;
import org.framelens.FrameLens;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.encode.WordFeatures;
import org.framelens.train.LabelledSentence;
import org.framelens.train.Trainer;
import org.framelens.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network that reads a word-feature table beside its embeddings: training, scoring, bundle round trip. */
class WordFeaturesModelTest {
    @TempDir
    static Path dir;
    static ModelBundle bundle;

    private static final String[] NEUTRAL = {"annual", "revised", "final", "regional", "updated", "draft"};
    private static final String[] LOADED = {"disastrous", "shameful", "reckless", "sinister", "catastrophic",
        "outrageous"};
    private static final String[] SUBJECTS = {"The council", "The ministry", "The committee", "Lawmakers",
        "The agency", "The mayor"};
    private static final String[] OBJECTS = {"budget plan", "housing rules", "transport policy", "water report"};

    @BeforeAll
    static void train() throws Exception {
        // feature 0 marks emotive words: the corpus's loaded adjectives and one adjective it never uses
        List<String> words = new ArrayList<>(List.of("ruinous"));
        List<float[]> vectors = new ArrayList<>(List.of(new float[] {1, 0.5f}));
        for (String w : LOADED) {
            words.add(w);
            vectors.add(new float[] {1, 0.5f});
        }
        for (String w : NEUTRAL) {
            words.add(w);
            vectors.add(new float[] {0, -0.5f});
        }
        Path table = dir.resolve("features.bin");
        try (OutputStream out = Files.newOutputStream(table)) {
            WordFeatures.of(words, vectors).write(out);
        }
        // loaded and neutral sentences differ only in the adjective, so only the word (or its features) decides
        bundle = new Trainer().train(corpus(240, 1), corpus(60, 2), Fixtures.tinyConfig().toBuilder()
                .wordFeatures(table.toString()).wordDropout(0.3).build(), TrainingListener.none()).bundle();
    }

    private static List<LabelledSentence> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<LabelledSentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean loaded = i % 2 == 1;
            String[] adjectives = loaded ? LOADED : NEUTRAL;
            String text = SUBJECTS[r.nextInt(SUBJECTS.length)] + " approved the "
                    + adjectives[r.nextInt(adjectives.length)] + " " + OBJECTS[r.nextInt(OBJECTS.length)] + ".";
            out.add(new LabelledSentence(text, loaded, List.of(), false, Set.of(), false, "synthetic", "train",
                    "word-features", i + 1));
        }
        return out;
    }

    @Test
    void networkReadsTheTable() {
        assertEquals(2, bundle.network().featureDimensions());
        assertEquals(13, bundle.wordFeatures().orElseThrow().size());
    }

    @Test
    void unseenWordWithEmotiveFeaturesScoresAboveAnUnseenPlainWord() {
        FramingScorer scorer = FrameLens.fromBundle(bundle);
        // neither "ruinous" nor "purple" occurs in training: only the table tells them apart
        double emotive = scorer.score("The council approved the ruinous budget plan.").probability();
        double plain = scorer.score("The council approved the purple budget plan.").probability();
        assertTrue(emotive > plain + 0.2, "ruinous " + emotive + " vs purple " + plain);
    }

    @Test
    void roundTripKeepsTheTableAndTheScores() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleIO.write(bundle, out);
        ModelBundle back = BundleIO.read(new ByteArrayInputStream(out.toByteArray()), "features.zip");
        assertEquals(bundle.wordFeatures(), back.wordFeatures());
        List<String> sentences = List.of("The mayor delayed the reckless tax proposal on 9 May.",
                "Lawmakers debated a transport policy on 2 May.", "A despicable, sinister plan.");
        var a = FrameLens.fromBundle(bundle).scoreAll(sentences);
        var b = FrameLens.fromBundle(back).scoreAll(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(a.get(i).probability(), b.get(i).probability(), 0.0);
            assertTrue(Double.isFinite(a.get(i).probability()));
        }
    }

    @Test
    void aBundleWhoseTableIsMissingOrTamperedIsRejected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleIO.write(bundle, out);
        Map<String, byte[]> entries = BundleValidationTest.entries(out.toByteArray());

        Map<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove(BundleIO.WORD_FEATURES);
        assertEquals(BundleException.Reason.MISSING_ENTRY, reject(BundleValidationTest.zip(missing)).reason());

        Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
        byte[] table = tampered.get(BundleIO.WORD_FEATURES).clone();
        table[table.length - 1] ^= 1;
        tampered.put(BundleIO.WORD_FEATURES, table);
        BundleException e = reject(BundleValidationTest.zip(tampered));
        assertEquals(BundleException.Reason.HASH_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains(BundleIO.WORD_FEATURES), e.getMessage());
    }

    @Test
    void theIncompressibleEntriesAreStoredSoThatLoadingNeedNotInflateThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleIO.write(bundle, out);
        Map<String, Integer> methods = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                methods.put(e.getName(), e.getMethod());
            }
        }
        assertEquals(ZipEntry.STORED, methods.get(BundleIO.WORD_FEATURES));
        assertEquals(ZipEntry.STORED, methods.get(BundleIO.NETWORK));
        assertEquals(ZipEntry.DEFLATED, methods.get(BundleIO.VOCABULARY));
        assertEquals(ZipEntry.DEFLATED, methods.get(BundleIO.MANIFEST));
    }

    private static BundleException reject(byte[] zip) {
        return org.junit.jupiter.api.Assertions.assertThrows(BundleException.class,
                () -> BundleIO.read(new ByteArrayInputStream(zip), "features.zip"));
    }
}
