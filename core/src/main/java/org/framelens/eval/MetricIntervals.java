package org.framelens.eval;

/**
 * Bootstrap confidence intervals of the headline sentence metrics: how far each could move on another sample of
 * the same kind of data. They describe the data's sampling noise only, not the spread between training runs.
 *
 * @param level     the confidence level, for example 0.95
 * @param resamples how many bootstrap resamples the intervals rest on
 * @param f1        F1 of the LOADED class at the evaluated threshold
 * @param macroF1   macro-F1 at the evaluated threshold
 * @param mcc       Matthews correlation coefficient at the evaluated threshold
 * @param rocAuc    area under the ROC curve
 */
public record MetricIntervals(double level, int resamples, Interval f1, Interval macroF1, Interval mcc,
                              Interval rocAuc) {
}
