package org.framelens.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordFeaturesTest {
    private static final WordFeatures TABLE = WordFeatures.of(List.of("slam", "annihilate", "party", "brutal", "calm"),
            List.of(new float[] {1f, -0.5f}, new float[] {0.9f, 0.25f}, new float[] {0f, 0.1f},
                    new float[] {0.8f, -1f}, new float[] {0.1f, 0.4f}));

    private static byte[] bytes(WordFeatures table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(out);
        return out.toByteArray();
    }

    @Test
    void valuesSurviveQuantisationWithinOneStep() {
        float[] v = TABLE.vector("brutal");
        assertEquals(0.8f, v[0], 1f / 127);
        assertEquals(-1f, v[1], 1f / 127);
    }

    @Test
    void lookupIgnoresCaseAndStripsCommonInflections() {
        assertArrayEquals(TABLE.vector("slam"), TABLE.vector("Slammed"));
        assertArrayEquals(TABLE.vector("slam"), TABLE.vector("slams"));
        assertArrayEquals(TABLE.vector("annihilate"), TABLE.vector("annihilated"));
        assertArrayEquals(TABLE.vector("party"), TABLE.vector("parties"));
        assertArrayEquals(TABLE.vector("brutal"), TABLE.vector("BRUTALLY"));
        assertTrue(TABLE.contains("calmly"));
    }

    @Test
    void stemsListTheFormsALookupTriesInOrder() {
        assertEquals(List.of("slamm", "slam", "slamme"), WordFeatures.stems("Slammed"));
        assertEquals(List.of("partie", "parti", "party"), WordFeatures.stems("parties"));
        assertEquals(List.of(), WordFeatures.stems("calm"));
        assertEquals(List.of(), WordFeatures.stems("is"), "too short to strip");
        for (String word : List.of("slammed", "parties", "annihilated", "calmly")) {
            assertTrue(WordFeatures.stems(word).stream().anyMatch(TABLE::contains), word);
        }
    }

    @Test
    void unknownWordsGetZeros() {
        assertFalse(TABLE.contains("purple"));
        assertArrayEquals(new float[2], TABLE.vector("purple"));
        assertArrayEquals(new float[2], TABLE.vector("."));
    }

    @Test
    void roundTripIsExactAndDeterministic() throws IOException {
        byte[] written = bytes(TABLE);
        WordFeatures back = WordFeatures.read(new ByteArrayInputStream(written));
        assertEquals(TABLE, back);
        assertEquals(5, back.size());
        assertEquals(2, back.dimensions());
        assertArrayEquals(written, bytes(back));
    }

    @Test
    void damagedTablesAreRejectedWithAReason() throws IOException {
        byte[] good = bytes(TABLE);
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        byte[] badVersion = good.clone();
        badVersion[7] = 9;
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        for (byte[] bad : List.of(badMagic, badVersion, Arrays.copyOf(good, good.length - 3), trailing, new byte[0])) {
            IOException e = assertThrows(IOException.class, () -> WordFeatures.read(new ByteArrayInputStream(bad)));
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void mutatedTablesEitherReadOrFailWithIOException() throws IOException {
        byte[] good = bytes(TABLE);
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = Arrays.copyOf(good, r.nextInt(good.length + 8));
            for (int k = r.nextInt(4); k >= 0 && bad.length > 0; k--) {
                bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
            }
            try {
                WordFeatures read = WordFeatures.read(new ByteArrayInputStream(bad));
                assertTrue(read.size() >= 1 && read.dimensions() >= 1);
            } catch (IOException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }

    @Test
    void rejectsInconsistentVectors() {
        assertThrows(IllegalArgumentException.class,
                () -> WordFeatures.of(List.of("a", "b"), List.of(new float[2], new float[3])));
        assertThrows(IllegalArgumentException.class, () -> WordFeatures.of(List.of("a"), List.of()));
    }
}
