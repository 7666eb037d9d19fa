package org.deepdesk.engine.data;

/**
 * How many images each split holds.
 *
 * @param training images trained on
 * @param validation images held out from the training set to watch for overfitting
 * @param test images never trained on, for the final evaluation
 */
public record SplitSizes(int training, int validation, int test) {
}
