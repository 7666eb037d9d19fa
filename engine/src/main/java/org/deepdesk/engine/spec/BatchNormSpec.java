package org.deepdesk.engine.spec;

/**
 * Batch normalization: normalizes each channel (or feature) to zero mean and unit variance
 * over the batch, then applies a learned scale and shift. Shape unchanged.
 */
@LayerType("BatchNorm")
public record BatchNormSpec() implements LayerSpec {
}
