package org.deepdesk.engine.data;

/** A place a dataset can be loaded from: bundled MNIST, Fashion-MNIST, an image folder or a CSV file. */
public interface DatasetSource {

    /**
     * Loads the dataset, reporting progress to {@code monitor} and checking it for cancellation.
     *
     * @throws java.util.concurrent.CancellationException when the monitor cancels
     * @throws org.deepdesk.engine.EngineException when the files cannot make a dataset
     */
    LoadedDataset load(LoadMonitor monitor);
}
