package org.deepdesk.engine.project;

import java.nio.file.Path;
import java.util.List;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingListener;

/**
 * The projects that {@link ProjectStoreTest} saves, loads and keeps as file fixtures: one with
 * a stack of every layer type that was never trained, one with softmax regression trained for an
 * epoch on 600 MNIST images.
 *
 * <p>The fixtures were written by version 1 of the project format and must keep loading in every
 * later version. To write them again, run from the repository root:
 * <pre>mvn -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deepdesk.engine.project.ProjectFixture \
 *     -Dexec.args=engine/src/test/resources/fixtures</pre>
 * but only after a change of {@link ProjectStore#VERSION}, under the new version's names, and keep
 * the old files, so the test goes on proving that old files open.
 */
public final class ProjectFixture {

    /** The classpath resource of the untrained project written by version 1 of the format. */
    static final String UNTRAINED_V1 = "/fixtures/project-untrained-v1.deepdesk";

    /** The classpath resource of the trained project written by version 1 of the format. */
    static final String TRAINED_V1 = "/fixtures/project-softmax-trained-v1.deepdesk";

    /** Every layer type, and settings that differ from the defaults in every field. */
    static final NetworkSpec UNTRAINED_NETWORK = new NetworkSpec("Every layer type", ImageShape.MNIST, List.of(
            new Conv2DSpec(16, 5, 1, Padding.SAME, Activation.RELU),
            new BatchNormSpec(),
            new MaxPool2DSpec(2, 2),
            new Conv2DSpec(32, 3, 2, Padding.VALID, Activation.TANH),
            new AvgPool2DSpec(2, 1),
            new DropoutSpec(0.25),
            new FlattenSpec(),
            new DenseSpec(48, Activation.SIGMOID),
            new DenseSpec(10, Activation.SOFTMAX)));

    static final TrainingSettings UNTRAINED_SETTINGS = new TrainingSettings(3, 32, Optimizer.SGD, 0.05, 0.8, 7, 0.2, 5000,
            false, new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 2, 0.5), 1e-4, 2);

    static final NetworkSpec SOFTMAX = new NetworkSpec("Softmax regression", ImageShape.MNIST,
            List.of(new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)));

    /** Plain SGD keeps no optimizer state, so the file holds little more than the 7,850 weights. */
    static final TrainingSettings SOFTMAX_SETTINGS = new TrainingSettings(1, 50, Optimizer.SGD, 0.1, 0.0, 42, 0.2, 0);

    /**
     * The settings in the trained project's form, changed after the run as a user would before
     * the next one, so the project's settings and the trained network's differ.
     */
    static final TrainingSettings SOFTMAX_NEXT_SETTINGS = SOFTMAX_SETTINGS.withEpochs(3).withLearningRate(0.05);

    /** The MNIST folder as seen from the engine module, where Maven runs its tests. */
    static final Path MNIST_FOLDER = Path.of("../sample-data/mnist");

    /** The number of test-split images trained on, few enough that training takes a second. */
    static final int IMAGE_COUNT = 600;

    private ProjectFixture() {
    }

    static ImageDataset images(Path mnistFolder) {
        return MnistLoader.load(mnistFolder, MnistSplit.TEST).head(IMAGE_COUNT);
    }

    /** Trains softmax regression for one epoch. The same images give the same weights. */
    static TrainableNetwork trainSoftmax(ImageDataset images) {
        TrainableNetwork network = TrainableNetwork.create(SOFTMAX, SOFTMAX_SETTINGS, MnistLoader.CLASS_COUNT);
        Trainer.run(network, images, SOFTMAX_SETTINGS, TrainingListener.NONE, new StopSignal());
        return network;
    }

    static ProjectFile untrained() {
        return ProjectFile.untrained(UNTRAINED_NETWORK, UNTRAINED_SETTINGS);
    }

    static ProjectFile trained(ImageDataset images) {
        return ProjectFile.of(SOFTMAX, SOFTMAX_NEXT_SETTINGS, trainSoftmax(images));
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        // exec:java keeps the working directory of Maven, which the command above sets to the repository root.
        Path mnistFolder = Path.of("sample-data/mnist");

        ProjectStore.save(untrained(), folder.resolve(Path.of(UNTRAINED_V1).getFileName().toString()));
        ProjectStore.save(trained(images(mnistFolder)), folder.resolve(Path.of(TRAINED_V1).getFileName().toString()));
    }
}
