package org.deepdesk.engine.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.deepdesk.engine.spec.ImageShape;

/**
 * The digits a user drew and labelled: 28x28 grey images with labels 0 to 9, kept as an
 * {@link ImageDataset}. Instances are immutable, so the FX thread can add a digit while a
 * background thread saves or trains on an earlier snapshot.
 *
 * <p>A project file can embed the digits through {@link #asDataset()} and {@link #of(ImageDataset)};
 * {@link PersonalDigitsFiles} stores them as an IDX pair in a folder.
 */
public final class PersonalDigits {

    public static final String NAME = "My handwriting";
    public static final int CLASS_COUNT = 10;

    /** How often each personal digit appears in a mixed set, so a few dozen drawings weigh against hundreds of MNIST images. */
    public static final int REPEATS = 10;

    private static final PersonalDigits EMPTY =
            new PersonalDigits(new ImageDataset(NAME, ImageShape.MNIST, new byte[0], new int[0], CLASS_COUNT));

    private final ImageDataset digits;

    private PersonalDigits(ImageDataset digits) {
        this.digits = digits;
    }

    public static PersonalDigits empty() {
        return EMPTY;
    }

    /**
     * Wraps digits read from a file or a project.
     *
     * @throws IllegalArgumentException when the images are not 28x28 grey or a label is outside 0..9
     */
    public static PersonalDigits of(ImageDataset dataset) {
        if (!dataset.shape().equals(ImageShape.MNIST)) {
            throw new IllegalArgumentException("personal digits are " + ImageShape.MNIST + ", not " + dataset.shape());
        }
        for (int label : dataset.labels()) {
            checkLabel(label);
        }
        return new PersonalDigits(new ImageDataset(NAME, ImageShape.MNIST, dataset.pixels(), dataset.labels(), CLASS_COUNT));
    }

    /**
     * Returns these digits with one more at the end.
     *
     * @param pixels 28x28 values in [0, 1], row by row, as {@code PreparedDigit.pixels()} returns them
     * @throws IllegalArgumentException when {@code pixels} has the wrong length or the label is outside 0..9
     */
    public PersonalDigits withDigit(float[] pixels, int label) {
        checkLabel(label);
        int sampleSize = digits.sampleSize();
        if (pixels.length != sampleSize) {
            throw new IllegalArgumentException("a digit has " + sampleSize + " pixels, not " + pixels.length);
        }

        byte[] grown = Arrays.copyOf(digits.pixels(), digits.pixels().length + sampleSize);
        int offset = digits.pixels().length;
        for (int i = 0; i < sampleSize; i++) {
            float clamped = Math.max(0f, Math.min(1f, pixels[i]));
            grown[offset + i] = (byte) Math.round(clamped * 255f);
        }
        int[] labels = Arrays.copyOf(digits.labels(), digits.size() + 1);
        labels[digits.size()] = label;
        return new PersonalDigits(new ImageDataset(NAME, ImageShape.MNIST, grown, labels, CLASS_COUNT));
    }

    /** Returns these digits without the one at {@code index}. */
    public PersonalDigits without(int index) {
        Objects.checkIndex(index, size());
        int[] kept = new int[size() - 1];
        for (int i = 0, k = 0; i < size(); i++) {
            if (i != index) {
                kept[k++] = i;
            }
        }
        return new PersonalDigits(digits.subset(NAME, kept));
    }

    public int size() {
        return digits.size();
    }

    public boolean isEmpty() {
        return digits.size() == 0;
    }

    public int label(int index) {
        return digits.labels()[index];
    }

    /** Returns digit {@code index} scaled to [0, 1]. */
    public float[] image(int index) {
        return digits.image(index);
    }

    /** Returns the number of saved digits of each class, indexed by label. */
    public int[] countsPerClass() {
        int[] counts = new int[CLASS_COUNT];
        for (int label : digits.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** Returns the digits as a dataset named {@link #NAME}; its arrays must not be changed. */
    public ImageDataset asDataset() {
        return digits;
    }

    /**
     * Returns a training set of each personal digit {@link #REPEATS} times plus {@code mnistCount}
     * MNIST images drawn without replacement, in an order shuffled by {@code seed}.
     *
     * @param mnist 28x28 ten-class images, such as the MNIST training set
     * @param mnistCount how many of them to take; all of them when it exceeds their number
     * @throws IllegalArgumentException when {@code mnist} is not 28x28 ten-class data
     */
    public ImageDataset mixedWith(ImageDataset mnist, int mnistCount, long seed) {
        if (!mnist.shape().equals(ImageShape.MNIST) || mnist.classCount() != CLASS_COUNT) {
            throw new IllegalArgumentException("cannot mix personal digits with " + mnist);
        }
        Random random = new Random(seed);
        int taken = Math.max(0, Math.min(mnistCount, mnist.size()));
        int[] mnistIndices = Arrays.copyOf(permutation(mnist.size(), random), taken);
        ImageDataset mnistPart = mnist.subset(mnist.name(), mnistIndices);

        int personalCount = size() * REPEATS;
        int sampleSize = digits.sampleSize();
        byte[] pixels = new byte[(personalCount + taken) * sampleSize];
        int[] labels = new int[personalCount + taken];
        int[] order = permutation(labels.length, random);
        for (int i = 0; i < labels.length; i++) {
            ImageDataset source = i < personalCount ? digits : mnistPart;
            int sourceIndex = i < personalCount ? i % size() : i - personalCount;
            int target = order[i];
            System.arraycopy(source.pixels(), sourceIndex * sampleSize, pixels, target * sampleSize, sampleSize);
            labels[target] = source.labels()[sourceIndex];
        }
        return new ImageDataset(NAME + " + " + mnist.name(), ImageShape.MNIST, pixels, labels, CLASS_COUNT);
    }

    private static int[] permutation(int count, Random random) {
        int[] order = new int[count];
        Arrays.setAll(order, i -> i);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static void checkLabel(int label) {
        if (label < 0 || label >= CLASS_COUNT) {
            throw new IllegalArgumentException("a digit's label is 0 to 9, not " + label);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalDigits that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return NAME + " (" + size() + " digits)";
    }
}
