package org.deepdesk.engine.spec;

/**
 * A separate activation layer: applies {@code activation} to every value of its input and has no
 * parameters. Shape unchanged. Useful after BatchNorm, which normalizes the linear output of the
 * layer before it.
 *
 * @param activation the element-wise function
 */
@LayerType("Activation")
public record ActivationSpec(Activation activation) implements LayerSpec {
}
