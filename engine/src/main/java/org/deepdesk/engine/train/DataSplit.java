package org.deepdesk.engine.train;

import java.util.Arrays;
import java.util.Random;
import org.deepdesk.engine.data.ImageDataset;

/**
 * A training set and the validation set held out from it.
 *
 * @param training the images trained on
 * @param validation the held-out images; empty when the split fraction is 0
 */
record DataSplit(ImageDataset training, ImageDataset validation) {

    /** Holds out {@code fraction} of the images, picked by a permutation seeded with {@code seed}. */
    static DataSplit of(ImageDataset data, double fraction, long seed) {
        int validationCount = (int) Math.floor(data.size() * fraction);
        if (validationCount == 0) {
            return new DataSplit(data, data.subset(data.name() + " validation", new int[0]));
        }
        int[] order = Shuffle.permutation(data.size(), new Random(seed));

        int trainingCount = data.size() - validationCount;
        int[] trainingIndices = Arrays.copyOfRange(order, 0, trainingCount);
        int[] validationIndices = Arrays.copyOfRange(order, trainingCount, order.length);
        // Sorted indices keep the subsets' memory access in file order.
        Arrays.sort(trainingIndices);
        Arrays.sort(validationIndices);
        return new DataSplit(
                data.subset(data.name() + " training", trainingIndices),
                data.subset(data.name() + " validation", validationIndices));
    }
}
