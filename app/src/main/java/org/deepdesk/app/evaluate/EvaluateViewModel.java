package org.deepdesk.app.evaluate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.deepdesk.app.Datasets;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.eval.EvaluationReport;
import org.deepdesk.engine.eval.SamplePrediction;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluation of the trained network on the MNIST test set, and the gallery of test images
 * behind the confusion-matrix cell the user picked.
 */
public final class EvaluateViewModel {

    /** The gallery shows at most this many images, so a large cell stays quick to draw. */
    public static final int GALLERY_LIMIT = 60;

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateViewModel.class);

    private final ReadOnlyObjectProperty<TrainableNetwork> network;
    private final Datasets datasets;
    private final ExecutorService background;
    private final ReadOnlyObjectWrapper<EvaluationReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageDataset> testSet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Cell> selectedCell = new SimpleObjectProperty<>();

    /** A confusion-matrix cell: the true class (row) and the predicted class (column). */
    public record Cell(int actual, int predicted) {
    }

    public EvaluateViewModel(ReadOnlyObjectProperty<TrainableNetwork> network, Datasets datasets, ExecutorService background) {
        this.network = network;
        this.datasets = datasets;
        this.background = background;
        network.addListener((observable, old, current) -> {
            report.set(null);
            selectedCell.set(null);
        });
    }

    /** Evaluates the current network on the test set in the background. */
    public void evaluate() {
        TrainableNetwork current = network.get();
        if (current == null || running.get()) {
            return;
        }
        Task<EvaluationReport> task = new Task<>() {
            @Override
            protected EvaluationReport call() {
                ImageDataset test = datasets.test();
                EvaluationReport result = current.report(test);
                return result;
            }
        };
        task.setOnSucceeded(event -> {
            running.set(false);
            testSet.set(datasets.testIfLoaded());
            selectedCell.set(null);
            report.set(task.getValue());
        });
        task.setOnFailed(event -> {
            running.set(false);
            Throwable failure = task.getException();
            LOG.error("Evaluation failed", failure);
            error.set(failure instanceof EngineException engine
                    ? engine.userMessage()
                    : Message.of("error.unexpected", String.valueOf(failure)));
        });
        running.set(true);
        error.set(null);
        background.submit(task);
    }

    /** Returns the samples to show: those of the selected cell, or the most confidently wrong ones. */
    public List<SamplePrediction> gallery() {
        EvaluationReport current = report.get();
        if (current == null) {
            return List.of();
        }
        Cell cell = selectedCell.get();
        List<SamplePrediction> samples = cell == null
                ? current.mostConfidentlyWrong(GALLERY_LIMIT)
                : current.cell(cell.actual(), cell.predicted());
        return samples.size() > GALLERY_LIMIT ? samples.subList(0, GALLERY_LIMIT) : samples;
    }

    public ReadOnlyObjectProperty<EvaluationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The images the report refers to, once loaded. */
    public ReadOnlyObjectProperty<ImageDataset> testSetProperty() {
        return testSet.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The cell whose images the gallery shows, or null for the most confidently wrong ones. */
    public ObjectProperty<Cell> selectedCellProperty() {
        return selectedCell;
    }

    public ReadOnlyObjectProperty<TrainableNetwork> networkProperty() {
        return network;
    }
}
