package org.framelens.train;

/**
 * One row is invalid; the reader turns it into a {@link org.framelens.TrainingDataException} with the file and line,
 * and either throws it or skips the row. Checked, so every parser must decide what to do with it.
 */
final class InvalidRowException extends Exception {
    InvalidRowException(String problem) {
        super(problem, null, false, false);
    }
}
