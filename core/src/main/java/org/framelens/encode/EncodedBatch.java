package org.framelens.encode;

/**
 * Token ids of a batch of sentences, padded with {@link Vocabulary#PAD} to the longest sentence.
 *
 * @param ids     {@code ids[sentence][position]}
 * @param lengths the number of real tokens of each sentence (the rest is padding)
 */
public record EncodedBatch(int[][] ids, int[] lengths) {
    public EncodedBatch {
        if (ids.length != lengths.length) {
            throw new IllegalArgumentException("ids and lengths differ in size");
        }
    }

    public int size() {
        return ids.length;
    }

    /** The padded length (at least 1, so that a batch of empty sentences still has a shape). */
    public int width() {
        return ids.length == 0 ? 1 : ids[0].length;
    }
}
