package org.deepdesk.engine.spec;

/**
 * Average pooling: the mean of each {@code size x size} window, per channel, without padding.
 *
 * @param size window height and width
 * @param stride step between windows
 */
@LayerType("AvgPool2D")
public record AvgPool2DSpec(int size, int stride) implements LayerSpec {

    public static AvgPool2DSpec of(int size) {
        return new AvgPool2DSpec(size, size);
    }
}
