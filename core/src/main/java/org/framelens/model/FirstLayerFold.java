package org.framelens.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network's embedding and first convolution folded into per-token rows, for inference.
 *
 * <p>The first convolution is linear in its input, and its input is a token's embedding row beside its fixed word
 * features. So what one token contributes to it at each kernel offset is a row that depends only on the token: for
 * most tokens only on its vocabulary id. Summing the rows of a token's neighbours replaces the embedding lookup, the
 * merge and the convolution — most of the network's arithmetic — with a few hundred float additions per token. An
 * id's row is computed the first time the id is seen (computing all of them up front cost a tenth of a second of
 * start-up); tokens whose features the id does not determine (unknown words, words with digits) add theirs to it,
 * and such rows are kept by id and features in a bounded map. Thread-safe: rows are published through an atomic array
 * and a concurrent map, and two threads computing one row compute the same.
 */
final class FirstLayerFold {
    /** Bounds {@link #featureRows} (about 1 kB a row); when full it is cleared, as the encoder's cache is. */
    private static final int MAX_FEATURE_ROWS = 4096;

    private final int channels;
    private final int kernel;
    /** Positions a "same" convolution pads before the sequence: token t sees t - before ... t - before + kernel - 1. */
    private final int before;
    private final int embeddingSize;
    private final int featureDimensions;
    private final SentenceEncoder encoder;
    /** {@code [id][e]}: the trained embedding table. */
    private final float[] embeddings;
    /*
     * Rows and weights are kept as [offset][channel] arrays: the JIT vectorises a loop over two arrays from index
     * 0, not one at differing offsets into flat arrays (which could alias), and that was most of the fold's time.
     */
    /** {@code [e][offset][channel]}: the convolution weights over embedding values. */
    private final float[][][] embeddingWeights;
    /** {@code [dimension][offset][channel]}: the convolution weights over word features. */
    private final float[][][] featureWeights;
    private final float[] bias;
    /** Per id, once computed: its row, word features included when the id determines them. */
    private final AtomicReferenceArray<IdRow> rows;
    /*
     * Rows of tokens whose features the id does not determine, by id and features: computing one costs about as much
     * as summing a sentence, and the same unknown names and numbers recur.
     */
    private final ConcurrentHashMap<FeatureKey, float[][]> featureRows = new ConcurrentHashMap<>();

    /** @param values {@code [offset][channel]}: what the token adds to the position {@code offset} before it */
    private record IdRow(float[][] values, boolean complete) {
    }

    private record FeatureKey(int id, float[] features) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FeatureKey k && k.id == id && Arrays.equals(k.features, features);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(features);
        }
    }

    private FirstLayerFold(int channels, int kernel, int embeddingSize, int featureDimensions, SentenceEncoder encoder,
                           float[] embeddings, float[][][] embeddingWeights, float[][][] featureWeights, float[] bias) {
        this.channels = channels;
        this.kernel = kernel;
        this.before = (kernel - 1) / 2;
        this.embeddingSize = embeddingSize;
        this.featureDimensions = featureDimensions;
        this.encoder = encoder;
        this.embeddings = embeddings;
        this.embeddingWeights = embeddingWeights;
        this.featureWeights = featureWeights;
        this.bias = bias;
        this.rows = new AtomicReferenceArray<>(embeddings.length / embeddingSize);
    }

    /**
     * Folds {@code graph}'s embedding layer and layer {@code conv} (a "same" 1-D convolution with bias, no dilation,
     * stride 1), reading the fixed word features of each vocabulary id from {@code encoder}.
     */
    static FirstLayerFold of(ComputationGraph graph, String embedding, String conv, SentenceEncoder encoder) {
        if (graph.getVertex(embedding) == null || graph.getVertex(conv) == null || !graph.getVertex(conv).hasLayer()
                || !(graph.getLayer(conv).conf().getLayer() instanceof Convolution1DLayer layer)) {
            throw new IllegalArgumentException("not a FrameLens network: no embedding layer '" + embedding
                    + "' feeding a 1-D convolution '" + conv + "'");
        }
        if (layer.getConvolutionMode() != ConvolutionMode.Same || layer.getDilation()[0] != 1
                || layer.getStride()[0] != 1 || !layer.hasBias()) {
            throw new IllegalArgumentException("only a biased, undilated, stride-1 \"same\" convolution folds");
        }
        INDArray w = graph.getLayer(conv).getParam("W");
        INDArray emb = graph.getLayer(embedding).getParam("W"); // [vocabulary, embeddingSize]
        int channels = (int) w.size(0);
        int inputs = (int) w.size(1);
        int kernel = (int) w.size(2);
        int embeddingSize = (int) emb.size(1);
        int dims = encoder.featureDimensions();
        if (inputs != embeddingSize + dims || emb.size(0) != encoder.vocabulary().size()) {
            throw new IllegalArgumentException("the network reads " + emb.size(0) + " ids and " + inputs
                    + " values per token, the encoder gives " + encoder.vocabulary().size() + " ids and "
                    + (embeddingSize + dims) + " values");
        }
        /*
         * DL4J reports the weights as [channels, inputs, kernel, 1], but M2.1's native conv1d reads the same buffer
         * as [kernel, inputs, channels] (checked with unit impulses; InferenceNetworkTest holds it to the graph).
         * Rearranged to [inputs][kernel][channels].
         */
        float[][][] byInput = new float[inputs][kernel][];
        float[] flat = w.dup('c').data().asFloat();
        for (int k = 0; k < kernel; k++) {
            for (int i = 0; i < inputs; i++) {
                byInput[i][k] = Arrays.copyOfRange(flat, (k * inputs + i) * channels,
                        (k * inputs + i + 1) * channels);
            }
        }
        return new FirstLayerFold(channels, kernel, embeddingSize, dims, encoder, emb.dup('c').data().asFloat(),
                Arrays.copyOfRange(byInput, 0, embeddingSize),
                Arrays.copyOfRange(byInput, embeddingSize, inputs),
                graph.getLayer(conv).getParam("b").dup().data().asFloat());
    }

    int channels() {
        return channels;
    }

    /** Per-caller working memory for {@link #activations}, reused call after call (the fold itself is shared). */
    final class Buffers {
        /** Per position of the current sentence: the row it contributes. */
        private float[][][] tokenRows = new float[0][][];
        /** One position's sums before ReLU. */
        private final float[] sum = new float[channels];

        private void fit(int width) {
            if (tokenRows.length < width) {
                tokenRows = new float[width][][];
            }
        }
    }

    Buffers buffers() {
        return new Buffers();
    }

    /**
     * Writes the first convolution's ReLU activations for the batch's sentences {@code from} to {@code to}
     * (exclusive) into {@code out} as the input rows of the layer after it ({@code next}), one row per position,
     * {@code [sentence - from][position]} over the batch's width; padding rows are zero, as the network's mask layer
     * leaves them. A sentence of no tokens counts as one padding token, as in {@link FramingNetwork}'s mask.
     */
    void convolutionRows(EncodedBatch batch, int from, int to, Buffers buffers, ConvolutionRows next, float[] out) {
        FramingNetwork.checkFeatureDimensions(featureDimensions, batch);
        if (next.channels() != channels) {
            throw new IllegalArgumentException("the next layer reads " + next.channels() + " channels, not "
                    + channels);
        }
        int width = batch.width();
        buffers.fit(width);
        Arrays.fill(out, 0, (to - from) * width * next.columns(), 0f);
        for (int i = from; i < to; i++) {
            int length = Math.max(1, batch.lengths()[i]);
            int[] ids = batch.ids()[i];
            float[] features = batch.features()[i];
            // a lean batch packs the features of the tokens that need them (EncodedBatch), a full one pads them
            boolean packed = batch.idFeaturesOmitted();
            int stride = packed ? features.length / Math.max(1, featureDimensions) : width;
            int packedToken = 0;
            for (int t = 0; t < length; t++) {
                IdRow row = idRow(ids[t]);
                if (row.complete()) {
                    buffers.tokenRows[t] = row.values();
                } else if (t >= batch.lengths()[i]) { // an empty sentence's padding position: zero features
                    buffers.tokenRows[t] = withFeatures(ids[t], row, new float[featureDimensions], 0, 1);
                } else {
                    buffers.tokenRows[t] = withFeatures(ids[t], row, features, packed ? packedToken++ : t, stride);
                }
            }
            if (packed && packedToken * featureDimensions != features.length) {
                throw new IllegalArgumentException("sentence " + i + " carries word features for "
                        + features.length / Math.max(1, featureDimensions) + " tokens, its ids need " + packedToken
                        + ": encoded with another vocabulary?");
            }
            float[] sum = buffers.sum;
            for (int t = 0; t < length; t++) {
                System.arraycopy(bias, 0, sum, 0, channels);
                for (int k = 0; k < kernel; k++) {
                    int source = t + k - before;
                    if (source >= 0 && source < length) {
                        float[] row = buffers.tokenRows[source][k];
                        for (int c = 0; c < sum.length; c++) {
                            sum[c] += row[c];
                        }
                    }
                }
                for (int c = 0; c < channels; c++) {
                    sum[c] = Math.max(0f, sum[c]);
                }
                next.place(sum, t, length, (i - from) * width, out);
            }
        }
    }

    /**
     * The contribution of a token whose id's row could not include its word features: that row plus the features
     * (value {@code d} at {@code features[offset + d * stride]}) times their weights.
     */
    private float[][] withFeatures(int id, IdRow row, float[] features, int offset, int stride) {
        float[] own = new float[featureDimensions];
        for (int d = 0; d < featureDimensions; d++) {
            own[d] = features[offset + d * stride];
        }
        FeatureKey key = new FeatureKey(id, own);
        float[][] values = featureRows.get(key);
        if (values == null) {
            values = new float[kernel][];
            for (int k = 0; k < kernel; k++) {
                values[k] = row.values()[k].clone();
            }
            for (int d = 0; d < featureDimensions; d++) {
                addScaled(values, featureWeights[d], own[d]);
            }
            if (featureRows.size() >= MAX_FEATURE_ROWS) {
                featureRows.clear();
            }
            featureRows.put(key, values);
        }
        return values;
    }

    private IdRow idRow(int id) {
        IdRow row = rows.get(id);
        if (row == null) {
            float[][] values = new float[kernel][channels];
            for (int e = 0; e < embeddingSize; e++) {
                addScaled(values, embeddingWeights[e], embeddings[id * embeddingSize + e]);
            }
            Optional<float[]> features = encoder.featuresOfId(id);
            for (int d = 0; d < featureDimensions && features.isPresent(); d++) {
                addScaled(values, featureWeights[d], features.get()[d]);
            }
            row = new IdRow(values, features.isPresent());
            rows.set(id, row);
        }
        return row;
    }

    /** {@code out += scale * weights} over one row. */
    private static void addScaled(float[][] out, float[][] weights, float scale) {
        if (scale == 0f) {
            return;
        }
        for (int k = 0; k < out.length; k++) {
            float[] o = out[k];
            float[] w = weights[k];
            for (int c = 0; c < o.length; c++) {
                o[c] += scale * w[c];
            }
        }
    }
}
