package org.deepdesk.engine.eval;

/**
 * How well one class was recognised.
 *
 * @param classIndex the class
 * @param precision of the samples predicted as this class, the fraction that were this class; NaN if none was predicted
 * @param recall of the samples of this class, the fraction predicted as it; NaN if the set has none
 * @param f1 the harmonic mean of precision and recall; NaN if either is NaN or both are 0
 * @param support the number of samples of this class
 */
public record ClassMetrics(int classIndex, double precision, double recall, double f1, int support) {
}
