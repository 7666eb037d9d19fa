package org.deepdesk.app.train;

import java.util.List;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent.Outcome;

/**
 * One finished run of the session, kept so that runs can be compared.
 *
 * @param number the run number in the session, from 1
 * @param networkName the name of the network spec trained
 * @param settings the settings the run used
 * @param epochs the epochs this run trained, in order
 * @param outcome how the run ended
 * @param testAccuracy the accuracy on the test set after the run, or NaN after divergence
 */
public record RunRecord(
        int number,
        String networkName,
        TrainingSettings settings,
        List<EpochRecord> epochs,
        Outcome outcome,
        double testAccuracy) {

    public RunRecord {
        epochs = List.copyOf(epochs);
    }

    /** Returns the training accuracy of the last epoch, or NaN when no epoch finished. */
    public double finalTrainAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainAccuracy();
    }

    /** Returns the validation accuracy of the last epoch, or NaN when there was none. */
    public double finalValidationAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationAccuracy();
    }
}
