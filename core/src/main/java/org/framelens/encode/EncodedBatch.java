package org.framelens.encode;

/**
 * Token ids of a batch of sentences, padded with {@link Vocabulary#PAD} to the longest sentence, and optionally the
 * tokens' fixed {@link WordFeatures}.
 *
 * @param ids                {@code ids[sentence][position]}
 * @param lengths            the number of real tokens of each sentence (the rest is padding)
 * @param features           {@code features[sentence][dimension * width + position]} (zeros for padding), or
 *                           empty arrays when {@code featureDimensions} is 0; packed when {@code idFeaturesOmitted}
 * @param featureDimensions  word-feature values per token; 0 for a model without word features
 * @param idFeaturesOmitted  only the tokens whose id does not determine their features
 *                           ({@link SentenceEncoder#omittingIdFeatures()}) have them, packed in position order:
 *                           the n-th such token's value {@code d} at {@code features[sentence][d * count + n]},
 *                           {@code count} being the sentence's number of such tokens. Only a network that folded
 *                           the ids' features in reads such a batch.
 */
public record EncodedBatch(int[][] ids, int[] lengths, float[][] features, int featureDimensions,
                           boolean idFeaturesOmitted) {
    public EncodedBatch {
        if (ids.length != lengths.length || features.length != ids.length) {
            throw new IllegalArgumentException("ids, lengths and features differ in size");
        }
        if (featureDimensions < 0) {
            throw new IllegalArgumentException("negative feature dimensions");
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
