package org.deepdesk.engine.data;

import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes: its dimension sizes and its data, last
 * dimension fastest, as the file stores it.
 *
 * <p>The arrays are owned by this record: callers must not change them.
 *
 * @param dimensions the size of each dimension, outermost first, each at least 1
 * @param data the product of {@code dimensions} bytes
 */
public record IdxData(int[] dimensions, byte[] data) {

    public IdxData {
        long expected = elementCount(dimensions);
        if (expected != data.length) {
            throw new IllegalArgumentException("dimensions " + describe(dimensions) + " need " + expected
                    + " bytes, but data holds " + data.length);
        }
    }

    /** Returns the size of dimension {@code index}, counted from 0. */
    public int dimension(int index) {
        return dimensions[index];
    }

    public int dimensionCount() {
        return dimensions.length;
    }

    /** Returns the dimensions as text, such as {@code 60000x28x28}. */
    public String describeDimensions() {
        return describe(dimensions);
    }

    static long elementCount(int[] dimensions) {
        long count = 1;
        for (int size : dimensions) {
            count *= size;
        }
        return count;
    }

    static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int size : dimensions) {
            if (text.length() > 0) {
                text.append('x');
            }
            text.append(size);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxData that
                && Arrays.equals(dimensions, that.dimensions)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxData[" + describeDimensions() + "]";
    }
}
