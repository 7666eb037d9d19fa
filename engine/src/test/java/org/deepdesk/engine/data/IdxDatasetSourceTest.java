package org.deepdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetSourceTest {

    @TempDir
    Path folder;

    /** Writes a 3-image training split and a 2-image test split of 2x2 images in MNIST layout. */
    private Path fixture() {
        byte[] trainLabels = {0, 9, 5};
        byte[] testLabels = {1, 2};
        IdxFixtures.write(folder, "train-images-idx3-ubyte.gz", IdxFixtures.gzip(IdxFixtures.idx(new int[] {3, 2, 2}, IdxFixtures.counting(12))));
        IdxFixtures.write(folder, "train-labels-idx1-ubyte.gz", IdxFixtures.gzip(IdxFixtures.idx(new int[] {3}, trainLabels)));
        IdxFixtures.write(folder, "t10k-images-idx3-ubyte", IdxFixtures.idx(new int[] {2, 2, 2}, IdxFixtures.counting(8)));
        IdxFixtures.write(folder, "t10k-labels-idx1-ubyte", IdxFixtures.idx(new int[] {2}, testLabels));
        return folder;
    }

    @Test
    void fashionFixtureLoadsBothSplits() {
        LoadedDataset dataset = IdxDatasetSource.fashionMnist(fixture()).load(LoadMonitor.NONE);

        assertEquals(new ImageShape(2, 2, 1), dataset.shape());
        assertEquals(3, dataset.training().size());
        assertEquals(2, dataset.test().size());
        assertEquals("Fashion-MNIST training", dataset.training().name());
    }

    @Test
    void fashionClassNamesFollowLabels() {
        LoadedDataset dataset = IdxDatasetSource.fashionMnist(fixture()).load(LoadMonitor.NONE);

        assertEquals("T-shirt/top", dataset.classNames().get(0).format(Locale.ENGLISH));
        assertEquals("Ankle boot", dataset.classNames().get(9).format(Locale.ENGLISH));
        assertEquals("T恤/上衣", dataset.classNames().get(0).format(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Ankle boot", dataset.classNames().get(dataset.training().labels()[1]).format(Locale.ENGLISH));
    }

    @Test
    void mnistClassNamesAreDigits() {
        LoadedDataset dataset = IdxDatasetSource.mnist(fixture()).load(LoadMonitor.NONE);

        assertEquals("7", dataset.classNames().get(7).format(Locale.ENGLISH));
    }

    @Test
    void debianFashionMnistLoads() {
        assumeTrue(Files.isDirectory(IdxDatasetSource.DEBIAN_FASHION_MNIST), "dataset-fashion-mnist is not installed");

        LoadedDataset dataset = IdxDatasetSource.installedFashionMnist().orElseThrow().load(LoadMonitor.NONE);

        assertEquals(60_000, dataset.training().size());
        assertEquals(10_000, dataset.test().size());
        assertEquals(ImageShape.MNIST, dataset.shape());
        assertEquals(6_000, dataset.classCounts()[0]);
    }
}
