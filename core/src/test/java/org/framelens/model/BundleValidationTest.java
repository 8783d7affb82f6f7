package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.framelens.BundleException;
import org.framelens.BundleException.Reason;
import org.framelens.FrameLens;
import org.framelens.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleValidationTest {
    private static byte[] valid;

    @BeforeAll
    static void writeValidBundle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleIO.write(Fixtures.tinyBundle(), out);
        valid = out.toByteArray();
    }

    private static BundleException reject(byte[] bytes) {
        return assertThrows(BundleException.class, () -> BundleIO.read(new ByteArrayInputStream(bytes), "test.zip"));
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] withManifest(Consumer<ObjectNode> edit) throws IOException {
        Map<String, byte[]> m = entries(valid);
        ObjectNode manifest = (ObjectNode) BundleIO.json().readTree(m.get(BundleIO.MANIFEST));
        edit.accept(manifest);
        m.put(BundleIO.MANIFEST, BundleIO.json().writeValueAsBytes(manifest));
        return zip(m);
    }

    @Test
    void validBundleLoads() {
        BundleIO.read(new ByteArrayInputStream(valid), "test.zip");
    }

    @Test
    void truncatedFileIsUnreadable() {
        BundleException e = reject(Arrays.copyOf(valid, valid.length / 2));
        assertTrue(e.reason() == Reason.UNREADABLE || e.reason() == Reason.MISSING_ENTRY, e.reason().toString());
        assertTrue(e.getMessage().contains("test.zip"), e.getMessage());
    }

    @Test
    void flippedByteIsRejected() {
        // every position in the payload must be caught, whether by the zip CRC or by the manifest hashes
        for (int pos = 100; pos < valid.length - 100; pos += Math.max(1, valid.length / 25)) {
            byte[] bad = valid.clone();
            bad[pos] ^= 0x5A;
            BundleException e = reject(bad);
            assertTrue(e.reason() == Reason.UNREADABLE || e.reason() == Reason.HASH_MISMATCH
                    || e.reason() == Reason.MISSING_ENTRY, "position " + pos + ": " + e.reason());
        }
    }

    @Test
    void notAZipIsUnreadable() {
        assertEquals(Reason.UNREADABLE, reject("hello, world".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Reason.UNREADABLE, reject(new byte[0]).reason());
    }

    @Test
    void missingEntryIsNamed() throws IOException {
        Map<String, byte[]> m = entries(valid);
        m.remove(BundleIO.VOCABULARY);
        BundleException e = reject(zip(m));
        assertEquals(Reason.MISSING_ENTRY, e.reason());
        assertTrue(e.getMessage().contains("vocab.txt"), e.getMessage());
    }

    @Test
    void tamperedWeightsFailTheChecksum() throws IOException {
        Map<String, byte[]> m = entries(valid);
        byte[] net = m.get(BundleIO.NETWORK);
        net[net.length / 2] ^= 1;
        BundleException e = reject(zip(m));
        assertEquals(Reason.HASH_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("network.zip") && e.getMessage().contains("CRC-32C"), e.getMessage());
    }

    @Test
    void bundlesWrittenBeforeChecksumsAreCheckedAgainstTheirSha256() throws IOException {
        Map<String, byte[]> m = entries(valid);
        ObjectNode manifest = (ObjectNode) BundleIO.json().readTree(m.get(BundleIO.MANIFEST));
        manifest.remove("checksums");
        m.put(BundleIO.MANIFEST, BundleIO.json().writeValueAsBytes(manifest));
        assertTrue(BundleIO.read(new ByteArrayInputStream(zip(m)), "older bundle").manifest().checksums().isEmpty());

        byte[] net = m.get(BundleIO.NETWORK);
        net[net.length / 2] ^= 1;
        BundleException e = reject(zip(m));
        assertEquals(Reason.HASH_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void unknownFormatVersionIsUnsupported() throws IOException {
        BundleException e = reject(withManifest(m -> m.put("formatVersion", 99)));
        assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void vocabularySizeMismatchIsReported() throws IOException {
        BundleException e = reject(withManifest(m -> m.put("vocabularySize", m.get("vocabularySize").asInt() + 1)));
        assertEquals(Reason.MANIFEST_MISMATCH, e.reason());
    }

    @Test
    void vocabularyThatDisagreesWithTheNetworkIsReported() throws IOException {
        Map<String, byte[]> m = entries(valid);
        byte[] vocab = (new String(m.get(BundleIO.VOCABULARY), StandardCharsets.UTF_8) + "extra\n")
                .getBytes(StandardCharsets.UTF_8);
        m.put(BundleIO.VOCABULARY, vocab);
        ObjectNode manifest = (ObjectNode) BundleIO.json().readTree(m.get(BundleIO.MANIFEST));
        ((ObjectNode) manifest.get("entries")).put(BundleIO.VOCABULARY, BundleIO.sha256(vocab));
        ((ObjectNode) manifest.get("checksums")).put(BundleIO.VOCABULARY, BundleIO.crc32c(vocab));
        manifest.put("vocabularySize", manifest.get("vocabularySize").asInt() + 1);
        m.put(BundleIO.MANIFEST, BundleIO.json().writeValueAsBytes(manifest));
        BundleException e = reject(zip(m));
        assertEquals(Reason.MANIFEST_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("network expects"), e.getMessage());
    }

    @Test
    void wrongTokenizerIsReported() throws IOException {
        BundleException e = reject(withManifest(m -> m.put("tokenizer", "whitespace")));
        assertEquals(Reason.MANIFEST_MISMATCH, e.reason());
    }

    @Test
    void missingFileIsUnreadable(@TempDir Path dir) {
        BundleException e = assertThrows(BundleException.class, () -> FrameLens.load(dir.resolve("nope.zip")));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertThrows(BundleException.class, () -> FrameLens.load(dir));
    }

    @Test
    void failedWriteLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        // the target is a non-empty folder, so the final rename fails after the bundle was fully written
        Path target = dir.resolve("model.zip");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "previous content");
        BundleException e = assertThrows(BundleException.class, () -> BundleIO.write(Fixtures.tinyBundle(), target));
        assertEquals(Reason.WRITE_FAILED, e.reason());
        assertEquals("previous content", Files.readString(target.resolve("keep.txt")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file was removed");
        }
    }

    @Test
    void unwritableLocationIsAWriteFailure(@TempDir Path dir) throws IOException {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        BundleException e = assertThrows(BundleException.class,
                () -> BundleIO.write(Fixtures.tinyBundle(), notAFolder.resolve("model.zip")));
        assertEquals(Reason.WRITE_FAILED, e.reason());
    }

    @Test
    void rewritingReplacesTheBundleWhole(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model.zip");
        Files.writeString(target, "old bundle");
        BundleIO.write(Fixtures.tinyBundle(), target);
        BundleIO.read(target);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
