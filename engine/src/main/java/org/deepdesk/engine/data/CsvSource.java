package org.deepdesk.engine.data;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images in a CSV file in the common "label, pixel0 ... pixelN" layout, one image per row, such as
 * Kaggle's MNIST files: the label is a class index from 0, and the pixels are grey levels 0-255
 * in row order. A first line whose label field is not a number is read as the header.
 *
 * <p>Rows with a wrong field count, a bad label or a pixel outside 0-255 are skipped and listed
 * with their line numbers. Quoted fields are not supported, since the layout is numbers only.
 *
 * @param file the CSV file
 * @param shape the image shape, or null to infer a square grey image from the pixel count
 * @param memoryLimit the most bytes the loaded images may take
 * @param seed picks the test split
 */
public record CsvSource(Path file, ImageShape shape, long memoryLimit, long seed) implements DatasetSource {

    private static final Logger LOG = LoggerFactory.getLogger(CsvSource.class);

    /** Labels above this are rejected as bad rows, so one typo cannot create thousands of classes. */
    static final int MAX_CLASSES = 1000;

    public static CsvSource inferShape(Path file) {
        return new CsvSource(file, null, Runtime.getRuntime().maxMemory(), 42);
    }

    @Override
    public LoadedDataset load(LoadMonitor monitor) {
        long fileSize = size();
        // Each pixel takes at least two characters, and the pixels are held up to three times.
        if (fileSize / 2 * 3 > memoryLimit) {
            throw new EngineException(Message.of("error.dataset.csvTooLarge", file,
                    fileSize / 2 * 3 / (1024 * 1024), memoryLimit / (1024 * 1024)));
        }

        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        int pixelCount = shape == null ? -1 : (int) shape.size();
        long bytesRead = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                bytesRead += line.length() + 1;
                monitor.checkCancelled();
                if (lineNumber % 1000 == 0) {
                    monitor.progress(Math.min(bytesRead, fileSize), fileSize);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (lineNumber == 1 && !isInteger(fields[0].trim())) {
                    continue;
                }
                if (pixelCount < 0) {
                    pixelCount = fields.length - 1;
                }
                CsvRow row = CsvRow.parse(fields, pixelCount, MAX_CLASSES);
                if (row.problem() != null) {
                    skipped.add(new SkippedItem(file + ":" + lineNumber, row.problem()));
                    continue;
                }
                labels.add(row.label());
                pixels.write(row.pixels(), 0, row.pixels().length);
            }
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.dataset.fileUnreadable", file), failed);
        }
        monitor.progress(fileSize, fileSize);

        ImageShape imageShape = shape != null ? shape : squareShape(pixelCount);
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        int classCount = labels.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        if (classCount < 2) {
            throw new EngineException(Message.of("error.dataset.tooFewClasses", file, Math.max(classCount, 0)));
        }
        List<Message> classNames = new ArrayList<>();
        for (int label = 0; label < classCount; label++) {
            classNames.add(Message.of("dataset.class.named", Integer.toString(label)));
        }

        String name = file.getFileName().toString();
        ImageDataset all = new ImageDataset(name, imageShape, pixels.toByteArray(), labelArray, classCount);
        LoadReport report = new LoadReport(all.size(), skipped, List.of());
        LOG.info("Loaded {} images of {} from {}; skipped {} rows", all.size(), imageShape, file, skipped.size());
        return LoadedDataset.holdOutTest(name, all, classNames, report, seed);
    }

    private ImageShape squareShape(int pixelCount) {
        int side = (int) Math.round(Math.sqrt(Math.max(pixelCount, 0)));
        if (pixelCount < 1 || side * side != pixelCount) {
            throw new EngineException(Message.of("error.dataset.csvNotSquare", file, pixelCount));
        }
        return new ImageShape(side, side, 1);
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.dataset.fileUnreadable", file), failed);
        }
    }

    private static boolean isInteger(String text) {
        return text.matches("-?\\d+");
    }
}
