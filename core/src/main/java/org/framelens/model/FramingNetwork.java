package org.framelens.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.util.MaskLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.framelens.FramingDevice;
import org.framelens.encode.EncodedBatch;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The FrameLens network: a DL4J {@link ComputationGraph} with a sentence head, a per-token head and a
 * device-family head. Not thread-safe: DL4J networks are not (the scorer runs one {@link InferenceNetwork} per thread).
 */
public final class FramingNetwork {
    static {
        NativeSettings.apply(); // before the constants below, the first to touch ND4J
    }

    /**
     * Names the graph {@link #create} builds. Bundles record it (manifest {@code versions.architecture}) so that a
     * reader can rebuild the graph from the bundle's training configuration instead of parsing DL4J's JSON. Change
     * it whenever {@link #configuration} builds a different graph: ArchitectureTest pins the graph.
     */
    public static final String ARCHITECTURE = "framelens-cnn-1";
    static final String INPUT = "tokens";
    static final String FEATURES = "features";
    static final String EMBEDDING = "embedding";
    /** The vertex that sets word features beside the embeddings (networks with word features only). */
    static final String WORDS = "words";
    /** Convolution layers are "conv0", "conv1", ...; the first reads the embeddings (and word features). */
    static final String FIRST_CONVOLUTION = "conv0";
    static final String HIDDEN = "hidden";
    static final String SENTENCE = "sentence";
    static final String TOKEN = "token";
    static final String DEVICE = "device";
    private static final int DEVICES = FramingDevice.values().length;
    static final String PREDICT_ID = "FRAMELENS_PREDICT";
    static final WorkspaceConfiguration PREDICT_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyMirroring(MirroringPolicy.FULL)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    /*
     * DL4J sums the token loss over a sentence's tokens and the device loss over eight outputs; these weights keep
     * the two auxiliary heads from drowning the sentence head (about 1 : 2 : 1 for sentence : token : device).
     */
    private static final float TOKEN_WEIGHT = 0.1f;
    private static final float DEVICE_WEIGHT = 0.125f;

    private final ComputationGraph graph;
    /**
     * The same network without its mask layers, sharing {@link #graph}'s parameters: for unpadded batches. Built on
     * first use: the scorer runs an {@link InferenceNetwork} instead, and loading should not pay for it.
     */
    private ComputationGraph unmasked;
    private final int featureDimensions;

    FramingNetwork(ComputationGraph graph) {
        this.graph = graph;
        this.featureDimensions = featureDimensions(graph);
    }

    /*
     * For unpadded batches (every single-sentence call) the graph without mask layers is measurably faster. Mask
     * layers have no parameters, so both graphs read the same flattened parameter array.
     */
    private ComputationGraph unmasked() {
        if (unmasked == null) {
            unmasked = new ComputationGraph(GraphSurgery.withoutMaskLayers(graph.getConfiguration().clone()));
            unmasked.init(graph.params(), false);
        }
        return unmasked;
    }

    /**
     * Builds an untrained network for a vocabulary of {@code vocabularySize} entries and {@code featureDimensions}
     * fixed word-feature values per token (0: ids only); with {@code frozenEmbeddings} the embedding table is never
     * updated (for pretrained vectors set with {@link #setEmbeddings(float[][])}).
     */
    public static FramingNetwork create(NetworkSpec spec, int vocabularySize, int featureDimensions, long seed,
                                        double learningRate, boolean frozenEmbeddings) {
        ComputationGraph graph = new ComputationGraph(
                configuration(spec, vocabularySize, featureDimensions, seed, learningRate, frozenEmbeddings));
        graph.init();
        return new FramingNetwork(graph);
    }

    /** The graph {@link #create} builds, named by {@link #ARCHITECTURE}. */
    static ComputationGraphConfiguration configuration(NetworkSpec spec, int vocabularySize, int featureDimensions,
                                                       long seed, double learningRate, boolean frozenEmbeddings) {
        EmbeddingSequenceLayer.Builder embedding = new EmbeddingSequenceLayer.Builder()
                .nIn(vocabularySize).nOut(spec.embeddingSize());
        if (frozenEmbeddings) {
            // a zero learning rate and no L2: the table stays exactly as initialised
            embedding.updater(new Sgd(0.0)).l2(0.0);
        }
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-5)
                .graphBuilder()
                .addInputs(INPUT);
        String last = EMBEDDING;
        if (featureDimensions > 0) {
            // recurrent(vocabularySize): the embedding's nIn comes from the input type (recurrent(1) gives nIn 1)
            b.addInputs(FEATURES)
                    .setInputTypes(InputType.recurrent(vocabularySize),
                            InputType.recurrent(featureDimensions, RNNFormat.NCW))
                    .addLayer(EMBEDDING, embedding.build(), INPUT)
                    .addVertex(WORDS, new SameMaskMergeVertex(), EMBEDDING, FEATURES);
            last = WORDS;
        } else {
            b.setInputTypes(InputType.recurrent(vocabularySize))
                    .addLayer(EMBEDDING, embedding.build(), INPUT);
        }
        for (int i = 0; i < spec.convLayers(); i++) {
            String name = "conv" + i;
            Convolution1DLayer.Builder conv = new Convolution1DLayer.Builder();
            if (i == 0) {
                // dropout on the embeddings (DL4J's DropoutLayer mishandles masked sequences, so use input dropout)
                conv.dropOut(1 - spec.dropout());
            }
            b.addLayer(name, conv
                    .kernelSize(spec.kernelSize())
                    .convolutionMode(ConvolutionMode.Same)
                    .rnnDataFormat(RNNFormat.NCW)
                    .nOut(spec.channels())
                    .activation(Activation.RELU)
                    .build(), last);
            // zero the padded steps: "same" convolutions would otherwise leak padding into real tokens, and a
            // sentence's score would depend on the other sentences in its batch
            b.addLayer(name + "mask", new MaskLayer(), name);
            last = name + "mask";
        }
        b.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), last)
                .addLayer(HIDDEN, new DenseLayer.Builder().nOut(spec.hiddenSize()).activation(Activation.RELU)
                        .dropOut(1 - spec.dropout()).build(), "pool")
                .addLayer(SENTENCE, new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nOut(1).activation(Activation.SIGMOID).build(), HIDDEN)
                .addLayer(DEVICE, new OutputLayer.Builder(new LossBinaryXENT(Nd4j.valueArrayOf(DEVICES, DEVICE_WEIGHT)))
                        .nOut(DEVICES).activation(Activation.SIGMOID).build(), HIDDEN)
                .addLayer(TOKEN, new RnnOutputLayer.Builder(new LossBinaryXENT(Nd4j.valueArrayOf(1, TOKEN_WEIGHT)))
                        .nOut(1).activation(Activation.SIGMOID).dataFormat(RNNFormat.NCW).build(), last)
                .setOutputs(SENTENCE, TOKEN, DEVICE);
        return b.build();
    }

    /** Overwrites the embedding table, one row per vocabulary id. */
    public void setEmbeddings(float[][] rows) {
        INDArray w = graph.getLayer(EMBEDDING).getParam("W");
        if (rows.length != w.size(0) || rows[0].length != w.size(1)) {
            throw new IllegalArgumentException("embedding table is " + w.size(0) + "x" + w.size(1) + ", got "
                    + rows.length + "x" + rows[0].length);
        }
        w.assign(Nd4j.create(rows));
    }

    /** The vocabulary size the embedding layer was built for. */
    public long vocabularySize() {
        return graph.getLayer(EMBEDDING).getParam("W").size(0);
    }

    /** The underlying graph, for {@link InferenceNetwork}. */
    ComputationGraph graph() {
        return graph;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return graph.numParams();
    }

    /** Runs inference on a batch. */
    public Predictions predict(EncodedBatch batch) {
        int n = batch.size();
        if (n == 0) {
            return Predictions.none();
        }
        // inputs and outputs live in a per-thread workspace that is reused call after call: allocating and then
        // garbage-collecting off-heap arrays for every call costs more than the network itself for small batches
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(PREDICT_WORKSPACE, PREDICT_ID)) {
            // without padding the mask changes nothing, and skipping it saves the mask work of every layer
            INDArray[] out = isRectangular(batch)
                    ? unmasked().output(false, inputs(batch), null, null, ws)
                    : graph.output(false, inputs(batch), masks(batch, mask(batch)), null, ws);
            return toPredictions(batch, out);
        }
    }

    /** Predictions from the graph's outputs: sentence {@code [n, 1]}, token {@code [n, 1, width]}, device. */
    static Predictions toPredictions(EncodedBatch batch, INDArray[] out) {
        float[] s = flat(out[0]);
        float[] tok = flat(out[1]);
        float[] dev = flat(out[2]);
        int n = batch.size();
        double[] sentence = new double[n];
        double[][] tokens = new double[n][];
        double[][] devices = new double[n][DEVICES];
        int width = batch.width();
        for (int i = 0; i < n; i++) {
            sentence[i] = s[i];
            tokens[i] = new double[batch.lengths()[i]];
            for (int t = 0; t < tokens[i].length; t++) {
                tokens[i][t] = tok[i * width + t];
            }
            for (int d = 0; d < DEVICES; d++) {
                devices[i][d] = dev[i * DEVICES + d];
            }
        }
        return new Predictions(sentence, tokens, devices);
    }

    /**
     * The values in c order, so that the flat index arithmetic of {@link #toPredictions} holds whatever the output's
     * layout: a contiguous c-ordered array is read straight from its buffer, anything else is copied once.
     */
    private static float[] flat(INDArray a) {
        if (a.ordering() == 'c' && a.offset() == 0 && a.elementWiseStride() == 1 && a.data().length() == a.length()) {
            return a.data().asFloat();
        }
        return a.ravel().toFloatVector();
    }

    /** One gradient step on a minibatch; returns the loss. */
    public double fit(TrainingBatch batch) {
        EncodedBatch in = batch.input();
        int n = in.size();
        int width = in.width();
        INDArray mask = mask(in);
        INDArray sentenceLabels = Nd4j.create(batch.loaded(), new long[] {n, 1}, DataType.FLOAT);
        INDArray sentenceMask = Nd4j.create(batch.weight(), new long[] {n, 1}, DataType.FLOAT);
        float[] tokenLabels = new float[n * width];
        float[] tokenMask = new float[n * width];
        float[] deviceLabels = new float[n * DEVICES];
        float[] deviceMask = new float[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < in.lengths()[i]; t++) {
                tokenLabels[i * width + t] = batch.tokenTargets()[i][t];
                tokenMask[i * width + t] = batch.tokensKnown()[i] ? 1f : 0f;
            }
            System.arraycopy(batch.deviceTargets()[i], 0, deviceLabels, i * DEVICES, DEVICES);
            deviceMask[i] = batch.devicesKnown()[i] ? 1f : 0f;
        }
        MultiDataSet ds = new MultiDataSet(
                inputs(in),
                new INDArray[] {
                    sentenceLabels,
                    Nd4j.create(tokenLabels, new long[] {n, 1, width}, DataType.FLOAT),
                    Nd4j.create(deviceLabels, new long[] {n, DEVICES}, DataType.FLOAT)},
                masks(in, mask),
                new INDArray[] {
                    sentenceMask,
                    Nd4j.create(tokenMask, new long[] {n, width}, DataType.FLOAT),
                    Nd4j.create(deviceMask, new long[] {n, 1}, DataType.FLOAT)});
        graph.fit(ds);
        return graph.score();
    }

    /** The batch's ids, plus its word features when the network reads them. */
    private INDArray[] inputs(EncodedBatch batch) {
        checkFeatures(batch);
        if (batch.featureDimensions() == 0) {
            return new INDArray[] {ids(batch)};
        }
        int n = batch.size();
        int stride = batch.featureDimensions() * batch.width();
        float[] flat = new float[n * stride];
        for (int i = 0; i < n; i++) {
            System.arraycopy(batch.features()[i], 0, flat, i * stride, stride);
        }
        INDArray features = fromFloats(flat, n, batch.featureDimensions(), batch.width());
        return new INDArray[] {ids(batch), features};
    }

    private void checkFeatures(EncodedBatch batch) {
        if (batch.idFeaturesOmitted()) {
            throw new IllegalArgumentException("this batch lacks the word features its ids determine; encode it with"
                    + " an encoder that does not omit them (only InferenceNetwork reads such batches)");
        }
        checkFeatureDimensions(featureDimensions(), batch);
    }

    /** Rejects a batch encoded with a different word-feature table than the network reads. */
    static void checkFeatureDimensions(int expected, EncodedBatch batch) {
        if (batch.featureDimensions() != expected) {
            throw new IllegalArgumentException("the network reads " + expected
                    + " word-feature values per token, the batch has " + batch.featureDimensions());
        }
    }

    /*
     * Nd4j.create(float[], shape) fills a workspace array one element at a time; an uninitialised array filled
     * with one bulk copy into its native memory is several times cheaper for a batch's inputs.
     */
    static INDArray fromFloats(float[] flat, long... shape) {
        return fromBuffer(flat, flat.length, shape);
    }

    /** The first {@code length} values of {@code flat} (a reused buffer may be longer) as an array of that shape. */
    static INDArray fromBuffer(float[] flat, int length, long... shape) {
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        new FloatPointer(array.data().addressPointer()).capacity(length).put(flat, 0, length);
        return array;
    }

    /** One feature mask per network input (the same mask for ids and word features). */
    private static INDArray[] masks(EncodedBatch batch, INDArray mask) {
        return batch.featureDimensions() == 0 ? new INDArray[] {mask} : new INDArray[] {mask, mask};
    }

    /** Word-feature values per token the network reads (0: token ids only). */
    public int featureDimensions() {
        return featureDimensions;
    }

    private static int featureDimensions(ComputationGraph graph) {
        if (graph.getConfiguration().getNetworkInputs().size() < 2) {
            return 0;
        }
        long conv = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) graph.getLayer(FIRST_CONVOLUTION).conf()
                .getLayer()).getNIn();
        return (int) (conv - graph.getLayer(EMBEDDING).getParam("W").size(1));
    }

    private static INDArray ids(EncodedBatch batch) {
        int n = batch.size();
        int width = batch.width();
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            int[] row = batch.ids()[i];
            for (int t = 0; t < row.length; t++) {
                flat[i * width + t] = row[t];
            }
        }
        return fromFloats(flat, n, width);
    }

    static boolean isRectangular(EncodedBatch batch) {
        for (int len : batch.lengths()) {
            if (len != batch.width()) {
                return false;
            }
        }
        return true;
    }

    static INDArray mask(EncodedBatch batch) {
        return fromFloats(maskValues(batch), batch.size(), batch.width());
    }

    /** {@code [sentence][position]}: 1 at the sentence's tokens, 0 at padding. */
    static float[] maskValues(EncodedBatch batch) {
        int n = batch.size();
        int width = batch.width();
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            // an empty sentence keeps one masked-in padding step so that pooling has something to pool
            int len = Math.max(1, batch.lengths()[i]);
            for (int t = 0; t < len; t++) {
                flat[i * width + t] = 1f;
            }
        }
        return flat;
    }

    /** A snapshot of the parameters, for early stopping. */
    public INDArray parameters() {
        return graph.params().dup();
    }

    /** Restores parameters taken with {@link #parameters()}. */
    public void setParameters(INDArray params) {
        graph.setParams(params);
    }

    /** Serialises the network (configuration and weights, no updater state) in DL4J's zip format. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(graph, out, false);
            return withoutTimestamps(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * DL4J stamps its zip entries with the current time, so two writes of the same network a second apart differed
     * (and BundleRoundTripTest's equal-bytes check failed now and then); rewritten with time 0 they are identical.
     */
    private static byte[] withoutTimestamps(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(0);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Restores a network written by {@link #toBytes()} whose graph is {@code configuration}, reading only its
     * parameters (DL4J's parsing of the stored graph took a third of a second of a cold start). The caller vouches
     * that the bundle names this {@link #ARCHITECTURE}; empty when the stored parameters do not fit
     * {@code configuration}.
     */
    static Optional<FramingNetwork> fromParameters(byte[] bytes, ComputationGraphConfiguration configuration)
            throws IOException {
        INDArray params = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(ModelSerializer.COEFFICIENTS_BIN)) {
                    // buffered: ND4J reads the values four bytes at a time, and each unbuffered read went through
                    // the inflater (0.3 s of a cold start, 0.07 s buffered)
                    params = Nd4j.read(new DataInputStream(new java.io.BufferedInputStream(zip, 1 << 16)));
                }
            }
        }
        long expected = 0;
        for (GraphVertex v : configuration.getVertices().values()) {
            expected += v.numParams(false);
        }
        if (params == null || params.length() != expected) {
            return Optional.empty();
        }
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init(params.reshape(1, expected), false);
        return Optional.of(new FramingNetwork(graph));
    }

    /** Restores a network written by {@link #toBytes()}. */
    public static FramingNetwork fromBytes(byte[] bytes) throws IOException {
        ComputationGraph g = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), false);
        String[] outputs = g.getConfiguration().getNetworkOutputs().toArray(new String[0]);
        if (outputs.length != 3 || !SENTENCE.equals(outputs[0]) || !TOKEN.equals(outputs[1])
                || !DEVICE.equals(outputs[2])) {
            throw new IOException("network outputs " + java.util.Arrays.toString(outputs)
                    + " are not [sentence, token, device]");
        }
        return new FramingNetwork(g);
    }
}
