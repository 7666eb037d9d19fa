package org.deepdesk.engine.train;

import java.nio.file.Path;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * The small trained model that {@link ModelStoreTest} saves, loads and keeps as a file fixture.
 *
 * <p>To write {@code src/test/resources/fixtures/softmax-regression-v1.ddmodel} again, for example
 * after a change of {@link ModelStore#VERSION}, run from the repository root:
 * <pre>mvn -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deepdesk.engine.train.ModelFixture \
 *     -Dexec.args=engine/src/test/resources/fixtures/softmax-regression-v1.ddmodel</pre>
 * Keep the old file under its version's name, so the test goes on proving that old files load.
 */
public final class ModelFixture {

    /** The classpath resource of the fixture written by version 1 of the model format. */
    static final String VERSION_1_RESOURCE = "/fixtures/softmax-regression-v1.ddmodel";

    /** Plain SGD keeps no optimizer state, so the file contains little more than the 7,850 weights. */
    static final TrainingSettings SETTINGS = new TrainingSettings(1, 50, Optimizer.SGD, 0.1, 0.0, 42, 0.2, 0);

    /** The MNIST folder as seen from the engine module, where Maven runs its tests. */
    static final Path MNIST_FOLDER = Path.of("../sample-data/mnist");

    /** The number of test-split images trained on, few enough that training takes seconds. */
    static final int IMAGE_COUNT = 600;

    private ModelFixture() {
    }

    /** Loads the first {@link #IMAGE_COUNT} images of the MNIST test split. */
    static ImageDataset images(Path mnistFolder) {
        return MnistLoader.load(mnistFolder, MnistSplit.TEST).head(IMAGE_COUNT);
    }

    /** Trains softmax regression for one epoch. The same images give the same weights. */
    static TrainableNetwork train(ImageDataset images) {
        TrainableNetwork network = TrainableNetwork.create(
                TrainerTest.softmaxRegression(), SETTINGS, MnistLoader.CLASS_COUNT);
        Trainer.run(network, images, SETTINGS, TrainingListener.NONE, new StopSignal());
        return network;
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        // exec:java keeps the working directory of Maven, which the command above sets to the repository root.
        Path mnistFolder = Path.of("sample-data/mnist");

        ModelStore.save(train(images(mnistFolder)), target);
    }
}
