package org.deepdesk.engine.data;

/** The two parts of MNIST, with the standard file names of each. */
public enum MnistSplit {

    /** The 60,000 training images. */
    TRAIN("train", "MNIST train"),

    /** The 10,000 test images. */
    TEST("t10k", "MNIST test");

    private final String filePrefix;
    private final String datasetName;

    MnistSplit(String filePrefix, String datasetName) {
        this.filePrefix = filePrefix;
        this.datasetName = datasetName;
    }

    /** Returns the image file name without {@code .gz}, such as {@code train-images-idx3-ubyte}. */
    public String imagesFileName() {
        return filePrefix + "-images-idx3-ubyte";
    }

    /** Returns the label file name without {@code .gz}, such as {@code train-labels-idx1-ubyte}. */
    public String labelsFileName() {
        return filePrefix + "-labels-idx1-ubyte";
    }

    /** Returns the dataset name shown in the UI. */
    public String datasetName() {
        return datasetName;
    }
}
