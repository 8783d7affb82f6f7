package org.framelens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.framelens.FrameLens;
import org.framelens.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundle that names {@link FramingNetwork#ARCHITECTURE} is rebuilt from its training configuration instead of from
 * DL4J's stored graph; that is only right while the architecture name and the graph builder agree.
 */
class ArchitectureTest {
    @ParameterizedTest(name = "{0} word-feature values")
    @ValueSource(ints = {3, 0})
    void theBuilderStillBuildsTheGraphItsArchitectureNames(int featureDimensions) throws IOException {
        // Failing here means FramingNetwork.configuration now builds another graph, and bundles saved before would be
        // rebuilt wrongly: give the new graph a new ARCHITECTURE name and write its files beside these.
        String golden = FramingNetwork.ARCHITECTURE + (featureDimensions > 0 ? "-features.json" : "-ids.json");
        String expected;
        try (InputStream in = ArchitectureTest.class.getResourceAsStream(golden)) {
            assertNotNull(in, "no " + golden + " pins architecture " + FramingNetwork.ARCHITECTURE);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String built = FramingNetwork.configuration(new NetworkSpec(8, 6, 3, 2, 5, 0.2), 50, featureDimensions, 11,
                1e-3, false).toJson();
        assertEquals(expected, built);
    }

    @Test
    void aBundleNamingTheArchitectureIsRebuiltAndScoresAsTheStoredGraph() throws IOException {
        ModelBundle bundle = Fixtures.tinyBundle();
        assertEquals(FramingNetwork.ARCHITECTURE, bundle.manifest().versions().get(BundleManifest.ARCHITECTURE));
        ModelBundle rebuilt = reread(bundle, UnaryOperator.identity(), UnaryOperator.identity());
        ModelBundle restored = reread(bundle, versions -> {
            versions.remove(BundleManifest.ARCHITECTURE);
            return versions;
        }, UnaryOperator.identity());
        // DL4J counts training iterations in the stored graph; a graph rebuilt from the configuration starts at 0
        assertEquals(0, rebuilt.network().graph().getConfiguration().getIterationCount());
        assertTrue(restored.network().graph().getConfiguration().getIterationCount() > 0);
        assertEquals(restored.network().graph().params(), rebuilt.network().graph().params());
        List<String> probes = BundleRoundTripTest.PROBES;
        assertEquals(FrameLens.fromBundle(restored).scoreAll(probes), FrameLens.fromBundle(rebuilt).scoreAll(probes));
    }

    @Test
    void aConfigurationThatDoesNotFitTheStoredParametersFallsBackToTheStoredGraph() throws IOException {
        ModelBundle bundle = Fixtures.tinyBundle();
        ModelBundle read = reread(bundle, UnaryOperator.identity(), config -> {
            Map<String, Object> network = new HashMap<>(castMap(config.get("network")));
            network.put("channels", 17);
            config.put("network", network);
            return config;
        });
        assertTrue(read.network().graph().getConfiguration().getIterationCount() > 0, "restored, not rebuilt");
        List<String> probes = BundleRoundTripTest.PROBES;
        assertEquals(FrameLens.fromBundle(bundle).scoreAll(probes), FrameLens.fromBundle(read).scoreAll(probes));
    }

    /** Writes {@code bundle} with its manifest's versions and training configuration edited, and reads it back. */
    private static ModelBundle reread(ModelBundle bundle, UnaryOperator<Map<String, String>> versions,
                                      UnaryOperator<Map<String, Object>> config) throws IOException {
        BundleManifest m = bundle.manifest();
        BundleManifest edited = new BundleManifest(m.formatVersion(), m.framelensVersion(), m.modelId(),
                m.createdAt(), m.labels(), m.devices(), m.tokenizer(), m.vocabularySize(), m.threshold(),
                m.tokenThreshold(), m.calibration(), m.seed(), m.trainingData(),
                config.apply(new HashMap<>(m.trainingConfig())), m.metrics(),
                versions.apply(new HashMap<>(m.versions())), m.entries(), m.checksums());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleIO.write(new ModelBundle(edited, bundle.vocabulary(), bundle.network(), bundle.wordFeatures()), out);
        return BundleIO.read(new ByteArrayInputStream(out.toByteArray()), "edited");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
