package org.deepdesk.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleDoubleProperty;
import javax.imageio.ImageIO;
import org.deepdesk.app.Datasets;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.engine.data.LoadReport;
import org.deepdesk.engine.data.SplitSizes;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Loads a two-class image folder with one broken file through the view model, as the Data view does. */
@ExtendWith(ApplicationExtension.class)
class DataViewModelTest {

    private static final int IMAGES_PER_CLASS = 5;

    @TempDir
    Path folder;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final Datasets datasets = new Datasets();
    private BuildViewModel build;
    private DataViewModel model;
    private NetworkSpec before;

    @BeforeEach
    void loadFixture(FxRobot robot) throws IOException, TimeoutException {
        Path circles = Files.createDirectories(folder.resolve("circles"));
        Path squares = Files.createDirectories(folder.resolve("squares"));
        for (int i = 0; i < IMAGES_PER_CLASS; i++) {
            writeImage(circles.resolve(i + ".png"), true);
            writeImage(squares.resolve(i + ".png"), false);
        }
        Files.write(squares.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});

        robot.interact(() -> {
            build = new BuildViewModel();
            before = build.spec();
            model = new DataViewModel(datasets, build, new SimpleDoubleProperty(0.25), background);
            model.loadImageFolder(folder);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void reportListsBrokenFile() {
        LoadReport report = model.datasetProperty().get().report();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(report.loaded()).isEqualTo(2 * IMAGES_PER_CLASS);
        assertThat(report.skippedCount()).isEqualTo(1);
        assertThat(report.skipped().get(0).location()).endsWith("broken.png");
        assertThat(DataViewModel.reportLines(report)).hasSize(2);
    }

    @Test
    void loadedDatasetBecomesCurrent() {
        assertThat(datasets.currentIfLoaded()).containsSame(model.datasetProperty().get());
    }

    @Test
    void splitSizesUseValidationShare() {
        // Ten images: the loader holds out 2 for testing, and a 0.25 validation split takes 2 of the other 8.
        assertThat(model.splitSizesProperty().get()).isEqualTo(new SplitSizes(6, 2, 2));
    }

    @Test
    void classCountReachesBuildModel() {
        assertThat(build.classCount()).isEqualTo(2);
        assertThat(outputUnits(build.spec())).isEqualTo(2);
        assertThat(build.validProperty().get()).isTrue();
        assertThat(model.noticeProperty().get().key()).isEqualTo("data.notice.units");
    }

    @Test
    void undoRestoresPreviousStack(FxRobot robot) {
        robot.interact(build::undo);

        assertThat(build.spec()).isEqualTo(before);
        assertThat(outputUnits(build.spec())).isEqualTo(BuildViewModel.DEFAULT_CLASS_COUNT);
        assertThat(build.classCount()).isEqualTo(2);
    }

    private static int outputUnits(NetworkSpec spec) {
        LayerSpec last = spec.layers().get(spec.layers().size() - 1);
        return ((DenseSpec) last).units();
    }

    private static void writeImage(Path file, boolean circle) throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        if (circle) {
            graphics.fillOval(6, 6, 20, 20);
        } else {
            graphics.fillRect(6, 6, 20, 20);
        }
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
