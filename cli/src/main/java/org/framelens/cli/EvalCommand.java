package org.framelens.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.framelens.FramingScorer;
import org.framelens.eval.BinaryMetrics;
import org.framelens.eval.Evaluation;
import org.framelens.eval.Evaluator;
import org.framelens.eval.Interval;
import org.framelens.eval.MetricIntervals;
import org.framelens.train.LabelledSentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framelens eval}: measures a model on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on a labelled corpus: precision, recall, F1 (loaded and macro), accuracy, "
                + "MCC, ROC-AUC, PR-AUC, calibration error, confusion matrix, 95%% bootstrap intervals, per-topic and "
                + "token-level results.",
            "Example: framelens eval --model news-model.zip --data test.csv --text-column sentence "
                + "--label-column bias --positive-label 1 --json eval.json --html eval.html"})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full evaluation as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with a PR curve and a "
            + "reliability diagram.")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledSentence> data = corpus.read(spec.commandLine().getErr());
        FramingScorer scorer = modelOptions.scorer(spec.commandLine());
        Evaluation e = Evaluator.evaluate(scorer, data, corpus.data.toString());
        printSummary("eval", e, out);
        if (json != null) {
            writeJson(e, json);
        }
        if (html != null) {
            Files.writeString(html, HtmlEvaluationReport.render(e));
        }
        return 0;
    }

    static void printSummary(String name, Evaluation e, PrintWriter out) {
        BinaryMetrics m = e.sentences();
        out.printf(Locale.ROOT, "%s: n=%d (loaded %d)  threshold %.3f%n", name, m.total(), m.positives(),
                m.threshold());
        out.printf(Locale.ROOT, "  loaded  P %.3f  R %.3f  F1 %.3f | macro-F1 %.3f  accuracy %.3f  MCC %.3f%n",
                m.precision(), m.recall(), m.f1(), m.macroF1(), m.accuracy(), m.mcc());
        out.printf(Locale.ROOT, "  ROC-AUC %.3f  PR-AUC %.3f  ECE %.3f  Brier %.3f%n", m.rocAuc(), m.prAuc(),
                m.ece(), m.brier());
        out.printf(Locale.ROOT, "  confusion: TP %d  FP %d  FN %d  TN %d%n", m.tp(), m.fp(), m.fn(), m.tn());
        out.println("  " + describe(e.intervals()));
        e.tokens().ifPresent(t -> out.printf(Locale.ROOT, "  tokens  P %.3f  R %.3f  F1 %.3f%n", t.precision(),
                t.recall(), t.f1()));
        if (!e.perTopic().isEmpty()) {
            out.println("  per topic (n, F1, macro-F1):");
            new java.util.TreeMap<>(e.perTopic()).forEach((topic, t) -> out.printf(Locale.ROOT,
                    "    %-28s %5d  %.3f  %.3f%n", topic, t.total(), t.f1(), t.macroF1()));
        }
        out.flush();
    }

    /** One line, for example "95% bootstrap intervals (1000 resamples): F1 [0.315, 0.341], macro-F1 ...". */
    static String describe(MetricIntervals ci) {
        return String.format(Locale.ROOT, "%.0f%% bootstrap intervals (%d resamples): F1 %s, macro-F1 %s, MCC %s, "
                + "ROC-AUC %s", 100 * ci.level(), ci.resamples(), range(ci.f1()), range(ci.macroF1()),
                range(ci.mcc()), range(ci.rocAuc()));
    }

    /** An interval as "[low, high]", three decimals each. */
    static String range(Interval i) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", i.low(), i.high());
    }

    static void writeJson(Object value, Path file) throws IOException {
        Files.writeString(file, ScoreCommand.json().registerModule(new Jdk8Module())
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }
}
