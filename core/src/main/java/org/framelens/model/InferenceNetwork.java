package org.framelens.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained {@link FramingNetwork} in the form the scorer runs. The embedding and first convolution are folded into
 * lookup tables ({@link FirstLayerFold}); every later convolution, the dense layer and the sentence and device heads
 * (together) run as one ND4J matrix product each, with their trained weights and the bias as the last weight row;
 * ReLU, sigmoid, masking, max pooling and the per-token head's dot product, a few operations per value, run in plain
 * Java between them. DL4J's graph did the same arithmetic layer by layer, with fixed costs per layer and per ND4J
 * operation that dominated small batches: the network took 0.45–0.56 ms for one sentence on one thread, 0.06 ms in
 * this form. Its outputs equal {@link FramingNetwork#predict}'s up to float rounding
 * ({@code InferenceNetworkTest}). Not thread-safe (one per thread, see {@link #copy()}); copies share the fold.
 */
public final class InferenceNetwork {
    /**
     * Positions per pass through the convolutions, so that their input rows (about 600 bytes a position) stay in the
     * core's cache between the fold writing them and the matrix product reading them. One pass per 128-sentence batch
     * was slower: 35k and 48k against 48k and 54k sentences/s for batch-256 scoreAll in two alternating runs.
     */
    private static final int POSITIONS_PER_PASS = 1024;

    private final FirstLayerFold fold;
    /** The convolutions after the first, in order; empty for a one-convolution network. */
    private final List<Layer> convolutions;
    /** The rows the fold writes: the second convolution's input, or plain activations when there is none. */
    private final ConvolutionRows foldRows;
    private final int channels;
    private final Layer hidden;
    /** The sentence head's unit, then the device head's, side by side. */
    private final Layer heads;
    private final float[] tokenWeights;
    private final float tokenBias;
    private final FirstLayerFold.Buffers buffers;
    private final Scratch scratch = new Scratch();

    /**
     * A dense layer, or a convolution over {@link #input} rows: weights {@code [inputs + 1, outputs]}, the bias last.
     */
    private record Layer(INDArray weights, ConvolutionRows input) {
        int outputs() {
            return (int) weights.size(1);
        }

        Layer copy() {
            return new Layer(weights.dup('c'), input);
        }
    }

    /** Per-instance arrays, reused call after call: allocating them per batch cost as much as filling them. */
    private static final class Scratch {
        private float[] rows = new float[0];
        private float[] activations = new float[0];
        private float[] pooled = new float[0];
        private float[] hidden = new float[0];
        private float[] heads = new float[0];

        private static float[] fit(float[] array, int size) {
            return array.length < size ? new float[size] : array;
        }
    }

    private InferenceNetwork(FirstLayerFold fold, List<Layer> convolutions, ConvolutionRows foldRows, int channels,
                             Layer hidden, Layer heads, float[] tokenWeights, float tokenBias) {
        this.fold = fold;
        this.convolutions = convolutions;
        this.foldRows = foldRows;
        this.channels = channels;
        this.hidden = hidden;
        this.heads = heads;
        this.tokenWeights = tokenWeights;
        this.tokenBias = tokenBias;
        this.buffers = fold.buffers();
    }

    /**
     * Prepares a trained network for inference on batches from {@code encoder} (whose vocabulary and word features
     * it was trained with); later changes to {@code network} are not seen.
     */
    public static InferenceNetwork of(FramingNetwork network, SentenceEncoder encoder) {
        ComputationGraph graph = network.graph();
        FirstLayerFold fold = FirstLayerFold.of(graph, FramingNetwork.EMBEDDING, FramingNetwork.FIRST_CONVOLUTION,
                encoder);
        List<Layer> convolutions = new ArrayList<>();
        int channels = fold.channels();
        for (int i = 1; graph.getVertex("conv" + i) != null; i++) {
            Layer conv = convolution(graph, "conv" + i, channels);
            convolutions.add(conv);
            channels = conv.outputs();
        }
        ConvolutionRows foldRows = convolutions.isEmpty()
                ? new ConvolutionRows(fold.channels(), 1) : convolutions.get(0).input();
        if (!(layerConf(graph, "pool") instanceof GlobalPoolingLayer pool)
                || pool.getPoolingType() != PoolingType.MAX) {
            throw notFrameLens("no max pooling layer 'pool'");
        }
        Layer hidden = dense(graph, ActivationReLU.class, FramingNetwork.HIDDEN);
        Layer heads = dense(graph, ActivationSigmoid.class, FramingNetwork.SENTENCE, FramingNetwork.DEVICE);
        Layer token = dense(graph, ActivationSigmoid.class, FramingNetwork.TOKEN);
        if (hidden.input().channels() != channels || heads.input().channels() != hidden.outputs()
                || token.input().channels() != channels || token.outputs() != 1) {
            throw notFrameLens("layer sizes do not chain");
        }
        float[] tokenParams = token.weights().dup('c').data().asFloat();
        return new InferenceNetwork(fold, List.copyOf(convolutions), foldRows, channels, hidden, heads,
                Arrays.copyOf(tokenParams, channels), tokenParams[channels]);
    }

    /** A biased, undilated, stride-1 "same" ReLU convolution reading {@code inputs} channels. */
    private static Layer convolution(ComputationGraph graph, String name, int inputs) {
        if (!(layerConf(graph, name) instanceof Convolution1DLayer conf)
                || conf.getConvolutionMode() != ConvolutionMode.Same
                || conf.getDilation()[0] != 1 || conf.getStride()[0] != 1 || !conf.hasBias()
                || !(conf.getActivationFn() instanceof ActivationReLU) || conf.getNIn() != inputs) {
            throw notFrameLens("'" + name + "' is not a biased, undilated, stride-1 \"same\" ReLU convolution over "
                    + inputs + " channels");
        }
        INDArray w = graph.getLayer(name).getParam("W");
        int kernel = (int) w.size(2);
        int outputs = (int) w.size(0);
        /*
         * DL4J reports the weights as [outputs, inputs, kernel, 1], but M2.1's native conv1d reads the same buffer as
         * [kernel, inputs, outputs] (see FirstLayerFold): in c order, exactly the rows of a ConvolutionRows input.
         */
        INDArray rows = Nd4j.create(w.dup('c').data().asFloat(), new long[] {(long) kernel * inputs, outputs}, 'c');
        return new Layer(withBiasRow(rows, graph.getLayer(name).getParam("b")), new ConvolutionRows(inputs, kernel));
    }

    /** Dense layers (weights {@code [inputs, outputs]}) with one activation, side by side as one layer. */
    private static Layer dense(ComputationGraph graph, Class<? extends IActivation> activation, String... names) {
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> biases = new ArrayList<>();
        for (String name : names) {
            if (!(layerConf(graph, name) instanceof BaseLayer conf) || !activation.isInstance(conf.getActivationFn())
                    || graph.getLayer(name).getParam("W") == null || graph.getLayer(name).getParam("W").rank() != 2) {
                throw notFrameLens("'" + name + "' is not a dense layer with " + activation.getSimpleName());
            }
            weights.add(graph.getLayer(name).getParam("W"));
            biases.add(graph.getLayer(name).getParam("b"));
        }
        INDArray w = Nd4j.hstack(weights.toArray(INDArray[]::new));
        INDArray b = Nd4j.hstack(biases.toArray(INDArray[]::new));
        return new Layer(withBiasRow(w, b), new ConvolutionRows((int) w.size(0), 1));
    }

    private static org.deeplearning4j.nn.conf.layers.Layer layerConf(ComputationGraph graph, String name) {
        return graph.getVertex(name) != null && graph.getVertex(name).hasLayer()
                ? graph.getLayer(name).conf().getLayer() : null;
    }

    private static INDArray withBiasRow(INDArray weights, INDArray bias) {
        return Nd4j.vstack(weights.castTo(DataType.FLOAT), bias.castTo(DataType.FLOAT).reshape(1, weights.size(1)))
                .dup('c');
    }

    private static IllegalArgumentException notFrameLens(String why) {
        return new IllegalArgumentException("not a FrameLens network: " + why);
    }

    /** Runs inference on a batch. */
    public Predictions predict(EncodedBatch batch) {
        if (batch.size() == 0) {
            return Predictions.none();
        }
        int n = batch.size();
        int group = Math.max(1, POSITIONS_PER_PASS / batch.width());
        double[][] tokens = new double[n][];
        scratch.pooled = Scratch.fit(scratch.pooled, n * (channels + 1));
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager()
                .getAndActivateWorkspace(FramingNetwork.PREDICT_WORKSPACE, FramingNetwork.PREDICT_ID)) {
            for (int from = 0; from < n; from += group) {
                convolve(batch, from, Math.min(n, from + group), tokens);
            }
            scratch.hidden = Scratch.fit(scratch.hidden, n * (hidden.outputs() + 1));
            product(scratch.pooled, n, hidden, scratch.hidden);
            reluWithBiasInput(scratch.hidden, n, hidden.outputs());
            scratch.heads = Scratch.fit(scratch.heads, n * heads.outputs());
            product(scratch.hidden, n, heads, scratch.heads);
        }
        int width = heads.outputs();
        double[] sentence = new double[n];
        double[][] devices = new double[n][width - 1];
        for (int i = 0; i < n; i++) {
            sentence[i] = sigmoid(scratch.heads[i * width]);
            for (int d = 1; d < width; d++) {
                devices[i][d - 1] = sigmoid(scratch.heads[i * width + d]);
            }
        }
        return new Predictions(sentence, tokens, devices);
    }

    /**
     * The convolutions, pooling and token head for the batch's sentences {@code from} to {@code to} (exclusive):
     * their pooled rows into {@link Scratch#pooled}, their token probabilities into {@code tokens}.
     */
    private void convolve(EncodedBatch batch, int from, int to, double[][] tokens) {
        int positions = (to - from) * batch.width();
        scratch.rows = Scratch.fit(scratch.rows, positions * foldRows.columns());
        fold.convolutionRows(batch, from, to, buffers, foldRows, scratch.rows);
        float[] last = scratch.rows;
        int stride = foldRows.columns();
        for (int i = 0; i < convolutions.size(); i++) {
            Layer conv = convolutions.get(i);
            scratch.activations = Scratch.fit(scratch.activations, positions * conv.outputs());
            product(scratch.rows, positions, conv, scratch.activations);
            last = scratch.activations;
            stride = conv.outputs();
            if (i + 1 < convolutions.size()) {
                nextRows(batch, from, to, convolutions.get(i + 1).input());
            }
        }
        poolAndTokens(batch, from, to, last, stride, tokens);
    }

    /**
     * {@code out = in * layer} for {@code rows} rows laid out as {@code layer}'s input: one ND4J matrix product, in
     * the active workspace.
     */
    private static void product(float[] in, int rows, Layer layer, float[] out) {
        int columns = (int) layer.weights().size(0);
        INDArray a = FramingNetwork.fromBuffer(in, rows * columns, rows, columns);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, layer.outputs()}, 'c');
        Nd4j.gemm(a, layer.weights(), c, false, false, 1.0, 0.0);
        new FloatPointer(c.data().addressPointer()).get(out, 0, rows * layer.outputs());
    }

    /**
     * The ReLU of the last convolution's outputs for sentences {@code from} to {@code to} as the next convolution's
     * input rows, in {@link Scratch#rows}.
     */
    private void nextRows(EncodedBatch batch, int from, int to, ConvolutionRows next) {
        int width = batch.width();
        int channels = next.channels();
        int size = (to - from) * width * next.columns();
        scratch.rows = Scratch.fit(scratch.rows, size);
        Arrays.fill(scratch.rows, 0, size, 0f);
        float[] position = new float[channels];
        for (int i = from; i < to; i++) {
            int length = Math.max(1, batch.lengths()[i]);
            for (int t = 0; t < length; t++) {
                int o = ((i - from) * width + t) * channels;
                for (int c = 0; c < channels; c++) {
                    position[c] = Math.max(0f, scratch.activations[o + c]);
                }
                next.place(position, t, length, (i - from) * width, scratch.rows);
            }
        }
    }

    /**
     * Max pooling of the last convolution's ReLU outputs over each position of sentences {@code from} to {@code to}
     * into their rows of {@link Scratch#pooled}, with the bias input, and the token head's probability at each real
     * position. Pooling starts from 0 because every value is a ReLU output and every sentence has a position (an
     * empty one its padding position).
     */
    private void poolAndTokens(EncodedBatch batch, int from, int to, float[] activations, int stride,
                               double[][] tokens) {
        int columns = channels + 1;
        float[] pooled = scratch.pooled;
        for (int i = from; i < to; i++) {
            int length = batch.lengths()[i];
            tokens[i] = new double[length];
            int p = i * columns;
            Arrays.fill(pooled, p, p + channels, 0f);
            for (int t = 0; t < Math.max(1, length); t++) {
                int o = ((i - from) * batch.width() + t) * stride;
                float logit = tokenBias;
                for (int c = 0; c < channels; c++) {
                    float v = Math.max(0f, activations[o + c]);
                    pooled[p + c] = Math.max(pooled[p + c], v);
                    logit += v * tokenWeights[c];
                }
                if (t < length) {
                    tokens[i][t] = sigmoid(logit);
                }
            }
            pooled[p + channels] = 1f;
        }
    }

    /**
     * Turns {@code rows x outputs} pre-activations into the next layer's input in place: their ReLU, each row followed
     * by the bias input (filled from the back, so that no value is overwritten before it is read).
     */
    private static void reluWithBiasInput(float[] values, int rows, int outputs) {
        for (int i = rows - 1; i >= 0; i--) {
            values[i * (outputs + 1) + outputs] = 1f;
            for (int c = outputs - 1; c >= 0; c--) {
                values[i * (outputs + 1) + c] = Math.max(0f, values[i * outputs + c]);
            }
        }
    }

    /** A copy for another thread: its own working memory and weight arrays, the same fold. */
    public InferenceNetwork copy() {
        return new InferenceNetwork(fold, convolutions.stream().map(Layer::copy).toList(), foldRows, channels,
                hidden.copy(), heads.copy(), tokenWeights, tokenBias);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
