package org.deepdesk.engine.spec;

/**
 * A 2D convolution: {@code filters} kernels of {@code kernel x kernel} slide over an
 * H x W x C input and give an H' x W' x filters output.
 *
 * @param filters number of output channels
 * @param kernel kernel height and width
 * @param stride step between kernel positions, in both directions
 * @param padding border handling
 * @param activation applied to every output value
 */
@LayerType("Conv2D")
public record Conv2DSpec(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerSpec {

    public static Conv2DSpec relu(int filters, int kernel) {
        return new Conv2DSpec(filters, kernel, 1, Padding.VALID, Activation.RELU);
    }
}
