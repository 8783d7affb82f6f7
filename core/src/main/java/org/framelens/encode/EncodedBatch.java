package org.framelens.encode;

/**
 * Token ids of a batch of sentences, padded with {@link Vocabulary#PAD} to the longest sentence, and optionally the
 * tokens' fixed {@link WordFeatures}.
 *
 * @param ids                {@code ids[sentence][position]}
 * @param lengths            the number of real tokens of each sentence (the rest is padding)
 * @param features           {@code features[sentence][dimension * width + position]} (zeros for padding), or
 *                           empty arrays when {@code featureDimensions} is 0
 * @param featureDimensions  word-feature values per token; 0 for a model without word features
 * @param idFeaturesOmitted  the features are zero for tokens whose id determines them
 *                           ({@link SentenceEncoder#omittingIdFeatures()}): only a network that folded them in reads
 *                           such a batch correctly; its sentences with no other features share one array of zeros
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
