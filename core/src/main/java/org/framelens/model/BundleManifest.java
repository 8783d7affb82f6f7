package org.framelens.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest of a model bundle ({@code manifest.json}): what the model is, how it was made, and a SHA-256 and a
 * CRC-32C for every other entry.
 *
 * @param formatVersion     bundle layout version; readers refuse versions they do not know
 * @param framelensVersion  FrameLens version that wrote the bundle
 * @param modelId           a name for the model, shown in results
 * @param createdAt         ISO-8601 instant of creation
 * @param labels            sentence labels, negative first: {@code [NEUTRAL, LOADED]}
 * @param devices           device-family codes in head order
 * @param tokenizer         identity of the tokenizer the vocabulary was built with
 * @param vocabularySize    number of vocabulary entries (must equal the network's embedding input size)
 * @param threshold         decision threshold on the calibrated probability (see the training config's policy)
 * @param tokenThreshold    per-token threshold for loaded phrases, chosen on dev
 * @param calibration       Platt scaling of the sentence head, fitted on dev
 * @param seed              training seed
 * @param trainingData      data provenance: sha256, rows, sources
 * @param trainingConfig    the full training configuration
 * @param metrics           evaluation figures (dev and, when present, test)
 * @param versions          Java, DL4J and OpenNLP versions at training time
 * @param entries           SHA-256 of every other entry in the bundle, by entry name
 * @param checksums         CRC-32C of every other entry, by entry name (hex), which loading checks; empty in bundles
 *                          written before it existed, whose entries are checked against their SHA-256 instead
 */
public record BundleManifest(int formatVersion, String framelensVersion, String modelId, String createdAt,
                             List<String> labels, List<String> devices, String tokenizer, int vocabularySize,
                             double threshold, double tokenThreshold, Calibration calibration, long seed,
                             Map<String, Object> trainingData, Map<String, Object> trainingConfig,
                             Map<String, Object> metrics, Map<String, String> versions,
                             Map<String, String> entries, Map<String, String> checksums) {
    /** The bundle format this version of FrameLens writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The {@link #versions} entry naming the network's {@link FramingNetwork#ARCHITECTURE}. */
    public static final String ARCHITECTURE = "architecture";
    /** The {@link #trainingConfig} entry of a prior the model was calibrated to ({@link #calibrationPrior()}). */
    public static final String PRIOR = "prior";

    public BundleManifest {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(calibration, "calibration");
        labels = List.copyOf(labels);
        devices = List.copyOf(devices);
        trainingData = Map.copyOf(trainingData);
        trainingConfig = Map.copyOf(trainingConfig);
        metrics = Map.copyOf(metrics);
        versions = Map.copyOf(versions);
        entries = Map.copyOf(entries);
        checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
    }

    /** The share of loaded sentences in the dev split that calibration was fitted on, if the bundle records it. */
    public java.util.OptionalDouble devLoadedShare() {
        if (trainingData.get("devLoaded") instanceof Number loaded && trainingData.get("devRows") instanceof Number rows
                && rows.doubleValue() > 0) {
            return java.util.OptionalDouble.of(loaded.doubleValue() / rows.doubleValue());
        }
        return java.util.OptionalDouble.empty();
    }

    /**
     * The share of loaded sentences that the calibrated probabilities assume: the training prior when the model was
     * trained with one ({@code TrainingConfig.prior}), otherwise the dev split's share.
     */
    public java.util.OptionalDouble calibrationPrior() {
        if (trainingConfig.get(PRIOR) instanceof Number prior) {
            return java.util.OptionalDouble.of(prior.doubleValue());
        }
        return devLoadedShare();
    }

    /** A copy with the entries' SHA-256 and CRC-32C set (the writer fills them in last). */
    public BundleManifest withEntries(Map<String, String> sha256, Map<String, String> crc32c) {
        return new BundleManifest(formatVersion, framelensVersion, modelId, createdAt, labels, devices, tokenizer,
                vocabularySize, threshold, tokenThreshold, calibration, seed, trainingData, trainingConfig, metrics,
                versions, sha256, crc32c);
    }

    /** A copy with other metrics (for example after a test-split evaluation). */
    public BundleManifest withMetrics(Map<String, Object> newMetrics) {
        return new BundleManifest(formatVersion, framelensVersion, modelId, createdAt, labels, devices, tokenizer,
                vocabularySize, threshold, tokenThreshold, calibration, seed, trainingData, trainingConfig,
                newMetrics, versions, entries, checksums);
    }
}
