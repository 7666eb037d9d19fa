package org.deepdesk.engine.spec;

/** Border handling of convolutions, named as in Keras. */
public enum Padding {
    /** Zero-pads the input so that the output size is {@code ceil(input / stride)}. */
    SAME,
    /** No padding: the output size is {@code floor((input - kernel) / stride) + 1}. */
    VALID
}
