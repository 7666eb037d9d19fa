package org.deepdesk.engine.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;

/**
 * A dataset ready for training: the training and test images, a name per class and the load
 * report.
 *
 * @param name shown in the UI
 * @param training the images to train on; the validation split is taken from these at training time
 * @param test the images for the final evaluation
 * @param classNames one localizable name per class index
 * @param report skipped items and empty classes
 */
public record LoadedDataset(String name, ImageDataset training, ImageDataset test, List<Message> classNames,
                            LoadReport report) {

    /** The share of a single-file or single-folder dataset held out as its test split. */
    public static final double TEST_FRACTION = 0.2;

    public LoadedDataset {
        classNames = List.copyOf(classNames);
        if (classNames.size() != training.classCount()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + training.classCount() + " classes");
        }
    }

    public ImageShape shape() {
        return training.shape();
    }

    public int classCount() {
        return training.classCount();
    }

    /** Returns the split sizes when {@code validationSplit} of the training images is held out. */
    public SplitSizes splitSizes(double validationSplit) {
        int validation = (int) Math.floor(training.size() * validationSplit);
        return new SplitSizes(training.size() - validation, validation, test.size());
    }

    /** Counts the training images of each class. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : training.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Splits one set of images into training and test sets, holding out {@link #TEST_FRACTION}
     * picked by a permutation seeded with {@code seed}, so the same files give the same split.
     */
    public static LoadedDataset holdOutTest(String name, ImageDataset all, List<Message> classNames, LoadReport report, long seed) {
        int testCount = (int) Math.floor(all.size() * TEST_FRACTION);
        int[] order = permutation(all.size(), new Random(seed));
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] training = Arrays.copyOfRange(order, testCount, order.length);
        Arrays.sort(test);
        Arrays.sort(training);
        return new LoadedDataset(name, all.subset(name + " training", training), all.subset(name + " test", test),
                classNames, report);
    }

    private static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        Arrays.setAll(order, i -> i);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
