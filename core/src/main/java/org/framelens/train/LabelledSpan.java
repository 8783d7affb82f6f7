package org.framelens.train;

import java.util.Objects;
import org.framelens.FramingDevice;

/**
 * A gold loaded-phrase span of a training sentence.
 *
 * @param start  start offset (inclusive) into the sentence text
 * @param end    end offset (exclusive)
 * @param device the device family; corpora that give spans without a device use {@link FramingDevice#LOADED_WORDING}
 */
public record LabelledSpan(int start, int end, FramingDevice device) {
    public LabelledSpan {
        Objects.requireNonNull(device, "device");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
