package org.deepdesk.app.classroom;

/**
 * The default training subset for a measured training speed: as many MNIST images as one epoch
 * can train in about a minute, in whole thousands.
 */
public final class SubsetChoice {

    /** Images in the MNIST training set; a subset this large is the full set, stored as limit 0. */
    public static final int FULL_SET = 60_000;

    /** The target time of one epoch, in seconds. */
    static final double TARGET_SECONDS = 60;

    /** The smallest subset chosen, so even a very slow machine learns something in the lesson. */
    static final int MIN_IMAGES = 1_000;

    private SubsetChoice() {
    }

    /**
     * Returns the training limit for a machine that trains {@code imagesPerSecond}: 0 (the full
     * set) when the full set fits the target time, otherwise the subset rounded down to thousands.
     * The validation split is held out of the limit, so the limit is scaled up by it.
     */
    public static int trainingLimit(double imagesPerSecond, double validationSplit) {
        double trainedImages = imagesPerSecond * TARGET_SECONDS;
        double limit = trainedImages / (1 - validationSplit);
        if (limit >= FULL_SET) {
            return 0;
        }
        int thousands = (int) Math.floor(limit / 1000) * 1000;
        return Math.max(MIN_IMAGES, thousands);
    }
}
