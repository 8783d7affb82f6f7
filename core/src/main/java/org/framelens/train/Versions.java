package org.framelens.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.framelens.model.BundleManifest;
import org.framelens.model.FramingNetwork;

/** Library versions, and the network architecture, recorded in bundle manifests. */
final class Versions {
    private Versions() {
    }

    static String framelens() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("framelens", framelens());
        m.put("java", System.getProperty("java.version"));
        m.put("dl4j", "1.0.0-M2.1");
        m.put("opennlp", opennlp.tools.util.Version.currentVersion().toString());
        m.put(BundleManifest.ARCHITECTURE, FramingNetwork.ARCHITECTURE);
        return m;
    }
}
