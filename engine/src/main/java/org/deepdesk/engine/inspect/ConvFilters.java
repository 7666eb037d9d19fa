package org.deepdesk.engine.inspect;

/**
 * The learned kernels of one convolution layer.
 *
 * @param layerIndex the layer's position in the stack, from 0
 * @param filters number of kernels (output channels)
 * @param inputChannels channels each kernel reads
 * @param kernel kernel height and width
 * @param weights in (filter, input channel, row, column) order
 */
public record ConvFilters(int layerIndex, int filters, int inputChannels, int kernel, float[] weights) {

    /** Returns one kernel slice, row-major: filter {@code filter} on input channel {@code channel}. */
    public float[] slice(int filter, int channel) {
        int size = kernel * kernel;
        float[] slice = new float[size];
        System.arraycopy(weights, (filter * inputChannels + channel) * size, slice, 0, size);
        return slice;
    }
}
