package org.framelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.framelens.DocumentScore;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.suggest.NeutralAlternatives;
import org.framelens.suggest.Suggester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code framelens report}: scores articles and writes one self-contained HTML page showing them side by side. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report: loaded phrases highlighted by device family, a score "
                + "bar per sentence, a summary per article; several articles side by side.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "UTF-8 text files ('-' reads stdin once).")
    List<String> articles;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "REPORT.html", description = "The HTML file to write.")
    Path out;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--suggest", description = "Show neutral rewrites that lower the score under loaded sentences.")
    boolean suggest;

    @Option(names = "--title", defaultValue = "FrameLens report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles.stream().filter("-"::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "'-' (stdin) may be given only once");
        }
        List<String> texts = new ArrayList<>();
        for (String a : articles) {
            texts.add(InputText.read(a, System.in));  // read all first: a bad file fails before the model loads
        }
        FramingScorer scorer = modelOptions.scorer(spec.commandLine());
        Suggester suggester = suggest ? new Suggester(scorer, NeutralAlternatives.loadDefault()) : null;
        List<HtmlArticleReport.Article> shown = new ArrayList<>();
        int sentences = 0;
        for (int i = 0; i < articles.size(); i++) {
            DocumentScore doc = scorer.scoreDocument(texts.get(i));
            sentences += doc.sentences().size();
            shown.add(new HtmlArticleReport.Article(name(articles.get(i)), texts.get(i), doc,
                    suggester == null ? List.of() : suggester.suggestAll(doc.sentences())));
        }
        write(out, HtmlArticleReport.render(title, scorer.modelId(), scorer.threshold(), shown));
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s (%d article%s, %d sentences)%n", out, shown.size(), shown.size() == 1 ? "" : "s",
                sentences);
        o.flush();
        return 0;
    }

    private static String name(String arg) {
        if ("-".equals(arg)) {
            return "stdin";
        }
        Path file = Path.of(arg).getFileName();
        return file == null ? arg : file.toString();
    }

    /** Written beside the target and renamed, so a failed run never leaves half a report. */
    static void write(Path target, String content) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
