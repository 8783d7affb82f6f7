package org.framelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.SentenceScore;
import org.framelens.eval.BinaryMetrics;
import org.framelens.eval.CrossValidation;
import org.framelens.eval.Evaluation;
import org.framelens.eval.Evaluator;
import org.framelens.eval.MeanStd;
import org.framelens.train.LabelledSentence;
import org.framelens.train.Splits;
import org.framelens.train.TrainedModel;
import org.framelens.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framelens cv}: stratified k-fold cross-validation on a corpus. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = {"Stratified k-fold cross-validation: each fold is scored by a model trained on the others "
                + "(10%% of which is held out as dev for early stopping and calibration). Reports mean ± std.",
            "Example: framelens cv --data news.csv --text-column sentence --label-column bias --positive-label 1 "
                + "--folds 5"})
final class CrossValidateCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds, at least 2 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", description = "Maximum epochs per fold (default: 30).")
    Integer epochs;

    @Option(names = "--group-by-topic",
            description = "Keep each topic (--topic-column; in FrameLens JSONL the 'topic') within one fold, so that "
                    + "every fold is scored on topics its model never saw. Map --topic-column to an article or event "
                    + "id to hold those out together. Folds are then balanced by size, not stratified by label.")
    boolean groupByTopic;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write every sentence's out-of-fold probability as CSV (source, line, fold, topic, "
                    + "label, probability, disagreement, text), largest disagreement first: the rows most worth "
                    + "re-checking for label errors.")
    Path predictions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (folds < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        List<LabelledSentence> data = corpus.read(log).stream().map(CrossValidateCommand::withoutSplit).toList();
        boolean[] labels = new boolean[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.get(i).loaded();
        }
        int[] fold = groupByTopic ? groupedFolds(data) : CrossValidation.stratifiedFolds(labels, folds, seed);
        TrainingConfig.Builder builder = TrainingConfig.builder().seed(seed).modelId("cv");
        if (epochs != null) {
            builder.maxEpochs(epochs);
        }
        TrainingConfig config = builder.build();
        List<BinaryMetrics> results = new ArrayList<>();
        double[] outOfFold = new double[data.size()];
        for (int k = 0; k < folds; k++) {
            List<LabelledSentence> rest = new ArrayList<>();
            List<LabelledSentence> held = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (fold[i] == k ? held : rest).add(data.get(i));
            }
            Splits inner = Splits.of(rest, 0.1, 0, seed + k);
            TrainedModel model = TrainCommand.train(inner, config, log);
            FramingScorer scorer = FrameLens.fromBundle(model.bundle());
            List<SentenceScore> scores = scorer.scoreAll(held.stream().map(LabelledSentence::text).toList());
            Evaluation e = Evaluator.evaluate(scorer, held, scores, "fold " + (k + 1));
            for (int i = 0, h = 0; i < data.size(); i++) {
                if (fold[i] == k) {
                    outOfFold[i] = scores.get(h++).probability();
                }
            }
            BinaryMetrics m = e.sentences();
            results.add(m);
            out.printf(Locale.ROOT, "fold %d/%d: n=%d  F1 %.3f  macro-F1 %.3f  MCC %.3f  ROC-AUC %.3f%n", k + 1,
                    folds, m.total(), m.f1(), m.macroF1(), m.mcc(), m.rocAuc());
            out.flush();
        }
        out.printf(Locale.ROOT, "%d-fold cross-validation%s on %d sentences (%d loaded):%n", folds,
                groupByTopic ? " (folds by topic)" : "", data.size(),
                data.stream().filter(LabelledSentence::loaded).count());
        line(out, "precision", results.stream().mapToDouble(BinaryMetrics::precision).toArray());
        line(out, "recall", results.stream().mapToDouble(BinaryMetrics::recall).toArray());
        line(out, "F1", results.stream().mapToDouble(BinaryMetrics::f1).toArray());
        line(out, "macro-F1", results.stream().mapToDouble(BinaryMetrics::macroF1).toArray());
        line(out, "accuracy", results.stream().mapToDouble(BinaryMetrics::accuracy).toArray());
        line(out, "MCC", results.stream().mapToDouble(BinaryMetrics::mcc).toArray());
        line(out, "ROC-AUC", results.stream().mapToDouble(BinaryMetrics::rocAuc).toArray());
        line(out, "PR-AUC", results.stream().mapToDouble(BinaryMetrics::prAuc).toArray());
        if (predictions != null) {
            ReportCommand.write(predictions, OutOfFoldPredictions.csv(data, fold, outOfFold));
            out.println("wrote " + predictions);
        }
        return 0;
    }

    private int[] groupedFolds(List<LabelledSentence> data) {
        String[] topics = data.stream().map(LabelledSentence::topic).toArray(String[]::new);
        long distinct = Arrays.stream(topics).filter(t -> !t.isEmpty()).distinct().count();
        if (distinct < folds) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--group-by-topic needs at least as "
                    + "many topics as folds (" + folds + "); the corpus has " + distinct
                    + (distinct == 0 ? " (give --topic-column)" : ""));
        }
        return CrossValidation.groupedFolds(topics, folds, seed);
    }

    private static LabelledSentence withoutSplit(LabelledSentence s) {
        return new LabelledSentence(s.text(), s.loaded(), s.spans(), s.spansKnown(), s.devices(), s.devicesKnown(),
                s.topic(), "", s.source(), s.line());
    }

    private static void line(PrintWriter out, String name, double[] values) {
        MeanStd ms = MeanStd.of(values);
        out.printf(Locale.ROOT, "  %-10s %.3f ± %.3f%n", name, ms.mean(), ms.std());
    }
}
