package org.framelens.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.SentenceEncoder;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained {@link FramingNetwork} in the form the scorer runs: the embedding and first convolution are folded into
 * lookup tables ({@link FirstLayerFold}), and the rest of the graph runs in DL4J with its trained weights (the
 * token head as an equivalent convolution, the sentence and device heads as one layer). Its outputs equal
 * {@link FramingNetwork#predict}'s up to float rounding. Not thread-safe (one per thread, see {@link #copy()});
 * copies share the read-only fold.
 */
public final class InferenceNetwork {
    private static final String FIRST_LAYER = FramingNetwork.FIRST_CONVOLUTION;
    /** The tail graphs' inputs: the first convolution's activations, and the padding mask (one channel). */
    private static final String TAIL_INPUT = "conv0activations";
    private static final String TAIL_MASK = "paddingMask";
    /** The sentence and device heads as one layer: per sentence, its probability and then its devices'. */
    private static final String HEADS = "heads";

    private final FirstLayerFold fold;
    /** The graph after the first convolution, without mask layers: for unpadded batches. */
    private final ComputationGraph tail;
    /**
     * The same graph for padded batches, every mask layer replaced by a product with {@link #TAIL_MASK}: the same
     * arithmetic as DL4J's own masking, without its broadcasts and masked pooling, which cost about as much as the
     * convolutions themselves. Max pooling needs no mask because the masked activations are ReLU outputs (at least
     * 0) and every sentence has at least one position.
     */
    private final ComputationGraph paddedTail;
    private final FirstLayerFold.Buffers buffers;
    /** The fold's output, reused call after call: a fresh array per batch cost as much as filling it. */
    private float[] activations = new float[0];

    private InferenceNetwork(FirstLayerFold fold, ComputationGraph tail, ComputationGraph paddedTail) {
        this.fold = fold;
        this.tail = tail;
        this.paddedTail = paddedTail;
        this.buffers = fold.buffers();
    }

    /**
     * Prepares a trained network for inference on batches from {@code encoder} (whose vocabulary and word features
     * it was trained with); later changes to {@code network} are not seen.
     */
    public static InferenceNetwork of(FramingNetwork network, SentenceEncoder encoder) {
        ComputationGraph graph = network.graph();
        FirstLayerFold fold = FirstLayerFold.of(graph, FramingNetwork.EMBEDDING, FIRST_LAYER, encoder);
        ComputationGraphConfiguration rest = mergedSentenceHeads(tokenHeadAsConvolution(
                afterFirstLayer(graph.getConfiguration().clone())));
        ComputationGraph tail = new ComputationGraph(GraphSurgery.withoutMaskLayers(rest.clone()));
        tail.init();
        for (Layer layer : tail.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            for (String key : layer.paramTable().keySet()) {
                // the token head's weights keep their order but not their shape (see tokenHeadAsConvolution)
                layer.setParam(key, trainedParam(graph, name, key).dup('c').reshape(layer.getParam(key).shape()));
            }
        }
        ComputationGraph padded = new ComputationGraph(withMaskProducts(rest));
        padded.init(tail.params(), false); // both graphs read one parameter array
        return new InferenceNetwork(fold, tail, padded);
    }

    /** The graph after the first convolution, fed with its activations (already zero at padding). */
    private static ComputationGraphConfiguration afterFirstLayer(ComputationGraphConfiguration conf) {
        for (String name : List.of(FramingNetwork.EMBEDDING, FramingNetwork.WORDS, FIRST_LAYER)) {
            conf.getVertices().remove(name);
            conf.getVertexInputs().remove(name);
        }
        GraphSurgery.rename(conf, FIRST_LAYER, TAIL_INPUT);
        conf.setNetworkInputs(new ArrayList<>(List.of(TAIL_INPUT)));
        return conf;
    }

    /** A parameter of a tail layer, from the trained graph's layer of that name or, for {@link #HEADS}, two. */
    private static INDArray trainedParam(ComputationGraph graph, String layer, String key) {
        if (!layer.equals(HEADS)) {
            return graph.getLayer(layer).getParam(key);
        }
        return Nd4j.hstack(graph.getLayer(FramingNetwork.SENTENCE).getParam(key),
                graph.getLayer(FramingNetwork.DEVICE).getParam(key));
    }

    /**
     * The sentence and device heads, two sigmoid layers on the same input, as one layer with both heads' units side
     * by side: one matrix product, and one layer's fixed DL4J cost per call instead of two.
     */
    private static ComputationGraphConfiguration mergedSentenceHeads(ComputationGraphConfiguration conf) {
        LayerVertex sentence = (LayerVertex) conf.getVertices().remove(FramingNetwork.SENTENCE);
        LayerVertex device = (LayerVertex) conf.getVertices().remove(FramingNetwork.DEVICE);
        List<String> input = conf.getVertexInputs().remove(FramingNetwork.SENTENCE);
        OutputLayer s = (OutputLayer) sentence.getLayerConf().getLayer();
        OutputLayer d = (OutputLayer) device.getLayerConf().getLayer();
        if (!input.equals(conf.getVertexInputs().remove(FramingNetwork.DEVICE))
                || !s.getActivationFn().equals(d.getActivationFn())) {
            throw new IllegalArgumentException("not a FrameLens network: the sentence and device heads differ in input"
                    + " or activation");
        }
        DenseLayer heads = new DenseLayer.Builder()
                .nIn(s.getNIn())
                .nOut(s.getNOut() + d.getNOut())
                .activation(s.getActivationFn())
                .weightInit(s.getWeightInitFn()) // overwritten with the heads' weights
                .updater(s.getIUpdater()) // never used, but DL4J's clone() builds one
                .biasUpdater(s.getBiasUpdater())
                .build();
        heads.setLayerName(HEADS);
        NeuralNetConfiguration layerConf = sentence.getLayerConf().clone();
        layerConf.setLayer(heads);
        conf.getVertices().put(HEADS, new LayerVertex(layerConf, null));
        conf.getVertexInputs().put(HEADS, new ArrayList<>(input));
        conf.setNetworkOutputs(new ArrayList<>(List.of(HEADS, FramingNetwork.TOKEN)));
        return GraphSurgery.reordered(conf);
    }

    /**
     * The per-token head as a kernel-1 convolution: the same sigmoid of each position's weighted channels, with its
     * weights in the same order, but without the copy of its whole input into another layout that DL4J's
     * RnnOutputLayer makes first (a sixth of the time of a call on 128 sentences).
     */
    private static ComputationGraphConfiguration tokenHeadAsConvolution(ComputationGraphConfiguration conf) {
        LayerVertex vertex = (LayerVertex) conf.getVertices().get(FramingNetwork.TOKEN);
        RnnOutputLayer head = (RnnOutputLayer) vertex.getLayerConf().getLayer();
        Convolution1DLayer conv = new Convolution1DLayer.Builder()
                .kernelSize(1)
                .convolutionMode(ConvolutionMode.Same)
                .rnnDataFormat(RNNFormat.NCW)
                .nIn(head.getNIn())
                .nOut(head.getNOut())
                .hasBias(head.hasBias())
                .activation(head.getActivationFn())
                .weightInit(head.getWeightInitFn()) // overwritten with the head's weights
                .updater(head.getIUpdater()) // never used, but DL4J's clone() builds one
                .biasUpdater(head.getBiasUpdater())
                .build();
        conv.setLayerName(FramingNetwork.TOKEN);
        NeuralNetConfiguration layerConf = vertex.getLayerConf().clone();
        layerConf.setLayer(conv);
        conf.getVertices().put(FramingNetwork.TOKEN, new LayerVertex(layerConf, null));
        return conf;
    }

    /**
     * Each mask layer replaced by a product with the {@link #TAIL_MASK} input; the one on the tail's input is
     * dropped, since the fold already leaves padding at zero.
     */
    private static ComputationGraphConfiguration withMaskProducts(ComputationGraphConfiguration conf) {
        for (String mask : GraphSurgery.maskLayers(conf)) {
            String input = conf.getVertexInputs().get(mask).get(0);
            if (input.equals(TAIL_INPUT)) {
                GraphSurgery.bypass(conf, mask);
            } else {
                conf.getVertices().put(mask, new ElementWiseVertex(ElementWiseVertex.Op.Product));
                conf.getVertexInputs().put(mask, new ArrayList<>(List.of(input, TAIL_MASK)));
            }
        }
        conf.setNetworkInputs(new ArrayList<>(List.of(TAIL_INPUT, TAIL_MASK)));
        return GraphSurgery.reordered(conf);
    }

    /** Runs inference on a batch. */
    public Predictions predict(EncodedBatch batch) {
        if (batch.size() == 0) {
            return Predictions.none();
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager()
                .getAndActivateWorkspace(FramingNetwork.PREDICT_WORKSPACE, FramingNetwork.PREDICT_ID)) {
            int size = batch.size() * fold.channels() * batch.width();
            if (activations.length < size) {
                activations = new float[size];
            }
            fold.activations(batch, buffers, activations);
            INDArray input = FramingNetwork.fromBuffer(activations, size, batch.size(), fold.channels(), batch.width());
            INDArray[] out = FramingNetwork.isRectangular(batch)
                    ? tail.output(false, new INDArray[] {input}, null, null, ws)
                    : paddedTail.output(false, new INDArray[] {input, paddingMask(batch)}, null, null, ws);
            return FramingNetwork.fromMergedHeads(batch, out[0], out[1]);
        }
    }

    /**
     * {@code [sentence][1][position]}: 1 at each sentence's positions (at least one, as in the trained graph's
     * mask), 0 at padding; the mask products broadcast it over the channels.
     */
    private static INDArray paddingMask(EncodedBatch batch) {
        return FramingNetwork.fromFloats(FramingNetwork.maskValues(batch), batch.size(), 1, batch.width());
    }

    /** A copy for another thread: its own graph, the same fold. */
    public InferenceNetwork copy() {
        ComputationGraph tailCopy = tail.clone();
        ComputationGraph paddedCopy = new ComputationGraph(paddedTail.getConfiguration().clone());
        paddedCopy.init(tailCopy.params(), false);
        return new InferenceNetwork(fold, tailCopy, paddedCopy);
    }
}
