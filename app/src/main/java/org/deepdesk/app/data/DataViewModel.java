package org.deepdesk.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableDoubleValue;
import javafx.concurrent.Task;
import org.deepdesk.app.Datasets;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.CsvSource;
import org.deepdesk.engine.data.DatasetSource;
import org.deepdesk.engine.data.IdxDatasetSource;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.ImageFolderSource;
import org.deepdesk.engine.data.LoadMonitor;
import org.deepdesk.engine.data.LoadReport;
import org.deepdesk.engine.data.LoadedDataset;
import org.deepdesk.engine.data.SkippedItem;
import org.deepdesk.engine.data.SplitSizes;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset chosen for training: loading it in the background with progress and cancel, its
 * load report and split sizes, and making the stack in the Build view fit it.
 */
public final class DataViewModel {

    /** Seeds the test split of a classroom pack, so students who open the same pack train on the same images. */
    private static final long PACK_SEED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);

    private final Datasets datasets;
    private final BuildViewModel build;
    private final ExecutorService background;
    private final Optional<IdxDatasetSource> fashionMnist = IdxDatasetSource.installedFashionMnist();

    private final ReadOnlyObjectWrapper<LoadedDataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<SplitSizes> splitSizes;
    private LoadTask task;

    /**
     * @param validationSplit the Train view's share of training images held out for validation
     */
    public DataViewModel(Datasets datasets, BuildViewModel build, ObservableDoubleValue validationSplit,
                         ExecutorService background) {
        this.datasets = datasets;
        this.build = build;
        this.background = background;
        datasets.currentIfLoaded().ifPresent(dataset::set);
        splitSizes = Bindings.createObjectBinding(
                () -> dataset.get() == null ? null : dataset.get().splitSizes(validationSplit.get()),
                dataset, validationSplit);
    }

    /** Fashion-MNIST from Debian's dataset-fashion-mnist package, when it is installed. */
    public Optional<IdxDatasetSource> fashionMnist() {
        return fashionMnist;
    }

    /** Shows the bundled MNIST when no dataset is loaded yet, loading it in the background. */
    public void showDefault() {
        if (dataset.get() == null && !loading.get()) {
            // The shared loader is used, so a training run that needs MNIST at the same time waits for this load.
            run(monitor -> datasets.current());
        }
    }

    public void loadMnist() {
        load(Datasets.mnist());
    }

    public void loadFashionMnist() {
        fashionMnist.ifPresent(this::load);
    }

    /** Loads one subfolder per class, each image converted to 28x28 grey as MNIST networks expect. */
    public void loadImageFolder(Path folder) {
        load(ImageFolderSource.grey(folder));
    }

    /** Loads a "label, pixel0..pixelN" CSV file of square grey images. */
    public void loadCsv(Path file) {
        load(CsvSource.inferShape(file));
    }

    /** Loads {@code source} in the background; when it succeeds, training and evaluation use it. */
    public void load(DatasetSource source) {
        run(source::load);
    }

    /** Stops the load in progress within one file or row; the previous dataset stays in use. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private interface Loader {
        LoadedDataset load(LoadMonitor monitor);
    }

    /** A load task that is its own monitor. Task.updateProgress coalesces the updates for the FX thread. */
    private static final class LoadTask extends Task<LoadedDataset> implements LoadMonitor {

        private final Loader loader;

        LoadTask(Loader loader) {
            this.loader = loader;
        }

        @Override
        protected LoadedDataset call() {
            return loader.load(this);
        }

        @Override
        public void progress(long done, long total) {
            updateProgress(done, total);
        }
    }

    private void run(Loader loader) {
        if (loading.get()) {
            return;
        }
        LoadTask loadTask = new LoadTask(loader);
        loadTask.setOnSucceeded(event -> finish(loadTask.getValue()));
        loadTask.setOnFailed(event -> fail(loadTask.getException()));
        loadTask.setOnCancelled(event -> {
            LOG.info("Dataset loading cancelled");
            loading.set(false);
            notice.set(Message.of("data.status.cancelled"));
        });

        task = loadTask;
        progress.bind(loadTask.progressProperty());
        loading.set(true);
        error.set(null);
        notice.set(null);
        background.submit(loadTask);
    }

    /** Returns the training images of the current dataset, loading the bundled MNIST first when none is chosen; blocks. */
    public ImageDataset trainingImages() {
        return datasets.training();
    }

    /**
     * Makes the training images of a classroom pack the current dataset. A pack carries no test
     * set, so {@link LoadedDataset#TEST_FRACTION} of its images is held out as one, picked the
     * same way each time the pack is opened.
     */
    public void usePack(String name, ImageDataset images) {
        List<Message> classNames = new ArrayList<>();
        for (int label = 0; label < images.classCount(); label++) {
            classNames.add(Message.of("dataset.class.named", Integer.toString(label)));
        }
        finish(LoadedDataset.holdOutTest(name, images, classNames, LoadReport.clean(images.size()), PACK_SEED));
    }

    private void finish(LoadedDataset loaded) {
        LOG.info("Loaded dataset {}: {} images, {} skipped", loaded.name(), loaded.report().loaded(),
                loaded.report().skippedCount());
        loading.set(false);
        datasets.use(loaded);
        dataset.set(loaded);
        notice.set(build.followDataset(loaded.shape(), loaded.classCount()).orElse(null));
    }

    private void fail(Throwable failure) {
        loading.set(false);
        if (failure instanceof EngineException engine) {
            LOG.warn("Could not load the dataset: {}", engine.userMessage().english());
            error.set(engine.userMessage());
        } else {
            LOG.error("Dataset loading failed", failure);
            error.set(Message.of("error.unexpected", String.valueOf(failure)));
        }
    }

    /** One line per fact of the load report: the totals, each skipped item and each empty class. */
    public static List<Message> reportLines(LoadReport report) {
        List<Message> lines = new ArrayList<>();
        lines.add(Message.of("data.report.summary", report.loaded(), report.skippedCount()));
        for (SkippedItem item : report.skipped()) {
            lines.add(Message.of("data.report.skipped", item.location(), item.reason()));
        }
        for (String emptyClass : report.emptyClasses()) {
            lines.add(Message.of("data.report.emptyClass", emptyClass));
        }
        return lines;
    }

    public ReadOnlyObjectProperty<LoadedDataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The share of the load done, from 0 to 1, or -1 while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last load changed in the stack, or that it was cancelled, or null. */
    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Training, validation and test sizes at the Train view's validation split, or null before a load. */
    public ObjectBinding<SplitSizes> splitSizesProperty() {
        return splitSizes;
    }
}
