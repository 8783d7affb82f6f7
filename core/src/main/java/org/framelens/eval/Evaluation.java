package org.framelens.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation of a model on labelled data, with its provenance (which model, which data).
 *
 * @param modelId     the evaluated model
 * @param data        a description of the data (file names)
 * @param sentences   sentence-level metrics at the scorer's threshold
 * @param intervals   bootstrap confidence intervals of the headline sentence metrics
 * @param tokens      token-level metrics of the reported loaded phrases, when the data has spans
 * @param perTopic    sentence-level metrics per topic, when the data has topics (empty otherwise)
 * @param reliability reliability-diagram bins of the calibrated probabilities
 * @param prCurve     the precision-recall curve
 */
public record Evaluation(String modelId, String data, BinaryMetrics sentences, MetricIntervals intervals,
                         Optional<SpanMetrics> tokens,
                         Map<String, BinaryMetrics> perTopic, List<ReliabilityBin> reliability,
                         List<PrecisionRecallPoint> prCurve) {
    public Evaluation {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sentences, "sentences");
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(tokens, "tokens");
        perTopic = Map.copyOf(perTopic);
        reliability = List.copyOf(reliability);
        prCurve = List.copyOf(prCurve);
    }
}
