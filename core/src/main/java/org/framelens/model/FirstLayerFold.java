package org.framelens.model;

import java.util.Optional;
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
 * start-up); tokens whose features the id does not determine (unknown words, words with digits) add theirs each
 * time. Thread-safe: rows are published through an atomic array, and two threads computing one row compute the same.
 */
final class FirstLayerFold {
    private final int channels;
    private final int kernel;
    /** Positions a "same" convolution pads before the sequence: token t sees t - before ... t - before + kernel - 1. */
    private final int before;
    private final int embeddingSize;
    private final int featureDimensions;
    private final int rowWidth;
    private final SentenceEncoder encoder;
    /** {@code [id][e]}: the trained embedding table. */
    private final float[] embeddings;
    /** {@code [e][offset * channels + channel]}: the convolution weights over embedding values. */
    private final float[] embeddingWeights;
    /** {@code [dimension][offset * channels + channel]}: the convolution weights over word features. */
    private final float[] featureWeights;
    private final float[] bias;
    /** Per id, once computed: its row, word features included when the id determines them. */
    private final AtomicReferenceArray<IdRow> rows;

    private record IdRow(float[] values, boolean complete) {
    }

    private FirstLayerFold(int channels, int kernel, int embeddingSize, int featureDimensions, SentenceEncoder encoder,
                           float[] embeddings, float[] embeddingWeights, float[] featureWeights, float[] bias) {
        this.channels = channels;
        this.kernel = kernel;
        this.before = (kernel - 1) / 2;
        this.embeddingSize = embeddingSize;
        this.featureDimensions = featureDimensions;
        this.rowWidth = kernel * channels;
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
         * Rearranged to [inputs, kernel * channels]: column offset * channels + channel.
         */
        float[] byInput = Nd4j.create(w.dup('c').data().asFloat(), new long[] {kernel, inputs, channels}, 'c')
                .permute(1, 0, 2).dup('c').data().asFloat();
        int split = embeddingSize * kernel * channels;
        return new FirstLayerFold(channels, kernel, embeddingSize, dims, encoder, emb.dup('c').data().asFloat(),
                java.util.Arrays.copyOfRange(byInput, 0, split),
                java.util.Arrays.copyOfRange(byInput, split, byInput.length),
                graph.getLayer(conv).getParam("b").dup().data().asFloat());
    }

    int channels() {
        return channels;
    }

    /**
     * The first convolution's ReLU activations for a batch, {@code [sentence][channel][position]} flattened in c
     * order over the batch's width; zero at padding, as the network's mask layer leaves them. A sentence of no
     * tokens counts as one padding token, as in {@link FramingNetwork}'s mask.
     */
    float[] activations(EncodedBatch batch) {
        FramingNetwork.checkFeatureDimensions(featureDimensions, batch);
        int n = batch.size();
        int width = batch.width();
        float[] out = new float[n * channels * width];
        float[] tokenRows = new float[width * rowWidth];
        float[] sum = new float[channels];
        for (int i = 0; i < n; i++) {
            int length = Math.max(1, batch.lengths()[i]);
            int[] ids = batch.ids()[i];
            float[] features = batch.features()[i];
            for (int t = 0; t < length; t++) {
                tokenRow(ids[t], features, t, width, tokenRows, t * rowWidth);
            }
            int base = i * channels * width;
            for (int t = 0; t < length; t++) {
                System.arraycopy(bias, 0, sum, 0, channels);
                for (int k = 0; k < kernel; k++) {
                    int source = t + k - before;
                    if (source >= 0 && source < length) {
                        int from = source * rowWidth + k * channels;
                        for (int c = 0; c < channels; c++) {
                            sum[c] += tokenRows[from + c];
                        }
                    }
                }
                for (int c = 0; c < channels; c++) {
                    out[base + c * width + t] = Math.max(0f, sum[c]);
                }
            }
        }
        return out;
    }

    /**
     * One token's contribution at every kernel offset: its id's row, plus its features times their weights when
     * the row could not include them.
     */
    private void tokenRow(int id, float[] features, int position, int width, float[] out, int at) {
        IdRow row = idRow(id);
        System.arraycopy(row.values(), 0, out, at, rowWidth);
        if (row.complete()) {
            return;
        }
        for (int d = 0; d < featureDimensions; d++) {
            addScaled(out, at, featureWeights, d * rowWidth, features[d * width + position]);
        }
    }

    private IdRow idRow(int id) {
        IdRow row = rows.get(id);
        if (row == null) {
            float[] values = new float[rowWidth];
            for (int e = 0; e < embeddingSize; e++) {
                addScaled(values, 0, embeddingWeights, e * rowWidth, embeddings[id * embeddingSize + e]);
            }
            Optional<float[]> features = encoder.featuresOfId(id);
            for (int d = 0; d < featureDimensions && features.isPresent(); d++) {
                addScaled(values, 0, featureWeights, d * rowWidth, features.get()[d]);
            }
            row = new IdRow(values, features.isPresent());
            rows.set(id, row);
        }
        return row;
    }

    /** {@code out[at ..] += scale * weights[from ..]} over one row. */
    private void addScaled(float[] out, int at, float[] weights, int from, float scale) {
        if (scale == 0f) {
            return;
        }
        for (int j = 0; j < rowWidth; j++) {
            out[at + j] += scale * weights[from + j];
        }
    }
}
