package org.framelens.cli;

import java.nio.file.Path;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --model} and {@code --threshold} options shared by score, report and eval, and the scorer they give. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "MODEL.zip", description = "A model bundle (default: the built-in model).")
    Path model;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Label a sentence loaded at P(loaded) >= P, 0 < P < 1 (default: the model's own, from training).")
    Double threshold;

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
        FramingScorer scorer = model == null ? FrameLens.loadDefault() : FrameLens.load(model);
        return threshold == null ? scorer : scorer.withThreshold(threshold);
    }
}
