package org.framelens.cli;

/** A user-facing CLI error: its message is printed as one line and the command exits with 1. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
