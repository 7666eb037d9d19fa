package org.deepdesk.app;

import java.nio.file.Path;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.IdxDatasetSource;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.LoadMonitor;
import org.deepdesk.engine.data.LoadedDataset;
import org.deepdesk.engine.data.SampleData;
import org.deepdesk.i18n.Message;

/**
 * The dataset the workbench trains and evaluates on: the one chosen in the Data view, or the
 * bundled MNIST, loaded on first use. Thread-safe, because training and evaluation read it from
 * background threads while the Data view replaces it.
 */
public final class Datasets {

    /** The name {@link IdxDatasetSource#mnist} gives the MNIST files. */
    private static final String MNIST_NAME = "MNIST";

    private LoadedDataset current;

    /** Returns the current dataset, loading the bundled MNIST first when none was chosen; blocks. */
    public synchronized LoadedDataset current() {
        if (current == null) {
            current = mnist().load(LoadMonitor.NONE);
        }
        return current;
    }

    /** Returns the current dataset if one is loaded, without loading; for the FX thread. */
    public synchronized Optional<LoadedDataset> currentIfLoaded() {
        return Optional.ofNullable(current);
    }

    /** Makes {@code dataset} the one that later training runs and evaluations use. */
    public synchronized void use(LoadedDataset dataset) {
        current = dataset;
    }

    public ImageDataset training() {
        return current().training();
    }

    public ImageDataset test() {
        return current().test();
    }

    /** Returns the test set if it was loaded already, without loading it; for the FX thread. */
    public synchronized ImageDataset testIfLoaded() {
        return current == null ? null : current.test();
    }

    /**
     * Returns the MNIST training set: the current one when MNIST is chosen, otherwise the bundled
     * files, read again; blocks. Fine-tuning on the user's digits mixes these in.
     */
    public ImageDataset mnistTraining() {
        LoadedDataset dataset = current();
        if (dataset.name().equals(MNIST_NAME)) {
            return dataset.training();
        }
        return mnist().load(LoadMonitor.NONE).training();
    }

    /** The bundled MNIST files. */
    public static IdxDatasetSource mnist() {
        Path folder = SampleData.locateMnist()
                .orElseThrow(() -> new EngineException(Message.of("error.data.sampleMissing", SampleData.PROPERTY)));
        return IdxDatasetSource.mnist(folder);
    }
}
