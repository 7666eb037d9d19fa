package org.deepdesk.engine.spec;

/**
 * Dropout: while training, sets each value to zero with probability {@code rate} and scales the
 * rest by {@code 1 / (1 - rate)}; at prediction time it passes values through. Shape unchanged.
 *
 * @param rate the fraction dropped, in [0, 1)
 */
@LayerType("Dropout")
public record DropoutSpec(double rate) implements LayerSpec {
}
