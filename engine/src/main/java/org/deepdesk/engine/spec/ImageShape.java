package org.deepdesk.engine.spec;

/**
 * The shape of an image-like tensor: height x width x channels.
 *
 * @param height rows, at least 1
 * @param width columns, at least 1
 * @param channels feature channels, at least 1 (1 for grey input)
 */
public record ImageShape(int height, int width, int channels) implements Shape {

    public static final ImageShape MNIST = new ImageShape(28, 28, 1);

    @Override
    public long size() {
        return (long) height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
