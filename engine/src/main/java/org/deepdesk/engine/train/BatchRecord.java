package org.deepdesk.engine.train;

/**
 * The loss and accuracy of one training batch, kept for the per-batch curves.
 *
 * @param step the update number over the network's whole history, from 1
 * @param loss the batch's mean cross-entropy
 * @param accuracy the fraction of the batch classified right
 */
public record BatchRecord(long step, double loss, double accuracy) {
}
