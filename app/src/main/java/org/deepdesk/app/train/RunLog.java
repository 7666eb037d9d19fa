package org.deepdesk.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent.Outcome;

/**
 * Every run of the session with the runs the user ticked for comparison. FX thread only.
 *
 * <p>The runs stay in memory until the app closes: a run keeps its settings and one record per
 * epoch, a few hundred bytes each.
 */
public final class RunLog {

    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> compared = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRecord> comparedView = FXCollections.unmodifiableObservableList(compared);
    private final List<EpochRecord> currentEpochs = new ArrayList<>();

    /** All runs in the order they ended. */
    public ObservableList<RunRecord> runs() {
        return runsView;
    }

    /** The runs whose curves are overlaid, in the order they were ticked; the first is the reference. */
    public ObservableList<RunRecord> compared() {
        // One wrapper per list, because a wrapper forwards changes only while something references it.
        return comparedView;
    }

    public void setCompared(RunRecord run, boolean shown) {
        if (shown && !compared.contains(run)) {
            compared.add(run);
        } else if (!shown) {
            compared.remove(run);
        }
    }

    public boolean isCompared(RunRecord run) {
        return compared.contains(run);
    }

    /** The run that the table's "changes" column compares with: the first ticked run. */
    public Optional<RunRecord> reference() {
        return compared.isEmpty() ? Optional.empty() : Optional.of(compared.get(0));
    }

    void beginRun() {
        currentEpochs.clear();
    }

    void addEpoch(EpochRecord epoch) {
        currentEpochs.add(epoch);
    }

    RunRecord endRun(String networkName, TrainingSettings settings, Outcome outcome, double testAccuracy) {
        RunRecord run = new RunRecord(runs.size() + 1, networkName, settings, currentEpochs, outcome, testAccuracy);
        runs.add(run);
        currentEpochs.clear();
        return run;
    }
}
