package org.framelens;

import java.util.Objects;

/** The probability that a sentence uses one framing-device family (multi-label: they need not sum to 1). */
public record DeviceScore(FramingDevice device, double probability) {
    public DeviceScore {
        Objects.requireNonNull(device, "device");
    }
}
