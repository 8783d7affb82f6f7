package org.framelens.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.framelens.model.BundleIO;
import org.framelens.train.TrainingConfig;

/**
 * The {@code framelens train} options that rebuild a model from its manifest's training configuration: every setting
 * that differs from the defaults, so the command a model card prints reproduces that model and not the defaults.
 */
final class RetrainCommandLine {
    /** Manifest keys (network keys prefixed {@code network.}) and the train option that sets each. */
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("maxEpochs", "--epochs");
        OPTIONS.put("minWordCount", "--min-word-count");
        OPTIONS.put("wordDropout", "--word-dropout");
        OPTIONS.put("pretrained", "--pretrained");
        OPTIONS.put("freezeEmbeddings", "--freeze-embeddings");
        OPTIONS.put("classWeighting", "--class-weighting");
        OPTIONS.put("thresholdPolicy", "--threshold-policy");
        OPTIONS.put("joinRate", "--join-rate");
        OPTIONS.put("prior", "--prior");
        OPTIONS.put("network.embeddingSize", "--embedding-size");
        OPTIONS.put("network.channels", "--channels");
        OPTIONS.put("network.kernelSize", "--kernel-size");
        OPTIONS.put("network.convLayers", "--conv-layers");
        OPTIONS.put("network.hiddenSize", "--hidden-size");
        OPTIONS.put("network.dropout", "--dropout");
        OPTIONS.put("learningRate", "--learning-rate");
        OPTIONS.put("batchSize", "--batch-size");
    }

    private RetrainCommandLine() {
    }

    /**
     * The options, space-separated, for the settings in {@code config} that differ from
     * {@link TrainingConfig#defaults()}; seed, model id and word features are always given. A setting without a
     * train option (patience) is reported after the command, since the command alone would not reproduce it.
     */
    static String options(Map<String, Object> config) {
        Map<String, Object> actual = flatten(config);
        Map<String, Object> defaults = flatten(BundleIO.jsonMap(TrainingConfig.defaults().asMap()));
        List<String> args = new ArrayList<>();
        args.add("--word-features " + actual.get("wordFeatures"));
        args.add("--model-id " + actual.get("modelId"));
        args.add("--seed " + actual.get("seed"));
        for (Map.Entry<String, String> option : OPTIONS.entrySet()) {
            Object value = actual.get(option.getKey());
            if (value == null || Objects.equals(value, defaults.get(option.getKey()))) {
                continue;
            }
            if (value instanceof Boolean on) {
                args.add(on ? option.getValue() : option.getValue().replaceFirst("^--", "--no-"));
            } else {
                args.add(option.getValue() + " " + value);
            }
        }
        return String.join(" ", args);
    }

    /** Settings {@link #options} cannot express, as {@code key=value}, or an empty list. */
    static List<String> unreproducible(Map<String, Object> config) {
        Map<String, Object> actual = flatten(config);
        Map<String, Object> defaults = flatten(BundleIO.jsonMap(TrainingConfig.defaults().asMap()));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> setting : actual.entrySet()) {
            String key = setting.getKey();
            boolean always = key.equals("wordFeatures") || key.equals("modelId") || key.equals("seed");
            if (!always && !OPTIONS.containsKey(key) && !Objects.equals(setting.getValue(), defaults.get(key))) {
                missing.add(key + "=" + setting.getValue());
            }
        }
        return missing;
    }

    private static Map<String, Object> flatten(Map<String, Object> config) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                nested.forEach((k, v) -> flat.put(e.getKey() + "." + k, v));
            } else {
                flat.put(e.getKey(), e.getValue());
            }
        }
        return flat;
    }
}
