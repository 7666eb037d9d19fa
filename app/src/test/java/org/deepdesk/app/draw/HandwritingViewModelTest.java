package org.deepdesk.app.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.data.PersonalDigitsFiles;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Saves drawn digits and fine-tunes a softmax regression on them, as the Draw view does. */
@ExtendWith(ApplicationExtension.class)
class HandwritingViewModelTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings(1, 50, Optimizer.SGD, 0.1, 0.0, 42, 0.2, 0);
    private static final int MNIST_COUNT = 300;

    @TempDir
    Path folder;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final SimpleObjectProperty<TrainableNetwork> network = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty trainingRunning = new SimpleBooleanProperty();
    private ImageDataset test;
    private ImageDataset mnist;
    private HandwritingViewModel model;

    @BeforeEach
    void loadModel(FxRobot robot) throws TimeoutException {
        test = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST);
        mnist = test.head(MNIST_COUNT);
        model = loadedModel(robot);
    }

    @AfterEach
    void stopThreads() {
        background.shutdownNow();
    }

    @Test
    void fineTuneReportsBeforeAndAfter(FxRobot robot) throws TimeoutException {
        TrainableNetwork softmax = TrainableNetwork.create(softmaxRegression(), SETTINGS, 10);
        // The saved digits come from the split's tail, which the mixed-in head does not contain.
        robot.interact(() -> {
            network.set(softmax);
            for (int i = 0; i < 3; i++) {
                model.save(test.image(test.size() - 1 - i), test.labels()[test.size() - 1 - i]);
            }
            model.fineTune();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.lastResultProperty().get() != null);

        FineTuning.Result result = model.lastResultProperty().get();
        assertThat(result.total()).isEqualTo(3);
        assertThat(result.before()).isBetween(0, 3);
        assertThat(result.after()).isBetween(0, 3);
        assertThat(softmax.stepCount()).isPositive();
        assertThat(model.statusProperty().get())
                .isEqualTo(Message.of("handwriting.result", result.before(), result.after(), 3));
        assertThat(model.fineTuningProperty().get()).isFalse();
    }

    @Test
    void savedDigitsReachTheFolder(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            model.save(mnist.image(0), mnist.labels()[0]);
            model.save(mnist.image(1), mnist.labels()[1]);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.savingProperty().get());

        assertThat(PersonalDigitsFiles.load(folder).size()).isEqualTo(2);
        assertThat(PersonalDigitsFiles.load(folder).label(1)).isEqualTo(mnist.labels()[1]);
        assertThat(loadedModel(robot).digitsProperty().get().size()).isEqualTo(2);
    }

    @Test
    void fineTuneWaitsForTrainingRun(FxRobot robot) {
        robot.interact(() -> {
            network.set(TrainableNetwork.create(softmaxRegression(), SETTINGS, 10));
            trainingRunning.set(true);
        });

        assertThat(model.canFineTuneProperty().get()).isFalse();
        robot.interact(() -> trainingRunning.set(false));
        assertThat(model.canFineTuneProperty().get()).isTrue();
    }

    @Test
    void fineTuneNeedsATrainedNetwork() {
        assertThat(model.canFineTuneProperty().get()).isFalse();
    }

    @Test
    void damagedFileIsReportedAndKept(FxRobot robot) throws IOException, TimeoutException {
        Path labels = Files.write(folder.resolve(PersonalDigitsFiles.LABELS_FILE), new byte[] {1, 2, 3});
        Files.write(folder.resolve(PersonalDigitsFiles.IMAGES_FILE), new byte[] {1, 2, 3});

        HandwritingViewModel damaged = newModel(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> damaged.errorProperty().get() != null);
        robot.interact(() -> damaged.save(mnist.image(0), 0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(damaged.loadedProperty().get()).isFalse();
        assertThat(damaged.errorProperty().get().arguments()).contains(folder.resolve(PersonalDigitsFiles.IMAGES_FILE));
        assertThat(Files.readAllBytes(labels)).containsExactly(1, 2, 3);
    }

    @Test
    void projectDigitsReplaceFolderSet(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.save(mnist.image(0), mnist.labels()[0]));
        PersonalDigits project = PersonalDigits.empty().withDigit(mnist.image(1), mnist.labels()[1])
                .withDigit(mnist.image(2), mnist.labels()[2]);

        robot.interact(() -> model.replaceDigits(project));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.savingProperty().get());

        assertThat(model.digitsProperty().get()).isEqualTo(project);
        assertThat(PersonalDigitsFiles.load(folder)).isEqualTo(project);
    }

    @Test
    void replacedDigitsAreKeptInBackup(FxRobot robot) throws Exception {
        robot.interact(() -> model.save(mnist.image(0), mnist.labels()[0]));
        PersonalDigits drawn = model.digitsProperty().get();
        PersonalDigits project = PersonalDigits.empty().withDigit(mnist.image(1), mnist.labels()[1]);

        robot.interact(() -> model.replaceDigits(project));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.savingProperty().get());

        List<Path> backups;
        try (Stream<Path> children = Files.list(folder)) {
            backups = children.filter(child -> child.getFileName().toString().startsWith(PersonalDigitsFiles.BACKUP_PREFIX)).toList();
        }
        assertThat(backups).hasSize(1);
        assertThat(PersonalDigitsFiles.load(backups.get(0))).isEqualTo(drawn);

        // Opening the same digits again keeps no second copy.
        robot.interact(() -> model.replaceDigits(project));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.savingProperty().get());
        try (Stream<Path> children = Files.list(folder)) {
            assertThat(children.filter(child -> child.getFileName().toString().startsWith(PersonalDigitsFiles.BACKUP_PREFIX)))
                    .hasSize(1);
        }
    }

    @Test
    void projectDigitsBeforeLoadWinOverFolder(FxRobot robot) throws Exception {
        robot.interact(() -> model.save(mnist.image(0), mnist.labels()[0]));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.savingProperty().get());
        PersonalDigits project = PersonalDigits.empty().withDigit(mnist.image(1), mnist.labels()[1]);
        // One thread, blocked until the project's digits are in, so the folder is read only after them.
        ExecutorService blockedExecutor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        blockedExecutor.submit(() -> {
            release.await();
            return null;
        });
        HandwritingViewModel[] created = new HandwritingViewModel[1];

        try {
            robot.interact(() -> {
                created[0] = new HandwritingViewModel(network, trainingRunning, () -> SETTINGS, () -> mnist, folder, blockedExecutor);
                created[0].load();
                created[0].replaceDigits(project);
            });
            release.countDown();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> created[0].loadedProperty().get() && !created[0].savingProperty().get());

            assertThat(created[0].digitsProperty().get()).isEqualTo(project);
            assertThat(PersonalDigitsFiles.load(folder)).isEqualTo(project);
        } finally {
            blockedExecutor.shutdownNow();
        }
    }

    private HandwritingViewModel loadedModel(FxRobot robot) throws TimeoutException {
        HandwritingViewModel created = newModel(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> created.loadedProperty().get());
        return created;
    }

    private HandwritingViewModel newModel(FxRobot robot) {
        HandwritingViewModel[] created = new HandwritingViewModel[1];
        robot.interact(() -> {
            created[0] = new HandwritingViewModel(network, trainingRunning, () -> SETTINGS, () -> mnist, folder, background);
            created[0].load();
        });
        return created[0];
    }

    private static NetworkSpec softmaxRegression() {
        return new NetworkSpec("softmax", ImageShape.MNIST, List.of(new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)));
    }
}
