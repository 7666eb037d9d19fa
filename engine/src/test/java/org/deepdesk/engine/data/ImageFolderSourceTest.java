package org.deepdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {

    private static final long ENOUGH_MEMORY = 64L * 1024 * 1024;

    @TempDir
    Path folder;

    /**
     * Builds cats/ with 3 PNGs (one in a nested folder), dogs/ with 2 JPEGs and 1 BMP plus a
     * broken PNG, a zero-byte file and a text file, and an empty birds/ folder.
     */
    @BeforeEach
    void createFixture() throws IOException {
        Path cats = Files.createDirectories(folder.resolve("cats"));
        Path nested = Files.createDirectories(cats.resolve("kittens"));
        Path dogs = Files.createDirectories(folder.resolve("dogs"));
        Files.createDirectories(folder.resolve("birds"));

        writeImage(cats.resolve("a.png"), 40, 30, Color.WHITE, "png");
        writeImage(cats.resolve("b.png"), 10, 10, Color.GRAY, "png");
        writeImage(nested.resolve("c.png"), 56, 56, Color.WHITE, "png");
        writeImage(dogs.resolve("d.jpg"), 64, 48, Color.RED, "jpg");
        writeImage(dogs.resolve("e.jpg"), 28, 28, Color.BLUE, "jpg");
        writeImage(dogs.resolve("f.bmp"), 100, 20, Color.GREEN, "bmp");
        Files.write(dogs.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I'});
        Files.write(dogs.resolve("empty.png"), new byte[0]);
        Files.writeString(dogs.resolve("notes.txt"), "not an image");
    }

    @Test
    void loadsReadableImagesOnly() {
        LoadedDataset dataset = source(ImageShape.MNIST).load(LoadMonitor.NONE);

        assertEquals(6, dataset.report().loaded());
        assertEquals(6, dataset.training().size() + dataset.test().size());
    }

    @Test
    void nestedFolderCountsForItsClass() {
        LoadedDataset dataset = source(ImageShape.MNIST).load(LoadMonitor.NONE);

        int[] all = allCounts(dataset);
        assertEquals(3, all[0], "cats, with kittens/c.png");
        assertEquals(3, all[1], "dogs");
    }

    @Test
    void skippedFilesListedWithReasons() {
        LoadReport report = source(ImageShape.MNIST).load(LoadMonitor.NONE).report();

        List<String> skipped = report.skipped().stream()
                .map(item -> Path.of(item.location()).getFileName() + " " + item.reason().key())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(3, report.skippedCount());
        assertEquals("broken.png dataset.skip.unreadable", skipped.get(0));
        assertEquals("empty.png dataset.skip.emptyFile", skipped.get(1));
        assertEquals("notes.txt dataset.skip.notImage", skipped.get(2));
    }

    @Test
    void emptyClassReportedAndLeftOut() {
        LoadedDataset dataset = source(ImageShape.MNIST).load(LoadMonitor.NONE);

        assertEquals(List.of("birds"), dataset.report().emptyClasses());
        assertEquals(2, dataset.classCount());
        assertEquals("cats", dataset.classNames().get(0).arguments().get(0));
        assertEquals("dogs", dataset.classNames().get(1).arguments().get(0));
    }

    @Test
    void greyConversionUsesLuma() {
        LoadedDataset dataset = source(new ImageShape(8, 8, 1)).load(LoadMonitor.NONE);
        ImageDataset everything = merged(dataset);

        // cats/a.png is white, so every pixel of some cat image is 255.
        assertTrue(hasUniformImage(everything, 0, 255), "a white cat image");
        // dogs/e.jpg is blue: luma 0.114 * 255 = 29, give or take JPEG rounding.
        assertTrue(hasImageNear(everything, 1, 29, 3), "a blue dog image");
    }

    @Test
    void colourShapeKeepsChannels() {
        LoadedDataset dataset = source(new ImageShape(4, 4, 3)).load(LoadMonitor.NONE);

        assertEquals(new ImageShape(4, 4, 3), dataset.shape());
        assertEquals(48, dataset.training().sampleSize());
    }

    @Test
    void testSplitHeldOut() {
        LoadedDataset dataset = source(ImageShape.MNIST).load(LoadMonitor.NONE);

        SplitSizes sizes = dataset.splitSizes(0.25);
        assertEquals(1, sizes.test());
        assertEquals(1, sizes.validation());
        assertEquals(4, sizes.training());
    }

    @Test
    void hugeImageSkippedUnread() throws IOException {
        // A 10,000 x 6,000 PNG: a valid header promising 60 megapixels, with no pixel data after it.
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0x27, 0x10, 0, 0, 0x17, 0x70, 8, 0, 0, 0, 0, 0, 0, 0, 0};
        Files.write(folder.resolve("cats").resolve("huge.png"), header);

        LoadReport report = source(ImageShape.MNIST).load(LoadMonitor.NONE).report();

        List<String> reasons = report.skipped().stream()
                .filter(item -> item.location().endsWith("huge.png"))
                .map(item -> item.reason().key())
                .collect(Collectors.toList());
        assertEquals(List.of("dataset.skip.tooLarge"), reasons);
    }

    @Test
    void singleClassRejected() throws IOException {
        Path single = Files.createDirectories(folder.resolve("only").resolve("one"));
        writeImage(single.resolve("x.png"), 5, 5, Color.WHITE, "png");

        EngineException failure = assertThrows(EngineException.class,
                () -> new ImageFolderSource(folder.resolve("only"), ImageShape.MNIST, ENOUGH_MEMORY, 1).load(LoadMonitor.NONE));

        assertEquals("error.dataset.tooFewClasses", failure.userMessage().key());
    }

    @Test
    void memoryLimitRejectsBeforeReading() {
        EngineException failure = assertThrows(EngineException.class,
                () -> new ImageFolderSource(folder, ImageShape.MNIST, 1000, 1).load(LoadMonitor.NONE));

        assertEquals("error.dataset.tooLarge", failure.userMessage().key());
    }

    @Test
    void cancelStopsLoading() {
        LoadMonitor cancelAfterFirst = new LoadMonitor() {
            private long done;

            @Override
            public void progress(long count, long total) {
                done = count;
            }

            @Override
            public boolean isCancelled() {
                return done >= 1;
            }
        };

        assertThrows(CancellationException.class, () -> source(ImageShape.MNIST).load(cancelAfterFirst));
    }

    @Test
    void missingFolderRejected() {
        EngineException failure = assertThrows(EngineException.class,
                () -> ImageFolderSource.grey(folder.resolve("absent")).load(LoadMonitor.NONE));

        assertEquals("error.dataset.folderNotFound", failure.userMessage().key());
    }

    private ImageFolderSource source(ImageShape shape) {
        return new ImageFolderSource(folder, shape, ENOUGH_MEMORY, 7);
    }

    private static void writeImage(Path file, int width, int height, Color colour, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        assertTrue(ImageIO.write(image, format, file.toFile()), "ImageIO writes " + format);
    }

    private static int[] allCounts(LoadedDataset dataset) {
        int[] counts = dataset.classCounts();
        for (int label : dataset.test().labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static ImageDataset merged(LoadedDataset dataset) {
        ImageDataset training = dataset.training();
        ImageDataset test = dataset.test();
        byte[] pixels = new byte[training.pixels().length + test.pixels().length];
        System.arraycopy(training.pixels(), 0, pixels, 0, training.pixels().length);
        System.arraycopy(test.pixels(), 0, pixels, training.pixels().length, test.pixels().length);
        int[] labels = new int[training.size() + test.size()];
        System.arraycopy(training.labels(), 0, labels, 0, training.size());
        System.arraycopy(test.labels(), 0, labels, training.size(), test.size());
        return new ImageDataset("all", training.shape(), pixels, labels, training.classCount());
    }

    private static boolean hasUniformImage(ImageDataset dataset, int label, int value) {
        return hasImageNear(dataset, label, value, 0);
    }

    private static boolean hasImageNear(ImageDataset dataset, int label, int value, int tolerance) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.labels()[i] != label) {
                continue;
            }
            boolean all = true;
            for (float pixel : dataset.image(i)) {
                all &= Math.abs(Math.round(pixel * 255) - value) <= tolerance;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
