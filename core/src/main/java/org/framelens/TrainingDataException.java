package org.framelens;

/** A training or evaluation row is invalid; names the source file and the 1-based line where it starts. */
public class TrainingDataException extends FrameLensException {
    private final String source;
    private final long line;

    public TrainingDataException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream name) the row came from. */
    public String source() {
        return source;
    }

    /** The 1-based line where the bad row starts, or 0 when the problem concerns the whole source. */
    public long line() {
        return line;
    }
}
