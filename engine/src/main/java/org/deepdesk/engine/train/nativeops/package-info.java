/**
 * A training backend assembled from ND4J's native ops (oneDNN convolution and pooling, BLAS
 * matrix multiply, fused updaters) instead of Deeplearning4j's layers.
 *
 * <p>How it is laid out, and why (each point was measured, see {@code docs/benchmarks.md}):
 * <ul>
 *   <li>Images flow in NHWC order, which oneDNN runs faster than NCHW; the model's input
 *       (NCHW) is reordered while it is copied in, which is free for one-channel images.</li>
 *   <li>Every array a step touches is allocated once per batch size ({@link Plan}) and reused:
 *       letting ND4J allocate outputs cost milliseconds per large output.</li>
 *   <li>Native ops run through {@link NativeCall}, an op and its context built once.</li>
 *   <li>Parameters, gradients and optimizer state are flat arrays; layers see views, and one
 *       fused updater op updates everything.</li>
 * </ul>
 * Correctness is proven by gradient checks and parity tests against Deeplearning4j.
 */
package org.deepdesk.engine.train.nativeops;
