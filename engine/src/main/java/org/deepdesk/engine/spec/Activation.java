package org.deepdesk.engine.spec;

/** Element-wise activation functions that a layer can apply to its output. */
public enum Activation {
    RELU,
    SIGMOID,
    TANH,
    SOFTMAX,
    /** The identity: the layer's linear output passes through unchanged. */
    LINEAR
}
