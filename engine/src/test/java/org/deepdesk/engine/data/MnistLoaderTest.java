package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.deepdesk.engine.data.IdxFixtures.counting;
import static org.deepdesk.engine.data.IdxFixtures.gzip;
import static org.deepdesk.engine.data.IdxFixtures.idx;
import static org.deepdesk.engine.data.IdxFixtures.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {

    @TempDir
    Path folder;

    @Test
    void loadsGzipImagesAndRawLabels() {
        write(folder, "t10k-images-idx3-ubyte.gz", gzip(idx(new int[] {3, 2, 4}, counting(24))));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {3}, new byte[] {7, 0, 9}));

        ImageDataset dataset = MnistLoader.load(folder, MnistSplit.TEST);

        assertThat(dataset.name()).isEqualTo("MNIST test");
        assertThat(dataset.shape()).isEqualTo(new ImageShape(2, 4, 1));
        assertThat(dataset.classCount()).isEqualTo(10);
        assertThat(dataset.labels()).containsExactly(7, 0, 9);
        assertThat(dataset.pixels()).containsExactly(counting(24));
    }

    @Test
    void loadsTrainSplit() {
        write(folder, "train-images-idx3-ubyte", idx(new int[] {2, 2, 2}, counting(8)));
        write(folder, "train-labels-idx1-ubyte.gz", gzip(idx(new int[] {2}, new byte[] {1, 2})));

        ImageDataset dataset = MnistLoader.load(folder, MnistSplit.TRAIN);

        assertThat(dataset.name()).isEqualTo("MNIST train");
        assertThat(dataset.labels()).containsExactly(1, 2);
    }

    @Test
    void rejectsCountMismatch() {
        write(folder, "t10k-images-idx3-ubyte", idx(new int[] {3, 2, 2}, counting(12)));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {2}, new byte[] {1, 2}));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.countMismatch");
    }

    @Test
    void countMismatchNamesBothFiles() {
        Path images = write(folder, "t10k-images-idx3-ubyte", idx(new int[] {3, 2, 2}, counting(12)));
        Path labels = write(folder, "t10k-labels-idx1-ubyte.gz", gzip(idx(new int[] {2}, new byte[] {1, 2})));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().arguments()).containsExactly(images, 3, labels, 2);
        assertThat(failure.getMessage()).contains(images.toString());
        assertThat(failure.getMessage()).contains(labels.toString());
    }

    @Test
    void rejectsHtmlSavedAsImages() {
        Path images = write(folder, "t10k-images-idx3-ubyte.gz",
                "<html><body>Forbidden</body></html>".getBytes(StandardCharsets.US_ASCII));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {2}, new byte[] {1, 2}));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.htmlPage");
        assertThat(failure.userMessage().arguments()).containsExactly(images);
    }

    @Test
    void rejectsLabelOutOfRange() {
        write(folder, "t10k-images-idx3-ubyte", idx(new int[] {2, 2, 2}, counting(8)));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {2}, new byte[] {3, 10}));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.labelOutOfRange");
        assertThat(failure.userMessage().arguments()).containsExactly(
                folder.resolve("t10k-labels-idx1-ubyte"), 10, 2);
    }

    @Test
    void rejectsSwappedFiles() {
        write(folder, "t10k-images-idx3-ubyte", idx(new int[] {2}, new byte[] {1, 2}));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {2, 2, 2}, counting(8)));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.imagesNot3d");
    }

    @Test
    void rejectsLabelsWithTwoDimensions() {
        write(folder, "t10k-images-idx3-ubyte", idx(new int[] {2, 2, 2}, counting(8)));
        write(folder, "t10k-labels-idx1-ubyte", idx(new int[] {2, 1}, new byte[] {1, 2}));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.labelsNot1d");
    }

    @Test
    void rejectsMissingFolder() {
        Path absent = folder.resolve("absent");

        EngineException failure = loadFailure(absent);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.folderNotFound");
        assertThat(failure.getMessage()).contains(absent.toString());
    }

    @Test
    void rejectsMissingLabels() {
        write(folder, "t10k-images-idx3-ubyte.gz", gzip(idx(new int[] {2, 2, 2}, counting(8))));

        EngineException failure = loadFailure(folder);

        assertThat(failure.userMessage().key()).isEqualTo("error.mnist.missingFiles");
        assertThat(failure.getMessage()).contains(folder.toString());
        assertThat(failure.getMessage()).contains("t10k-labels-idx1-ubyte");
        assertThat(failure.getMessage()).doesNotContain("t10k-images-idx3-ubyte");
    }

    @Test
    void hasAllFilesNeedsFourFiles() {
        for (MnistSplit split : MnistSplit.values()) {
            write(folder, split.imagesFileName() + ".gz", new byte[0]);
        }
        write(folder, MnistSplit.TRAIN.labelsFileName(), new byte[0]);

        assertThat(MnistLoader.hasAllFiles(folder)).isFalse();

        write(folder, MnistSplit.TEST.labelsFileName() + ".gz", new byte[0]);

        assertThat(MnistLoader.hasAllFiles(folder)).isTrue();
    }

    @Test
    void loadsBundledTestSplit() {
        Path bundled = Path.of("..", "sample-data", "mnist");
        assertThat(Files.isDirectory(bundled)).as("tests run from engine/, next to sample-data/").isTrue();

        ImageDataset dataset = MnistLoader.load(bundled, MnistSplit.TEST);

        assertThat(dataset.size()).isEqualTo(10_000);
        assertThat(dataset.shape()).isEqualTo(ImageShape.MNIST);
        assertThat(dataset.labels()[0]).isEqualTo(7);
    }

    private static EngineException loadFailure(Path folder) {
        return catchThrowableOfType(EngineException.class, () -> MnistLoader.load(folder, MnistSplit.TEST));
    }
}
