package org.deepdesk.app.train;

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
 * series is notified once per coalesced update.
 */
public final class TrainingCurves {

    private final XYSeries batchLoss = new XYSeries("batchLoss", false, true);
    private final XYSeries trainLoss = new XYSeries("trainLoss", false, true);
    private final XYSeries validationLoss = new XYSeries("validationLoss", false, true);
    private final XYSeries batchAccuracy = new XYSeries("batchAccuracy", false, true);
    private final XYSeries trainAccuracy = new XYSeries("trainAccuracy", false, true);
    private final XYSeries validationAccuracy = new XYSeries("validationAccuracy", false, true);
    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final XYSeriesCollection accuracy = new XYSeriesCollection();

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

    void addBatch(BatchEnd batch) {
        double x = batch.epoch() - 1 + (double) batch.batch() / batch.batchesPerEpoch();
        batchLoss.add(x, batch.loss(), false);
        batchAccuracy.add(x, batch.accuracy(), false);
    }

    void addEpoch(EpochRecord epoch) {
        trainLoss.add(epoch.epoch(), epoch.trainLoss(), false);
        trainAccuracy.add(epoch.epoch(), epoch.trainAccuracy(), false);
        if (!Double.isNaN(epoch.validationLoss())) {
            validationLoss.add(epoch.epoch(), epoch.validationLoss(), false);
            validationAccuracy.add(epoch.epoch(), epoch.validationAccuracy(), false);
        }
    }

    /** Replaces all points with a saved history, such as that of a loaded model. */
    void show(TrainingHistory history, int batchesPerEpoch) {
        clear();
        for (BatchRecord batch : history.batches()) {
            double x = (double) batch.step() / Math.max(1, batchesPerEpoch);
            batchLoss.add(x, batch.loss(), false);
            batchAccuracy.add(x, batch.accuracy(), false);
        }
        history.epochs().forEach(this::addEpoch);
        notifyCharts();
    }

    void clear() {
        for (XYSeries series : new XYSeries[] {batchLoss, trainLoss, validationLoss, batchAccuracy, trainAccuracy, validationAccuracy}) {
            series.clear();
        }
    }

    /** Tells the charts to redraw once, after a batch of additions. */
    void notifyCharts() {
        for (XYSeries series : new XYSeries[] {batchLoss, trainLoss, validationLoss, batchAccuracy, trainAccuracy, validationAccuracy}) {
            series.fireSeriesChanged();
        }
    }
}
