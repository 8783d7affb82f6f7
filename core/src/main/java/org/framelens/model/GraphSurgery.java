package org.framelens.model;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.util.MaskLayer;

/** Rewiring of a graph configuration in place, for the inference forms of a trained network. */
final class GraphSurgery {
    private GraphSurgery() {
    }

    /** The names of the configuration's mask layers. */
    static List<String> maskLayers(ComputationGraphConfiguration conf) {
        return conf.getVertices().entrySet().stream()
                .filter(e -> e.getValue() instanceof LayerVertex lv
                        && lv.getLayerConf().getLayer() instanceof MaskLayer)
                .map(Map.Entry::getKey).toList();
    }

    /** Removes a single-input vertex, feeding its input to whatever read its output; returns that input. */
    static String bypass(ComputationGraphConfiguration conf, String vertex) {
        conf.getVertices().remove(vertex);
        String input = conf.getVertexInputs().remove(vertex).get(0);
        rename(conf, vertex, input);
        return input;
    }

    /** Makes every vertex that read {@code from} read {@code to}. */
    static void rename(ComputationGraphConfiguration conf, String from, String to) {
        for (List<String> inputs : conf.getVertexInputs().values()) {
            inputs.replaceAll(name -> name.equals(from) ? to : name);
        }
    }

    /** Removes every mask layer (an identity when no mask is given, but DL4J still pays its bookkeeping). */
    static ComputationGraphConfiguration withoutMaskLayers(ComputationGraphConfiguration conf) {
        for (String mask : maskLayers(conf)) {
            bypass(conf, mask);
        }
        return reordered(conf);
    }

    /** Drops the cached vertex order so that DL4J recomputes it for the rewired graph. */
    static ComputationGraphConfiguration reordered(ComputationGraphConfiguration conf) {
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        return conf;
    }
}
