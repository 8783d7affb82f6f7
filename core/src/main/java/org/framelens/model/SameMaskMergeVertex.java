package org.framelens.model;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link MergeVertex} for inputs that share one mask (token embeddings and word features of the same tokens).
 * DL4J's own vertex ORs its inputs' masks into a BOOL array, which the {@code MaskLayer}s downstream then read as
 * garbage floats; this one passes the first mask through unchanged.
 */
public class SameMaskMergeVertex extends MergeVertex {
    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView,
                                   boolean initializeParams, DataType networkDatatype) {
        return new Impl(graph, name, idx, networkDatatype, getMergeAxis());
    }

    @Override
    public SameMaskMergeVertex clone() {
        SameMaskMergeVertex copy = new SameMaskMergeVertex();
        copy.setMergeAxis(getMergeAxis());
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SameMaskMergeVertex other && other.getMergeAxis() == getMergeAxis();
    }

    @Override
    public int hashCode() {
        return 0x5AE3A5C + getMergeAxis();
    }

    static final class Impl extends org.deeplearning4j.nn.graph.vertex.impl.MergeVertex {
        Impl(ComputationGraph graph, String name, int idx, DataType dataType, int mergeAxis) {
            super(graph, name, idx, dataType, mergeAxis);
        }

        @Override
        public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                               int minibatchSize) {
            INDArray first = maskArrays == null || maskArrays.length == 0 ? null : maskArrays[0];
            return new Pair<>(first, currentMaskState);
        }
    }
}
