package org.framelens.cli;

import java.nio.file.Path;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --model}, {@code --threshold} and {@code --prior} options shared by score, report and eval, and the scorer they give. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "MODEL.zip", description = "A model bundle (default: the built-in model).")
    Path model;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Label a sentence loaded at P(loaded) >= P, 0 < P < 1 (default: the model's own, from training).")
    Double threshold;

    @Option(names = "--prior", paramLabel = "P", description = "Assume a share P of the sentences is loaded "
            + "(0 < P < 1) instead of the model's dev balance (about half): probabilities are rescaled by Bayes' rule.")
    Double prior;

    /**
     * Loads the scorer the options name.
     *
     * @throws CommandLine.ParameterException for a threshold outside (0, 1) (a usage error: exit 2)
     */
    FramingScorer scorer(CommandLine commandLine) {
        if (threshold != null && !(threshold > 0 && threshold < 1)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--threshold must be between 0 and 1 (exclusive), got " + threshold);
        }
        if (prior != null && !(prior > 0 && prior < 1)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--prior must be between 0 and 1 (exclusive), got " + prior);
        }
        FramingScorer scorer = model == null ? FrameLens.loadDefault() : FrameLens.load(model);
        scorer = prior == null ? scorer : scorer.withPrior(prior);
        return threshold == null ? scorer : scorer.withThreshold(threshold);
    }
}
