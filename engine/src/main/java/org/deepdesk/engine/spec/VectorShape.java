package org.deepdesk.engine.spec;

/**
 * The shape of a flat feature vector, as produced by Flatten and Dense layers.
 *
 * @param length number of features
 */
public record VectorShape(long length) implements Shape {

    @Override
    public long size() {
        return length;
    }

    @Override
    public String toString() {
        return Long.toString(length);
    }
}
