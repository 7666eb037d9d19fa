package org.deepdesk.app.train;

import org.deepdesk.engine.eval.Evaluation;
import org.deepdesk.engine.train.TrainingEvent.Outcome;

/**
 * What a finished run left: how it ended and, unless it diverged, the test-set evaluation.
 *
 * @param outcome how the run ended
 * @param test the evaluation on the MNIST test set, or null after divergence
 */
record RunResult(Outcome outcome, Evaluation test) {
}
