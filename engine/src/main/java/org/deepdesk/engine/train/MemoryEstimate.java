package org.deepdesk.engine.train;

/**
 * An estimate of the memory one training step of a network needs, in bytes. Estimates are
 * doubles because a hand-edited stack can declare more bytes than a {@code long} holds.
 *
 * @param parameterBytes the weights, their gradients and the optimizer's state
 * @param activationBytes the layer outputs of one batch and their gradients
 */
public record MemoryEstimate(double parameterBytes, double activationBytes) {

    public double totalBytes() {
        return parameterBytes + activationBytes;
    }
}
