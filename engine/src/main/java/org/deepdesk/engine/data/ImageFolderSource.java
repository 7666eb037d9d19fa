package org.deepdesk.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder with one subfolder per class, named after the class, holding images in any format
 * ImageIO reads (PNG, JPEG, BMP, GIF), of any size, grey or colour. Files in nested folders
 * belong to the class folder they are in. Every image is converted to {@code shape}.
 *
 * <p>Files that are empty or that ImageIO cannot decode are skipped and listed in the report;
 * class folders without a usable image are left out of the classes and listed too.
 *
 * @param folder the dataset folder
 * @param shape the shape every image is converted to, such as 28x28x1 or 28x28x3
 * @param memoryLimit the most bytes the loaded images may take
 * @param seed picks the test split
 */
public record ImageFolderSource(Path folder, ImageShape shape, long memoryLimit, long seed) implements DatasetSource {

    /**
     * Images with more pixels than this are skipped unread: decoding one takes four bytes per
     * pixel, so 50 megapixels already need 200 MB before any conversion.
     */
    static final long MAX_PIXELS = 50_000_000L;


    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSource.class);

    /** Grey 28x28 images, as MNIST networks expect, within the JVM's maximum heap. */
    public static ImageFolderSource grey(Path folder) {
        return new ImageFolderSource(folder, ImageShape.MNIST, Runtime.getRuntime().maxMemory(), 42);
    }

    @Override
    public LoadedDataset load(LoadMonitor monitor) {
        if (!Files.isDirectory(folder)) {
            throw new EngineException(Message.of("error.dataset.folderNotFound", folder));
        }
        List<SkippedItem> skipped = new ArrayList<>();
        List<Path> classFolders = new ArrayList<>();
        for (Path entry : list(folder)) {
            if (Files.isDirectory(entry)) {
                classFolders.add(entry);
            } else {
                skipped.add(new SkippedItem(entry.toString(), Message.of("dataset.skip.outsideClass")));
            }
        }

        List<List<Path>> files = new ArrayList<>();
        long fileCount = 0;
        for (Path classFolder : classFolders) {
            List<Path> classFiles = walk(classFolder);
            files.add(classFiles);
            fileCount += classFiles.size();
        }
        checkMemory(fileCount);

        ClassImages images = new ClassImages(shape, (int) fileCount);
        List<Message> classNames = new ArrayList<>();
        List<String> emptyClasses = new ArrayList<>();
        long done = 0;
        for (int c = 0; c < classFolders.size(); c++) {
            int before = images.count();
            for (Path file : files.get(c)) {
                monitor.checkCancelled();
                readInto(file, classNames.size(), images, skipped);
                monitor.progress(++done, fileCount);
            }
            String className = classFolders.get(c).getFileName().toString();
            if (images.count() == before) {
                emptyClasses.add(className);
            } else {
                classNames.add(Message.of("dataset.class.named", className));
            }
        }
        if (classNames.size() < 2) {
            throw new EngineException(Message.of("error.dataset.tooFewClasses", folder, classNames.size()));
        }

        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        ImageDataset all = images.toDataset(name, classNames.size());
        LoadReport report = new LoadReport(all.size(), skipped, emptyClasses);
        LOG.info("Loaded {} images of {} classes from {}; skipped {} files, {} empty classes",
                all.size(), classNames.size(), folder, skipped.size(), emptyClasses.size());
        return LoadedDataset.holdOutTest(name, all, classNames, report, seed);
    }

    private void readInto(Path file, int label, ClassImages images, List<SkippedItem> skipped) {
        try {
            if (Files.size(file) == 0) {
                skipped.add(new SkippedItem(file.toString(), Message.of("dataset.skip.emptyFile")));
                return;
            }
            try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = input == null ? Collections.emptyIterator() : ImageIO.getImageReaders(input);
                if (!readers.hasNext()) {
                    skipped.add(new SkippedItem(file.toString(), Message.of("dataset.skip.notImage")));
                    return;
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(input, true, true);
                    // The header gives the size, so a huge image is skipped before it is decoded.
                    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                    if (pixels > MAX_PIXELS) {
                        skipped.add(new SkippedItem(file.toString(),
                                Message.of("dataset.skip.tooLarge", reader.getWidth(0), reader.getHeight(0), MAX_PIXELS / 1_000_000)));
                        return;
                    }
                    images.add(reader.read(0), label);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException damaged) {
            // ImageIO's decoders throw runtime exceptions, not only IOException, on damaged data.
            LOG.debug("Skipping {}", file, damaged);
            skipped.add(new SkippedItem(file.toString(), Message.of("dataset.skip.unreadable", String.valueOf(damaged.getMessage()))));
        }
    }

    /** Rejects the load before reading when the images would not fit: the pixels are held up to three times while the splits are made. */
    private void checkMemory(long fileCount) {
        long needed = 3 * fileCount * shape.size();
        if (needed > memoryLimit) {
            throw new EngineException(Message.of("error.dataset.tooLarge", folder, fileCount,
                    needed / (1024 * 1024), memoryLimit / (1024 * 1024)));
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().collect(Collectors.toList());
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.dataset.folderUnreadable", folder), failed);
        }
    }

    private static List<Path> walk(Path classFolder) {
        try (Stream<Path> entries = Files.walk(classFolder)) {
            return entries.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException failed) {
            throw new EngineException(Message.of("error.dataset.folderUnreadable", classFolder), failed);
        }
    }

    /** The converted pixels and labels gathered so far. */
    private static final class ClassImages {

        private final ImageShape shape;
        private final byte[] pixels;
        private final int[] labels;
        private int count;

        ClassImages(ImageShape shape, int capacity) {
            this.shape = shape;
            this.pixels = new byte[Math.toIntExact(capacity * shape.size())];
            this.labels = new int[capacity];
        }

        void add(BufferedImage image, int label) {
            ImageConversion.convert(image, shape, pixels, Math.toIntExact(count * shape.size()));
            labels[count++] = label;
        }

        int count() {
            return count;
        }

        ImageDataset toDataset(String name, int classCount) {
            return new ImageDataset(name, shape, Arrays.copyOf(pixels, Math.toIntExact(count * shape.size())),
                    Arrays.copyOf(labels, count), classCount);
        }
    }
}
