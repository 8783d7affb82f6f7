package org.framelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.framelens.corpus.CorpusRecord;
import org.framelens.corpus.CorpusValidator;
import org.framelens.corpus.DataCard;
import org.framelens.corpus.ProjectCorpus;
import org.framelens.text.TokenizerAdapter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framelens corpus}: validates a FrameLens JSONL corpus and (re)writes its data card. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Validate a FrameLens JSONL corpus against the annotation guidelines; optionally write its "
                + "data card.")
final class CorpusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS.jsonl", description = "The corpus, e.g. training-data/corpus.jsonl.")
    Path corpus;

    @Option(names = "--card", paramLabel = "DATA_CARD.md", description = "Write the generated data card here.")
    Path card;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(corpus)) {
            throw new CliException(corpus + " is a directory, not a corpus file");
        }
        if (!Files.isRegularFile(corpus)) {
            throw new CliException(corpus + ": no such file");
        }
        List<CorpusRecord> records = ProjectCorpus.read(corpus);
        TokenizerAdapter tokenizer = TokenizerAdapter.english();
        List<String> problems = new CorpusValidator(tokenizer).validate(records);
        var out = spec.commandLine().getOut();
        problems.forEach(p -> out.println("problem: " + p));
        out.printf("%d records, %d problems%n", records.size(), problems.size());
        if (card != null) {
            Files.writeString(card, DataCard.render(records, tokenizer));
            out.println("wrote " + card);
        }
        return problems.isEmpty() ? 0 : 1;
    }
}
