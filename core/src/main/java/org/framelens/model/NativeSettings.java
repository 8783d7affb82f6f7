package org.framelens.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * JVM-wide settings for ND4J's native layer that FrameLens applies before ND4J starts, unless the application has
 * set them itself, and ND4J's start on a background thread.
 */
public final class NativeSettings {
    /**
     * JavaCPP checks the process's physical memory (reading {@code /proc}) on every native allocation when a limit is
     * set, and by default one is; for FrameLens's many small arrays that check was a quarter of the time of a
     * single-sentence call (p50 0.65 to 0.48 ms without it). FrameLens bounds its own native memory with
     * workspaces, and {@code -Xmx} still bounds the heap. Set the property yourself to keep JavaCPP's check.
     */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    /**
     * ND4J's native backend, started once per JVM: loading its native libraries is about 0.45 s of a cold start
     * and needs nothing from the bundle, so {@link BundleIO} starts it before reading one.
     */
    static final BackgroundStart<Boolean> BACKEND = new BackgroundStart<>("framelens-nd4j-start", () -> {
        apply();
        Nd4j.scalar(0f); // loads the backend and its native libraries, and allocates once
        return true;
    });

    private NativeSettings() {
    }

    /** Starts ND4J's native backend on a background thread, once per JVM; returns at once. */
    public static void startBackend() {
        BACKEND.start();
    }

    static void apply() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
