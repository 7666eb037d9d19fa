package org.deepdesk.app.train;

import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.train.BatchRecord;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingHistory;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The series behind the loss and accuracy charts. The x axis counts epochs, so batch points
 * fall between the epoch points of the same run. Touched on the FX thread only.
 *
 * <p>Every series change redraws a chart, so points are added without notification and each
 * series is notified once per coalesced update. Non-finite values are left out, because a
 * diverged run reports NaN or infinite losses and JFreeChart cannot scale an axis to them.
 *
 * <p>The first three series of each collection are the live run (batch, training epoch,
 * validation epoch); the series after them are overlays of earlier runs.
 */
public final class TrainingCurves {

    /** The number of live series at the start of each collection. */
    public static final int LIVE_SERIES = 3;

    private final XYSeries batchLoss = new XYSeries("batchLoss", false, true);
    private final XYSeries trainLoss = new XYSeries("trainLoss", false, true);
    private final XYSeries validationLoss = new XYSeries("validationLoss", false, true);
    private final XYSeries batchAccuracy = new XYSeries("batchAccuracy", false, true);
    private final XYSeries trainAccuracy = new XYSeries("trainAccuracy", false, true);
    private final XYSeries validationAccuracy = new XYSeries("validationAccuracy", false, true);
    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final XYSeriesCollection accuracy = new XYSeriesCollection();

    /** Raw batch points {x, loss, accuracy}, kept so that a new smoothing factor can redraw them. */
    private final List<double[]> rawBatches = new ArrayList<>();
    private final ExponentialAverage smoothedLoss = new ExponentialAverage();
    private final ExponentialAverage smoothedAccuracy = new ExponentialAverage();
    private double smoothing;

    public TrainingCurves() {
        loss.addSeries(batchLoss);
        loss.addSeries(trainLoss);
        loss.addSeries(validationLoss);
        accuracy.addSeries(batchAccuracy);
        accuracy.addSeries(trainAccuracy);
        accuracy.addSeries(validationAccuracy);
    }

    public XYSeriesCollection loss() {
        return loss;
    }

    public XYSeriesCollection accuracy() {
        return accuracy;
    }

    public int batchPointCount() {
        return batchLoss.getItemCount();
    }

    /**
     * Sets the weight of the past in the exponential moving average of the batch curves, in
     * [0, 1): 0 shows the raw values, 0.9 averages over roughly the last ten batches.
     */
    void setSmoothing(double factor) {
        smoothing = Math.max(0, Math.min(0.99, factor));
        batchLoss.clear();
        batchAccuracy.clear();
        smoothedLoss.reset();
        smoothedAccuracy.reset();
        for (double[] point : rawBatches) {
            plotBatch(point[0], point[1], point[2]);
        }
        notifyCharts();
    }

    void addBatch(BatchEnd batch) {
        double x = batch.epoch() - 1 + (double) batch.batch() / batch.batchesPerEpoch();
        addBatchPoint(x, batch.loss(), batch.accuracy());
    }

    private void addBatchPoint(double x, double lossValue, double accuracyValue) {
        rawBatches.add(new double[] {x, lossValue, accuracyValue});
        plotBatch(x, lossValue, accuracyValue);
    }

    private void plotBatch(double x, double lossValue, double accuracyValue) {
        if (Double.isFinite(lossValue)) {
            batchLoss.add(x, smoothedLoss.add(lossValue, smoothing), false);
        }
        if (Double.isFinite(accuracyValue)) {
            batchAccuracy.add(x, smoothedAccuracy.add(accuracyValue, smoothing), false);
        }
    }

    void addEpoch(EpochRecord epoch) {
        addFinite(trainLoss, epoch.epoch(), epoch.trainLoss());
        addFinite(trainAccuracy, epoch.epoch(), epoch.trainAccuracy());
        addFinite(validationLoss, epoch.epoch(), epoch.validationLoss());
        addFinite(validationAccuracy, epoch.epoch(), epoch.validationAccuracy());
    }

    private static void addFinite(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y, false);
        }
    }

    /** Replaces all points with a saved history, such as that of a loaded model. */
    void show(TrainingHistory history, int batchesPerEpoch) {
        clear();
        for (BatchRecord batch : history.batches()) {
            addBatchPoint((double) batch.step() / Math.max(1, batchesPerEpoch), batch.loss(), batch.accuracy());
        }
        history.epochs().forEach(this::addEpoch);
        notifyCharts();
    }

    /** Clears the live run's series; overlays of earlier runs stay. */
    void clear() {
        rawBatches.clear();
        smoothedLoss.reset();
        smoothedAccuracy.reset();
        for (XYSeries series : liveSeries()) {
            series.clear();
        }
    }

    /**
     * Shows the epoch curves of earlier runs next to the live ones: per run, its validation loss
     * and accuracy, or the training ones when it held out no validation set.
     */
    void showOverlays(List<RunRecord> runs) {
        removeOverlays(loss);
        removeOverlays(accuracy);
        for (RunRecord run : runs) {
            boolean validated = run.epochs().stream().anyMatch(epoch -> Double.isFinite(epoch.validationLoss()));
            XYSeries runLoss = new XYSeries("run:" + run.number() + ":loss", false, true);
            XYSeries runAccuracy = new XYSeries("run:" + run.number() + ":accuracy", false, true);
            int x = 0;
            for (EpochRecord epoch : run.epochs()) {
                x++;
                addFinite(runLoss, x, validated ? epoch.validationLoss() : epoch.trainLoss());
                addFinite(runAccuracy, x, validated ? epoch.validationAccuracy() : epoch.trainAccuracy());
            }
            loss.addSeries(runLoss);
            accuracy.addSeries(runAccuracy);
        }
    }

    private static void removeOverlays(XYSeriesCollection collection) {
        while (collection.getSeriesCount() > LIVE_SERIES) {
            collection.removeSeries(collection.getSeriesCount() - 1);
        }
    }

    /**
     * Tells the charts to redraw once, after a batch of additions. JFreeChart-FX redraws a chart
     * on every change event, and a redraw reads all series of its collection, so one event per
     * chart is enough.
     */
    void notifyCharts() {
        batchLoss.fireSeriesChanged();
        batchAccuracy.fireSeriesChanged();
    }

    private XYSeries[] liveSeries() {
        return new XYSeries[] {batchLoss, trainLoss, validationLoss, batchAccuracy, trainAccuracy, validationAccuracy};
    }

    /** An exponential moving average with bias correction, so the first points are not pulled to 0. */
    private static final class ExponentialAverage {

        private double average;
        private double weight;

        double add(double value, double factor) {
            average = factor * average + (1 - factor) * value;
            weight = factor * weight + (1 - factor);
            return average / weight;
        }

        void reset() {
            average = 0;
            weight = 0;
        }
    }
}
