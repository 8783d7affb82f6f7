package org.framelens;

/** Base of every exception FrameLens throws on purpose; unchecked, like OpenNLP's and DL4J's. */
public class FrameLensException extends RuntimeException {
    public FrameLensException(String message) {
        super(message);
    }

    public FrameLensException(String message, Throwable cause) {
        super(message, cause);
    }
}
