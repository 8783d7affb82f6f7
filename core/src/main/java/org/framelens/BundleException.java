package org.framelens;

/** A model bundle could not be read, written or trusted. {@link #reason()} says which check failed. */
public class BundleException extends FrameLensException {

    /** Why a bundle was rejected. */
    public enum Reason {
        /** The file is missing, unreadable or not a zip archive (for example truncated). */
        UNREADABLE,
        /** A required entry is absent. */
        MISSING_ENTRY,
        /** An entry's checksum differs from the manifest's: the file is corrupt or was edited. */
        HASH_MISMATCH,
        /** The bundle's format version is not one this FrameLens reads. */
        UNSUPPORTED_FORMAT,
        /** The manifest contradicts the other entries (vocabulary size, labels, tokenizer). */
        MANIFEST_MISMATCH,
        /** The bundle could not be written. */
        WRITE_FAILED
    }

    private final Reason reason;

    public BundleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
