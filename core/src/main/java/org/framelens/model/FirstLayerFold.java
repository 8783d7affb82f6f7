package org.framelens.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import java.util.Optional;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained network's embedding and first convolution folded into lookup tables, for inference.
 *
 * <p>The first convolution is linear in its input, and its input is a token's embedding row beside its fixed word
 * features. So its contribution from one token at each kernel offset is a table row per vocabulary id (embedding
 * part, computed once) plus a small product with the token's features. Summing the rows of a token's neighbours
 * replaces the embedding lookup, the merge and the convolution — most of the network's arithmetic — with a few
 * hundred float additions per token. Immutable and thread-safe.
 */
final class FirstLayerFold {
    private final int channels;
    private final int kernel;
    /** Positions a "same" convolution pads before the sequence: token t sees t - before ... t - before + kernel - 1. */
    private final int before;
    private final int featureDimensions;
    private final int rowWidth;
    /**
     * {@code [id][offset * channels + channel]}: the contribution of a token with this id, its word features
     * included where {@link #complete} says they are the same for every such token.
     */
    private final float[] idRows;
    private final boolean[] complete;
    /** {@code [dimension][offset * channels + channel]}: the convolution weights over word features. */
    private final float[] featureWeights;
    private final float[] bias;

    private FirstLayerFold(int channels, int kernel, int featureDimensions, float[] idRows, boolean[] complete,
                           float[] featureWeights, float[] bias) {
        this.channels = channels;
        this.kernel = kernel;
        this.before = (kernel - 1) / 2;
        this.featureDimensions = featureDimensions;
        this.rowWidth = kernel * channels;
        this.idRows = idRows;
        this.complete = complete;
        this.featureWeights = featureWeights;
        this.bias = bias;
    }

    /**
     * Folds {@code graph}'s embedding layer and layer {@code conv} (a "same" 1-D convolution with bias, no dilation,
     * stride 1), reading the fixed word features of each vocabulary id from {@code encoder}.
     */
    static FirstLayerFold of(ComputationGraph graph, String embedding, String conv, SentenceEncoder encoder) {
        Convolution1DLayer layer = (Convolution1DLayer) graph.getLayer(conv).conf().getLayer();
        if (layer.getConvolutionMode() != ConvolutionMode.Same || layer.getDilation()[0] != 1
                || layer.getStride()[0] != 1 || !layer.hasBias()) {
            throw new IllegalArgumentException("only a biased, undilated, stride-1 \"same\" convolution folds");
        }
        INDArray w = graph.getLayer(conv).getParam("W");
        INDArray emb = graph.getLayer(embedding).getParam("W"); // [vocabulary, embeddingSize]
        int channels = (int) w.size(0);
        int inputs = (int) w.size(1);
        int kernel = (int) w.size(2);
        int vocabulary = (int) emb.size(0);
        int embeddingSize = (int) emb.size(1);
        int dims = encoder.featureDimensions();
        if (inputs != embeddingSize + dims) {
            throw new IllegalArgumentException("the convolution reads " + inputs + " values per token, the"
                    + " embedding and word features give " + (embeddingSize + dims));
        }
        /*
         * DL4J reports the weights as [channels, inputs, kernel, 1], but M2.1's native conv1d reads the same buffer
         * as [kernel, inputs, channels] (checked with unit impulses; InferenceNetworkTest holds it to the graph).
         * Rearranged to [inputs, kernel * channels]: column offset * channels + channel.
         */
        INDArray byInput = Nd4j.create(w.dup('c').data().asFloat(), new long[] {kernel, inputs, channels}, 'c')
                .permute(1, 0, 2).dup('c').reshape('c', inputs, (long) kernel * channels);
        INDArray rows = emb.mmul(byInput.get(NDArrayIndex.interval(0, embeddingSize), NDArrayIndex.all()));
        boolean[] complete = new boolean[vocabulary];
        float[] featureWeights = new float[0];
        if (dims > 0) {
            INDArray featurePart = byInput.get(NDArrayIndex.interval(embeddingSize, embeddingSize + dims),
                    NDArrayIndex.all()).dup('c');
            featureWeights = featurePart.data().asFloat();
            float[] features = new float[vocabulary * dims];
            for (int id = 0; id < vocabulary; id++) {
                Optional<float[]> f = encoder.featuresOfId(id);
                if (f.isPresent()) {
                    System.arraycopy(f.get(), 0, features, id * dims, dims);
                    complete[id] = true;
                }
            }
            rows.addi(Nd4j.create(features, new long[] {vocabulary, dims}, 'c').mmul(featurePart));
        } else {
            java.util.Arrays.fill(complete, true);
        }
        float[] bias = graph.getLayer(conv).getParam("b").dup().data().asFloat();
        return new FirstLayerFold(channels, kernel, dims, rows.dup('c').data().asFloat(), complete, featureWeights,
                bias);
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
        if (batch.featureDimensions() != featureDimensions) {
            throw new IllegalArgumentException("the network reads " + featureDimensions
                    + " word-feature values per token, the batch has " + batch.featureDimensions());
        }
        int n = batch.size();
        int width = batch.width();
        float[] out = new float[n * channels * width];
        float[] rows = new float[width * rowWidth];
        float[] sum = new float[channels];
        for (int i = 0; i < n; i++) {
            int length = Math.max(1, batch.lengths()[i]);
            int[] ids = batch.ids()[i];
            float[] features = batch.features()[i];
            for (int t = 0; t < length; t++) {
                tokenRow(ids[t], features, t, width, rows, t * rowWidth);
            }
            int base = i * channels * width;
            for (int t = 0; t < length; t++) {
                System.arraycopy(bias, 0, sum, 0, channels);
                for (int k = 0; k < kernel; k++) {
                    int source = t + k - before;
                    if (source >= 0 && source < length) {
                        int from = source * rowWidth + k * channels;
                        for (int c = 0; c < channels; c++) {
                            sum[c] += rows[from + c];
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
     * the row could not include them (unknown words, words with digits).
     */
    private void tokenRow(int id, float[] features, int position, int width, float[] rows, int at) {
        System.arraycopy(idRows, id * rowWidth, rows, at, rowWidth);
        if (complete[id]) {
            return;
        }
        for (int d = 0; d < featureDimensions; d++) {
            float f = features[d * width + position];
            if (f != 0f) {
                int w = d * rowWidth;
                for (int j = 0; j < rowWidth; j++) {
                    rows[at + j] += f * featureWeights[w + j];
                }
            }
        }
    }
}
