package org.framelens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.eval.Evaluation;
import org.framelens.eval.Evaluator;
import org.framelens.model.BundleIO;
import org.framelens.model.ModelBundle;
import org.framelens.model.NetworkSpec;
import org.framelens.train.LabelledSentence;
import org.framelens.train.Splits;
import org.framelens.train.TrainedModel;
import org.framelens.train.Trainer;
import org.framelens.train.ThresholdPolicy;
import org.framelens.train.TrainingConfig;
import org.framelens.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code framelens train}: trains a model bundle on a labelled corpus and evaluates it on the held-out split. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a labelled corpus (FrameLens JSONL, or CSV/TSV/JSONL with column mapping).",
            "Splits: the corpus's split column if it has one, otherwise a stratified random 80/10/10 split.",
            "Early stopping, calibration and the threshold use dev only; test is reported, never tuned on.",
            "Example: framelens train --data news.csv --text-column sentence --label-column bias "
                + "--positive-label 1 --out news-model.zip"})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Where to write the bundle "
            + "(atomically: an interrupted run keeps the previous file).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", description = "Maximum epochs (default: 30).")
    Integer epochs;

    @Option(names = "--min-word-count", description = "Occurrences a word needs for its own embedding (default: 1).")
    Integer minWordCount;

    @Option(names = "--word-dropout", description = "Share of training tokens replaced by the unknown word "
            + "(default: 0.2).")
    Double wordDropout;

    @Option(names = "--pretrained", negatable = true, description = "Initialise word embeddings from "
            + "all-MiniLM-L6-v2's WordPiece table (default: false).")
    boolean pretrained;

    @Option(names = "--class-weighting", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Weight the loss so that loaded and neutral sentences count equally (default: true); "
                    + "--no-class-weighting trains on the corpus's own balance.")
    boolean classWeighting;

    @Option(names = "--freeze-embeddings", description = "With --pretrained: keep the pretrained vectors fixed.")
    boolean freezeEmbeddings;

    @Option(names = "--word-features", paramLabel = "none|default|FILE", description = "Fixed per-word features "
            + "the network reads beside its embeddings: none, the table shipped with the default model, or a table "
            + "file (default: the default model's setting).")
    String wordFeatures;

    @Option(names = "--threshold-policy", paramLabel = "POLICY", description = "How the decision threshold is "
            + "set from the calibrated dev predictions: ${COMPLETION-CANDIDATES} (default: CALIBRATED_HALF, "
            + "probability >= 0.5).")
    ThresholdPolicy thresholdPolicy;

    @Option(names = "--join-rate", paramLabel = "R", description = "Add R x (training rows) joined two-sentence "
            + "examples, half neutral + neutral, so that length is not taken as evidence (default: the default "
            + "model's setting).")
    Double joinRate;

    @Option(names = "--prior", paramLabel = "P", description = "Calibrate the probabilities for text in which a "
            + "share P of the sentences is loaded (Bayes' rule on top of Platt scaling fitted on dev), before the "
            + "threshold and the metrics (default: the dev split's own share). Scoring with --prior later is "
            + "relative to this share.")
    Double prior;

    @Option(names = "--embedding-size", description = "Trained word embedding width (default: 32; the word features add their own dimensions).")
    Integer embeddingSize;

    @Option(names = "--channels", description = "Convolution channels per layer (default: 48).")
    Integer channels;

    @Option(names = "--kernel-size", description = "Convolution width in tokens (default: 3).")
    Integer kernelSize;

    @Option(names = "--conv-layers", description = "Stacked convolution layers (default: 2).")
    Integer convLayers;

    @Option(names = "--hidden-size", description = "Units of the dense layer after pooling (default: 64).")
    Integer hiddenSize;

    @Option(names = "--dropout", description = "Dropout rate on the embedding and the dense layer, in [0, 1) "
            + "(default: 0.25).")
    Double dropout;

    @Option(names = "--learning-rate", description = "Adam learning rate (default: 0.002).")
    Double learningRate;

    @Option(names = "--batch-size", description = "Sentences per training batch (default: 32).")
    Integer batchSize;

    @Option(names = "--model-id", description = "Model id stored in the bundle (default: the output file name).")
    String modelId;

    @Option(names = "--dev-fraction", defaultValue = "0.1", description = "Dev share without a split column.")
    double devFraction;

    @Option(names = "--test-fraction", defaultValue = "0.1", description = "Test share without a split column.")
    double testFraction;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the dev and test evaluation as JSON.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (prior != null && !(prior > 0 && prior < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--prior must be between 0 and 1 (exclusive), got " + prior);
        }
        checkWritable(this.out);
        List<LabelledSentence> data = corpus.read(log);
        Splits splits = Splits.of(data, devFraction, testFraction, seed);
        log.printf("splits: train %d, dev %d, test %d%n", splits.train().size(), splits.dev().size(),
                splits.test().size());
        String id = modelId != null ? modelId : this.out.getFileName().toString().replaceFirst("\\.zip$", "");
        TrainedModel trained = train(splits, config(id), log);
        ModelBundle bundle = trained.bundle();
        FramingScorer scorer = FrameLens.fromBundle(bundle);
        Evaluation dev = Evaluator.evaluate(scorer, splits.dev(), "dev split of " + corpus.data);
        java.util.Map<String, Object> metrics = new java.util.LinkedHashMap<>(bundle.manifest().metrics());
        Evaluation test = null;
        if (!splits.test().isEmpty()) {
            test = Evaluator.evaluate(scorer, splits.test(), "test split of " + corpus.data);
            metrics.put("test", BundleIO.jsonMap(test.sentences()));
            test.tokens().ifPresent(t -> metrics.put("testTokens", BundleIO.jsonMap(t)));
        }
        bundle = new ModelBundle(bundle.manifest().withMetrics(BundleIO.jsonMap(metrics)), bundle.vocabulary(),
                bundle.network(), bundle.wordFeatures());
        BundleIO.write(bundle, this.out);
        out.printf(Locale.ROOT, "wrote %s (%d epochs, threshold %.3f)%n", this.out, trained.epochs(),
                bundle.manifest().threshold());
        EvalCommand.printSummary("dev", dev, out);
        if (test != null) {
            EvalCommand.printSummary("test", test, out);
        }
        if (report != null) {
            java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("dev", dev);
            if (test != null) {
                r.put("test", test);
            }
            EvalCommand.writeJson(r, report);
        }
        return 0;
    }

    /** The training configuration these options describe, for a model named {@code id}. */
    TrainingConfig config(String id) {
        TrainingConfig.Builder config = TrainingConfig.builder().seed(seed).modelId(id);
        NetworkSpec network = NetworkSpec.defaults();
        if (epochs != null) {
            config.maxEpochs(epochs);
        }
        if (minWordCount != null) {
            config.minWordCount(minWordCount);
        }
        if (wordDropout != null) {
            config.wordDropout(wordDropout);
        }
        if (channels != null) {
            network = network.withChannels(channels);
        }
        if (embeddingSize != null) {
            network = network.withEmbeddingSize(embeddingSize);
        }
        if (kernelSize != null) {
            network = network.withKernelSize(kernelSize);
        }
        if (convLayers != null) {
            network = network.withConvLayers(convLayers);
        }
        if (hiddenSize != null) {
            network = network.withHiddenSize(hiddenSize);
        }
        if (dropout != null) {
            network = network.withDropout(dropout);
        }
        if (learningRate != null) {
            config.learningRate(learningRate);
        }
        if (batchSize != null) {
            config.batchSize(batchSize);
        }
        if (wordFeatures != null) {
            config.wordFeatures(wordFeatures);
        }
        if (thresholdPolicy != null) {
            config.thresholdPolicy(thresholdPolicy);
        }
        if (joinRate != null) {
            config.joinRate(joinRate);
        }
        if (prior != null) {
            config.prior(prior);
        }
        return config.network(network).pretrained(pretrained, freezeEmbeddings).classWeighting(classWeighting).build();
    }

    /** Fails before training, which can take minutes, when the bundle could not be written afterwards. */
    static void checkWritable(Path target) {
        if (java.nio.file.Files.isDirectory(target)) {
            throw new CliException("--out " + target + " is a directory; give a file name such as model.zip");
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException | SecurityException e) {
            throw new CliException("cannot write --out " + target + ": cannot create folder " + dir + " (" + e
                    + "); choose another path");
        }
        if (!java.nio.file.Files.isWritable(dir)) {
            throw new CliException("cannot write --out " + target + ": folder " + dir + " is not writable; "
                    + "choose another path");
        }
    }

    static TrainedModel train(Splits splits, TrainingConfig config, PrintWriter log) {
        if (splits.dev().isEmpty()) {
            throw new CliException("the dev split is empty: add rows with split=dev or drop the split column");
        }
        try {
            TrainedModel model = new Trainer().train(splits.train(), splits.dev(), config, progress(log));
            if (System.console() != null) {
                log.println(); // end the progress line
            }
            return model;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    static TrainingListener progress(PrintWriter log) {
        boolean terminal = System.console() != null;
        return new TrainingListener() {
            @Override
            public void onStart(int trainingSentences, int joinedExamples) {
                log.printf("training on %d sentences + %d joined two-sentence examples%n", trainingSentences,
                        joinedExamples);
                log.flush();
            }

            @Override
            public void onEpoch(EpochReport r) {
                double eta = r.seconds() / r.epoch() * (r.maxEpochs() - r.epoch());
                String line = String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  dev F1 %.3f%s  %.0fs elapsed, "
                        + "at most %.0fs left", r.epoch(), r.maxEpochs(), r.loss(), r.devF1(),
                        r.best() ? " (best)" : "", r.seconds(), eta);
                if (terminal) {
                    int done = 20 * r.epoch() / r.maxEpochs();
                    log.print("\r[" + "#".repeat(done) + ".".repeat(20 - done) + "] " + line + "    ");
                } else {
                    log.println(line);
                }
                log.flush();
            }
        };
    }
}
