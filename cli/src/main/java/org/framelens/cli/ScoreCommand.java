package org.framelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.framelens.DocumentScore;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.suggest.NeutralAlternatives;
import org.framelens.suggest.Suggester;
import org.framelens.suggest.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framelens score}: scores a document and prints each sentence with its probability and loaded phrases. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a text file (or stdin) sentence by sentence for loaded framing.")
final class ScoreCommand implements Callable<Integer> {
    enum Format { text, json, jsonl }

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "UTF-8 text to score; '-' or nothing reads stdin.")
    String input;

    @Option(names = "--format", defaultValue = "text", description = "text, json or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--color", defaultValue = "auto", description = "auto (colour when stdout is a terminal), always, never.")
    String color;

    @Option(names = "--suggest",
            description = "Propose neutral rewrites of loaded phrases that the model scores lower.")
    boolean suggest;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FramingScorer scorer = modelOptions.scorer(spec.commandLine());
        String text = InputText.read(input, System.in);
        DocumentScore doc = scorer.scoreDocument(text);
        List<List<Suggestion>> suggestions = suggest
                ? new Suggester(scorer, NeutralAlternatives.loadDefault()).suggestAll(doc.sentences())
                : null;
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> {
                ObjectMapper m = json();
                Object value = doc;
                if (suggestions != null) {
                    ObjectNode tree = m.valueToTree(doc);
                    for (int i = 0; i < doc.sentences().size(); i++) {
                        ((ObjectNode) tree.get("sentences").get(i)).set("suggestions",
                                m.valueToTree(suggestions.get(i)));
                    }
                    value = tree;
                }
                out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            }
            case jsonl -> {
                ObjectMapper m = json();
                for (int i = 0; i < doc.sentences().size(); i++) {
                    SentenceScore s = doc.sentences().get(i);
                    if (suggestions == null) {
                        out.println(m.writeValueAsString(s));
                    } else {
                        ObjectNode node = m.valueToTree(s);
                        node.set("suggestions", m.valueToTree(suggestions.get(i)));
                        out.println(m.writeValueAsString(node));
                    }
                }
            }
            default -> printText(doc, suggestions, scorer.threshold(), out, useColor());
        }
        out.flush();
        return 0;
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    static ObjectMapper json() {
        return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    static void printText(DocumentScore doc, double threshold, PrintWriter out, boolean color) {
        printText(doc, null, threshold, out, color);
    }

    /** As above; with {@code suggestions} (one list per sentence), each is printed under its sentence. */
    static void printText(DocumentScore doc, List<List<Suggestion>> suggestions, double threshold, PrintWriter out,
                          boolean color) {
        String on = color ? "\u001b[1;31m" : "«";
        String off = color ? "\u001b[0m" : "»";
        for (int i = 0; i < doc.sentences().size(); i++) {
            SentenceScore s = doc.sentences().get(i);
            StringBuilder line = new StringBuilder();
            int pos = s.start();
            for (PhraseSpan p : s.phrases()) {
                line.append(s.text(), pos - s.start(), p.start() - s.start())
                        .append(on).append(p.text()).append(off);
                pos = p.end();
            }
            line.append(s.text(), pos - s.start(), s.text().length());
            String tag = s.loaded() ? "LOADED " : "neutral";
            String devices = s.loaded() ? "  [" + s.topDevice().code() + "]" : "";
            out.printf(Locale.ROOT, "%.2f %s  %s%s%n", s.probability(), tag, line, devices);
            if (suggestions != null) {
                for (Suggestion g : suggestions.get(i)) {
                    out.printf(Locale.ROOT, "       suggest: %s%s%s -> %s  (%.2f -> %.2f)  %s%n", on, g.replaced(), off,
                            g.removal() ? "(remove)" : g.replacement(), s.probability(), g.rewrittenProbability(),
                            g.rewrittenSentence());
                }
            }
        }
        out.printf(Locale.ROOT, "%n%d sentences, %d loaded (%.0f%%) at threshold %.2f; document score %.2f; model %s%n",
                doc.sentences().size(), doc.loadedSentences().size(), 100 * doc.loadedShare(), threshold,
                doc.probability(), doc.modelId());
    }
}
