package org.deepdesk.engine.spec;

/**
 * Max pooling: keeps the largest value of each {@code size x size} window, per channel,
 * without padding.
 *
 * @param size window height and width
 * @param stride step between windows; equal to {@code size} for the usual non-overlapping pooling
 */
@LayerType("MaxPool2D")
public record MaxPool2DSpec(int size, int stride) implements LayerSpec {

    public static MaxPool2DSpec of(int size) {
        return new MaxPool2DSpec(size, size);
    }
}
