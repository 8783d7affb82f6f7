package org.framelens.model;

import java.util.Optional;
import org.framelens.encode.WordFeatures;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.framelens.BundleException;
import org.framelens.BundleException.Reason;
import org.framelens.FramingDevice;
import org.framelens.encode.Vocabulary;
import org.framelens.text.TokenizerAdapter;

/**
 * Reads and writes model bundles. A bundle is one zip: {@code manifest.json}, {@code vocab.txt} (one entry per line,
 * in id order), {@code network.zip} (DL4J's own format) and, for a network that reads them, {@code word-features.bin}
 * ({@link WordFeatures}). Writing goes to a temporary file that is then renamed,
 * so an interrupted write never replaces a good bundle. Reading validates everything before returning.
 */
public final class BundleIO {
    public static final String MANIFEST = "manifest.json";
    public static final String VOCABULARY = "vocab.txt";
    public static final String NETWORK = "network.zip";
    public static final String WORD_FEATURES = "word-features.bin";
    private static final List<String> REQUIRED = List.of(MANIFEST, VOCABULARY, NETWORK);
    /** Refuse to inflate more than this: a bundle is a few MB, a zip bomb is not. */
    private static final long MAX_BYTES = 512L << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BundleIO() {
    }

    /** The JSON mapper used for manifests (also handy for reports). */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Writes a bundle atomically: to {@code target + ".tmp-*"} in the same folder, then renamed over {@code target}.
     *
     * @throws BundleException with reason WRITE_FAILED if it cannot be written; the previous file is kept
     */
    public static void write(ModelBundle bundle, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                // temp files are created owner-only; a model file is meant to be shared like any other
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(bundle, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temp file
                }
            }
            if (e instanceof BundleException be) {
                throw be;
            }
            throw new BundleException(Reason.WRITE_FAILED, "cannot write model bundle " + target + ": " + e, e);
        }
    }

    /** Writes a bundle to a stream (not atomic; see {@link #write(ModelBundle, Path)}). */
    public static void write(ModelBundle bundle, OutputStream out) throws IOException {
        byte[] vocab = (String.join("\n", bundle.vocabulary().words()) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] network = bundle.network().toBytes();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put(VOCABULARY, vocab);
        contents.put(NETWORK, network);
        if (bundle.wordFeatures().isPresent()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            bundle.wordFeatures().get().write(buffer);
            contents.put(WORD_FEATURES, buffer.toByteArray());
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        contents.forEach((name, data) -> {
            hashes.put(name, sha256(data));
            checksums.put(name, crc32c(data));
        });
        byte[] manifest = JSON.writeValueAsBytes(bundle.manifest().withEntries(hashes, checksums));
        ZipOutputStream zip = new ZipOutputStream(out);
        put(zip, MANIFEST, manifest);
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            put(zip, entry.getKey(), entry.getValue());
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // reproducible archives
        if (name.equals(WORD_FEATURES) || name.equals(NETWORK)) {
            // stored: the network is a zip already, the table's quantised rows shrink by 10%, and inflating them
            // took a tenth of a cold start
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** Reads and validates a bundle file. */
    public static ModelBundle read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + file + " cannot be read: " + e, e);
        }
    }

    /**
     * Reads and validates a bundle from a stream.
     *
     * @param name how to call the bundle in error messages
     * @throws BundleException naming the failed check
     */
    public static ModelBundle read(InputStream in, String name) {
        NativeSettings.startBackend(); // overlaps with unzipping, checking and parsing the entries
        Map<String, byte[]> entries = unzip(in, name);
        for (String required : REQUIRED) {
            if (!entries.containsKey(required)) {
                throw new BundleException(Reason.MISSING_ENTRY, "model bundle " + name + ": entry " + required
                        + " is missing; the file is not a FrameLens bundle or is incomplete");
            }
        }
        BundleManifest manifest = parseManifest(entries.get(MANIFEST), name);
        List<String> hashed = new java.util.ArrayList<>(List.of(VOCABULARY, NETWORK));
        if (entries.containsKey(WORD_FEATURES) || manifest.entries().containsKey(WORD_FEATURES)) {
            if (!entries.containsKey(WORD_FEATURES)) {
                throw new BundleException(Reason.MISSING_ENTRY, "model bundle " + name + ": entry " + WORD_FEATURES
                        + " is listed in the manifest but missing");
            }
            hashed.add(WORD_FEATURES);
        }
        // CRC-32C where the manifest has it: the check guards against corruption and mixed-up entries, not against
        // tampering (whoever can edit an entry can edit the manifest), and hashing the bundle's 15 MB with SHA-256
        // in a JVM that has not compiled it yet took 0.15 s of a 1.1 s cold start, CRC-32C 5 ms
        boolean crc = !manifest.checksums().isEmpty();
        String algorithm = crc ? "CRC-32C" : "SHA-256";
        for (String entry : hashed) {
            String expected = (crc ? manifest.checksums() : manifest.entries()).get(entry);
            if (expected == null) {
                throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name
                        + ": manifest has no " + algorithm + " for " + entry);
            }
            byte[] data = entries.get(entry);
            if (!expected.equalsIgnoreCase(crc ? crc32c(data) : sha256(data))) {
                throw new BundleException(Reason.HASH_MISMATCH, "model bundle " + name + ": entry " + entry
                        + " " + algorithm + " mismatch; the file is corrupt or was edited; retrain or restore it");
            }
        }
        Vocabulary vocabulary = parseVocabulary(entries.get(VOCABULARY), name);
        checkManifest(manifest, vocabulary, name);
        Optional<WordFeatures> features = Optional.empty();
        if (entries.containsKey(WORD_FEATURES)) {
            try {
                features = Optional.of(WordFeatures.read(new java.io.ByteArrayInputStream(entries.get(WORD_FEATURES))));
            } catch (IOException e) {
                throw new BundleException(Reason.UNREADABLE, "model bundle " + name + ": " + WORD_FEATURES
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        FramingNetwork network;
        try {
            NativeSettings.BACKEND.get();
            network = network(manifest, entries.get(NETWORK), vocabulary.size(),
                    features.map(WordFeatures::dimensions).orElse(0));
        } catch (IOException | RuntimeException e) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + name + ": network cannot be loaded: "
                    + e.getMessage(), e);
        }
        if (network.vocabularySize() != vocabulary.size()) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + ": network expects "
                    + network.vocabularySize() + " vocabulary entries but vocab.txt has " + vocabulary.size());
        }
        try {
            return new ModelBundle(manifest, vocabulary, network, features);
        } catch (IllegalArgumentException e) {
            // ModelBundle checks that the network and the word-feature table agree
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundle's network: rebuilt from its training configuration, reading only the parameters, when the bundle
     * names this version's {@link FramingNetwork#ARCHITECTURE} and its parameters fit (DL4J's parsing of the stored
     * graph took a third of a second of a cold start); otherwise restored from the stored graph, the authority.
     */
    private static FramingNetwork network(BundleManifest manifest, byte[] bytes, int vocabularySize,
                                          int featureDimensions) throws IOException {
        Map<String, Object> config = manifest.trainingConfig();
        Optional<NetworkSpec> spec = config.get("network") instanceof Map<?, ?> m ? NetworkSpec.fromMap(m)
                : Optional.empty();
        if (FramingNetwork.ARCHITECTURE.equals(manifest.versions().get(BundleManifest.ARCHITECTURE))
                && spec.isPresent() && config.get("learningRate") instanceof Number learningRate) {
            Optional<FramingNetwork> rebuilt = FramingNetwork.fromParameters(bytes, FramingNetwork.configuration(
                    spec.get(), vocabularySize, featureDimensions, manifest.seed(), learningRate.doubleValue(),
                    Boolean.TRUE.equals(config.get("freezeEmbeddings"))));
            if (rebuilt.isPresent()) {
                return rebuilt.get();
            }
        }
        return FramingNetwork.fromBytes(bytes);
    }

    private static Map<String, byte[]> unzip(InputStream in, String name) {
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            byte[] buf = new byte[1 << 16];
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int r;
                while ((r = zip.read(buf)) > 0) {
                    total += r;
                    if (total > MAX_BYTES) {
                        throw new BundleException(Reason.UNREADABLE, "model bundle " + name
                                + " inflates to more than " + (MAX_BYTES >> 20) + " MB; refusing to read it");
                    }
                    out.write(buf, 0, r);
                }
                if (entries.put(e.getName(), out.toByteArray()) != null) {
                    throw new BundleException(Reason.UNREADABLE, "model bundle " + name + ": duplicate entry "
                            + e.getName());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + name
                    + " is not a readable zip (truncated or corrupt): " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + name
                    + " is empty or not a zip archive; expected a FrameLens bundle");
        }
        return entries;
    }

    private static BundleManifest parseManifest(byte[] bytes, String name) {
        Map<?, ?> raw;
        try {
            raw = JSON.readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + name + ": manifest.json is not valid JSON: "
                    + e.getMessage(), e);
        }
        Object version = raw.get("formatVersion");
        if (!(version instanceof Integer v) || v != BundleManifest.FORMAT_VERSION) {
            throw new BundleException(Reason.UNSUPPORTED_FORMAT, "model bundle " + name + " has format version "
                    + version + "; this FrameLens reads version " + BundleManifest.FORMAT_VERSION
                    + "; use a matching FrameLens release or retrain the model");
        }
        try {
            return JSON.readValue(bytes, BundleManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new BundleException(Reason.UNREADABLE, "model bundle " + name + ": manifest.json is malformed: "
                    + e.getMessage(), e);
        }
    }

    private static Vocabulary parseVocabulary(byte[] bytes, String name) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> words = Arrays.asList(text.split("\n", -1));
        if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
            words = words.subList(0, words.size() - 1);
        }
        try {
            return Vocabulary.of(words);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + ": vocab.txt is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static void checkManifest(BundleManifest m, Vocabulary vocabulary, String name) {
        if (m.vocabularySize() != vocabulary.size()) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + ": manifest says "
                    + m.vocabularySize() + " vocabulary entries but vocab.txt has " + vocabulary.size());
        }
        if (!TokenizerAdapter.IDENTITY.equals(m.tokenizer())) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + " was built with tokenizer '"
                    + m.tokenizer() + "' but this FrameLens uses '" + TokenizerAdapter.IDENTITY + "'; retrain it");
        }
        List<String> codes = Arrays.stream(FramingDevice.values()).map(FramingDevice::code).toList();
        if (!codes.equals(m.devices())) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + " has device families "
                    + m.devices() + "; expected " + codes);
        }
        if (!List.of("NEUTRAL", "LOADED").equals(m.labels())) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + " has labels " + m.labels()
                    + "; expected [NEUTRAL, LOADED]");
        }
        if (!(m.threshold() > 0 && m.threshold() < 1) || !(m.tokenThreshold() > 0 && m.tokenThreshold() < 1)) {
            throw new BundleException(Reason.MANIFEST_MISMATCH, "model bundle " + name + " has thresholds outside (0, 1)");
        }
    }

    /**
     * Any JSON-serialisable value as the plain map it reads back as, so that a manifest compares equal to itself
     * after a write and a read.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsonMap(Object value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
        }
    }

    /** Hex CRC-32C of bytes, eight digits. */
    public static String crc32c(byte[] data) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(data, 0, data.length);
        return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
