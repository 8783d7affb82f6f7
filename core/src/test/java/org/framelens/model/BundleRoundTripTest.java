package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.framelens.FrameLens;
import org.framelens.Fixtures;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
    static final List<String> PROBES = List.of(
            "The council approved the disastrous budget plan on 3 May.",
            "The ministry published the water report on 12 May.",
            "Lawmakers debated the so-called tax proposal.",
            "Officials in Riverton delayed a transport policy.");

    @Test
    void savedAndReloadedBundleScoresIdentically(@TempDir Path dir) throws Exception {
        ModelBundle bundle = Fixtures.tinyBundle();
        Path file = dir.resolve("model.zip");
        BundleIO.write(bundle, file);
        ModelBundle reloaded = BundleIO.read(file);

        assertEquals(bundle.manifest().withEntries(reloaded.manifest().entries(),
                reloaded.manifest().checksums()), reloaded.manifest());
        assertEquals(bundle.vocabulary().words(), reloaded.vocabulary().words());
        FramingScorer a = FrameLens.fromBundle(bundle);
        FramingScorer b = FrameLens.load(file);
        List<SentenceScore> sa = a.scoreAll(PROBES);
        List<SentenceScore> sb = b.scoreAll(PROBES);
        assertEquals(sa, sb);
    }

    @Test
    void writingTheSameBundleTwiceGivesTheSameBytes() throws Exception {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        BundleIO.write(Fixtures.tinyBundle(), one);
        BundleIO.write(Fixtures.tinyBundle(), two);
        assertEquals(BundleIO.sha256(one.toByteArray()), BundleIO.sha256(two.toByteArray()));
        BundleIO.read(new ByteArrayInputStream(one.toByteArray()), "memory");
    }
}
