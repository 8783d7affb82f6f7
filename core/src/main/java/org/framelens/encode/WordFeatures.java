package org.framelens.encode;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed table of per-word feature vectors that the network reads beside its trained word embeddings: prior
 * knowledge about English words that the corpus cannot teach (for the default model, the words' valence in the
 * VADER lexicon and their all-MiniLM-L6-v2 vectors). A word absent from the table (after trying a few inflection
 * strips) gets zeros. The table is never trained, so words the corpus never used still carry their knowledge.
 * Immutable and thread-safe.
 *
 * <p>Stored as {@code FLWF}, version, entry count, dimensions, one float scale per dimension, then per entry the word
 * (modified UTF-8) and one signed byte per dimension (value = byte × scale).
 */
public final class WordFeatures {
    private static final int MAGIC = 0x464C5746; // "FLWF"
    private static final int VERSION = 1;
    private static final int MAX_DIMENSIONS = 1024;
    private static final int MAX_ENTRIES = 2_000_000;
    /* tried in order when a word is not in the table: plural, past tense, gerund, adverb */
    private static final String[][] SUFFIXES = {{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"d", ""}, {"ied", "y"},
        {"ing", ""}, {"ing", "e"}, {"ly", ""}, {"ily", "y"}};

    private final Map<String, byte[]> rows;
    private final float[] scales;

    private WordFeatures(Map<String, byte[]> rows, float[] scales) {
        this.rows = rows;
        this.scales = scales;
    }

    /** Quantises {@code vectors} (one per word, all of the same length) to one byte per value. */
    public static WordFeatures of(List<String> words, List<float[]> vectors) {
        if (words.size() != vectors.size() || words.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of words and vectors");
        }
        int dims = vectors.get(0).length;
        if (dims < 1 || dims > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("dimensions must be in [1, " + MAX_DIMENSIONS + "]: " + dims);
        }
        float[] max = new float[dims];
        for (float[] v : vectors) {
            if (v.length != dims) {
                throw new IllegalArgumentException("vectors differ in length: " + v.length + " vs " + dims);
            }
            for (int d = 0; d < dims; d++) {
                max[d] = Math.max(max[d], Math.abs(v[d]));
            }
        }
        float[] scales = new float[dims];
        for (int d = 0; d < dims; d++) {
            scales[d] = max[d] == 0 ? 1f : max[d] / 127f;
        }
        Map<String, byte[]> rows = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            byte[] q = new byte[dims];
            for (int d = 0; d < dims; d++) {
                q[d] = (byte) Math.round(vectors.get(i)[d] / scales[d]);
            }
            rows.put(key(words.get(i)), q);
        }
        return new WordFeatures(rows, scales);
    }

    /** Reads a table written by {@link #write(OutputStream)}; the stream is not closed. */
    public static WordFeatures read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            if (data.readInt() != MAGIC) {
                throw new IOException("not a FrameLens word-feature table (bad magic number)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported word-feature table version " + version);
            }
            int count = data.readInt();
            int dims = data.readInt();
            if (count < 1 || count > MAX_ENTRIES || dims < 1 || dims > MAX_DIMENSIONS) {
                throw new IOException("implausible word-feature table shape: " + count + " words x " + dims);
            }
            float[] scales = new float[dims];
            for (int d = 0; d < dims; d++) {
                scales[d] = data.readFloat();
                if (!Float.isFinite(scales[d]) || scales[d] <= 0) {
                    throw new IOException("invalid scale " + scales[d] + " for dimension " + d);
                }
            }
            Map<String, byte[]> rows = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String word = data.readUTF();
                byte[] q = new byte[dims];
                data.readFully(q);
                if (rows.put(word, q) != null) {
                    throw new IOException("duplicate word '" + word + "' in the word-feature table");
                }
            }
            if (data.read() != -1) {
                throw new IOException("trailing bytes after " + count + " word-feature entries");
            }
            return new WordFeatures(rows, scales);
        } catch (EOFException e) {
            throw new IOException("word-feature table is truncated", e);
        }
    }

    /** Writes the table (entries in alphabetical order, so equal tables give equal bytes); the stream is not closed. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(rows.size());
        data.writeInt(scales.length);
        for (float s : scales) {
            data.writeFloat(s);
        }
        List<String> words = new ArrayList<>(rows.keySet());
        words.sort(null);
        for (String w : words) {
            data.writeUTF(w);
            data.write(rows.get(w));
        }
        data.flush();
    }

    public int dimensions() {
        return scales.length;
    }

    public int size() {
        return rows.size();
    }

    /** Whether the token (or an inflection-stripped form of it) has an entry. */
    public boolean contains(String token) {
        return row(token) != null;
    }

    /**
     * Writes the token's features into {@code out} at {@code offset} (zeros when the word is not in the table).
     */
    public void copyInto(String token, float[] out, int offset) {
        copyRow(row(token), out, offset, 1);
    }

    /**
     * Writes a row found by {@link #row(String)} (null: zeros) into {@code out}, value {@code d} at
     * {@code offset + d * stride}.
     */
    void copyRow(byte[] q, float[] out, int offset, int stride) {
        for (int d = 0; d < scales.length; d++) {
            out[offset + d * stride] = q == null ? 0f : q[d] * scales[d];
        }
    }

    /** The token's features as a new array (zeros when unknown). */
    public float[] vector(String token) {
        float[] v = new float[scales.length];
        copyInto(token, v, 0);
        return v;
    }

    /** The quantised row of a token (or of an inflection-stripped form), or null. */
    byte[] row(String token) {
        String word = key(token);
        byte[] q = rows.get(word);
        if (q != null) {
            return q;
        }
        for (String stem : stems(word)) {
            q = rows.get(stem);
            if (q != null) {
                return q;
            }
        }
        return null;
    }

    /**
     * The inflection-stripped forms a lookup tries, in order, when a word itself has no entry ("slammed": "slamm",
     * "slam", "slamme"). Table builders use it to leave out inflections that already resolve to their stem.
     */
    public static List<String> stems(String token) {
        String word = key(token);
        List<String> out = new ArrayList<>(4);
        for (String[] s : SUFFIXES) {
            if (word.length() > s[0].length() + 2 && word.endsWith(s[0])) {
                String stem = word.substring(0, word.length() - s[0].length()) + s[1];
                out.add(stem);
                int n = stem.length();
                if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2)) {
                    out.add(stem.substring(0, n - 1)); // slammed -> slamm -> slam
                }
            }
        }
        return out;
    }

    private static String key(String token) {
        return token.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WordFeatures other) || !Arrays.equals(scales, other.scales)
                || rows.size() != other.rows.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : rows.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.rows.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return rows.size() * 31 + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "WordFeatures[" + rows.size() + " words x " + scales.length + "]";
    }
}
