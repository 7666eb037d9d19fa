package org.deepdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    @TempDir
    Path folder;

    /** Ten 2x2 images of classes 0-2 with a header, a blank line and three bad rows. */
    private Path fixture() throws IOException {
        StringBuilder csv = new StringBuilder("label,pixel0,pixel1,pixel2,pixel3\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i % 3).append(',').append(i).append(",0,255,").append(10 * i).append('\n');
        }
        csv.append('\n');
        csv.append("1,0,0,0\n");          // line 13: a field missing
        csv.append("x,0,0,0,0\n");        // line 14: label not a number
        csv.append("2,0,300,0,0\n");      // line 15: pixel out of range
        return Files.writeString(folder.resolve("digits.csv"), csv.toString());
    }

    @Test
    void readsValidRows() throws IOException {
        LoadedDataset dataset = CsvSource.inferShape(fixture()).load(LoadMonitor.NONE);

        assertEquals(10, dataset.report().loaded());
        assertEquals(3, dataset.classCount());
        assertEquals(new ImageShape(2, 2, 1), dataset.shape());
    }

    @Test
    void badRowsReportedWithLineNumbers() throws IOException {
        Path file = fixture();

        LoadReport report = CsvSource.inferShape(file).load(LoadMonitor.NONE).report();

        assertEquals(3, report.skippedCount());
        assertEquals(file + ":13", report.skipped().get(0).location());
        assertEquals("dataset.skip.csvFieldCount", report.skipped().get(0).reason().key());
        assertEquals(file + ":14", report.skipped().get(1).location());
        assertEquals("dataset.skip.csvLabel", report.skipped().get(1).reason().key());
        assertEquals(file + ":15", report.skipped().get(2).location());
        assertEquals("dataset.skip.csvPixel", report.skipped().get(2).reason().key());
    }

    @Test
    void pixelsKeepRowOrder() throws IOException {
        Path file = Files.writeString(folder.resolve("two.csv"), "0,1,2,3,4\n1,5,6,7,8\n");

        LoadedDataset dataset = new CsvSource(file, null, 1 << 20, 1).load(LoadMonitor.NONE);
        ImageDataset training = dataset.training();

        // 20% of 2 rounds down to 0, so both rows are training images, in file order.
        assertEquals(2, training.size());
        assertEquals(1, Math.round(training.image(0)[0] * 255));
        assertEquals(4, Math.round(training.image(0)[3] * 255));
        assertEquals(8, Math.round(training.image(1)[3] * 255));
    }

    @Test
    void nonSquarePixelCountRejected() throws IOException {
        Path file = Files.writeString(folder.resolve("odd.csv"), "0,1,2,3\n1,4,5,6\n");

        EngineException failure = assertThrows(EngineException.class,
                () -> CsvSource.inferShape(file).load(LoadMonitor.NONE));

        assertEquals("error.dataset.csvNotSquare", failure.userMessage().key());
    }

    @Test
    void singleLabelRejected() throws IOException {
        Path file = Files.writeString(folder.resolve("one.csv"), "0,1,2,3,4\n0,5,6,7,8\n");

        EngineException failure = assertThrows(EngineException.class,
                () -> CsvSource.inferShape(file).load(LoadMonitor.NONE));

        assertEquals("error.dataset.tooFewClasses", failure.userMessage().key());
    }
}
