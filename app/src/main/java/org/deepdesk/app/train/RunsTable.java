package org.deepdesk.app.train;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/**
 * The runs of the session: a tick overlays a run's curves on the charts, the changes column lists
 * the settings that differ from the first ticked run, and the last columns give final accuracies.
 */
final class RunsTable extends TableView<RunRecord> {

    private final RunLog runLog;
    private final Messages messages;

    RunsTable(RunLog runLog, Messages messages) {
        super(runLog.runs());
        this.runLog = runLog;
        this.messages = messages;
        setId("runsTable");
        setEditable(true);
        setPlaceholder(new Label(messages.get("runs.empty")));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<RunRecord, Boolean> shown = new TableColumn<>(messages.get("runs.compare"));
        shown.setCellValueFactory(cell -> {
            SimpleBooleanProperty ticked = new SimpleBooleanProperty(runLog.isCompared(cell.getValue()));
            ticked.addListener((observable, old, value) -> runLog.setCompared(cell.getValue(), value));
            return ticked;
        });
        shown.setCellFactory(CheckBoxTableCell.forTableColumn(shown));
        shown.setEditable(true);
        shown.setPrefWidth(70);

        TableColumn<RunRecord, Integer> number = new TableColumn<>(messages.get("runs.number"));
        number.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue().number()));
        number.setPrefWidth(50);

        TableColumn<RunRecord, String> network = textColumn("runs.network", run -> run.networkName());
        network.setPrefWidth(140);
        TableColumn<RunRecord, String> outcome = textColumn("runs.outcome",
                run -> messages.get("runs.outcome." + run.outcome().name().toLowerCase(java.util.Locale.ROOT)));
        TableColumn<RunRecord, String> train = textColumn("runs.trainAccuracy", run -> percent(run.finalTrainAccuracy()));
        TableColumn<RunRecord, String> validation = textColumn("runs.validationAccuracy", run -> percent(run.finalValidationAccuracy()));
        TableColumn<RunRecord, String> test = textColumn("runs.testAccuracy", run -> percent(run.testAccuracy()));
        TableColumn<RunRecord, String> changes = textColumn("runs.changes", this::changes);
        changes.setPrefWidth(260);

        getColumns().setAll(List.of(shown, number, network, outcome, train, validation, test, changes));
        // The changes column depends on which run is the reference, so it redraws when ticks change.
        runLog.compared().addListener((ListChangeListener<RunRecord>) change -> refresh());
    }

    private TableColumn<RunRecord, String> textColumn(String key, java.util.function.Function<RunRecord, String> text) {
        TableColumn<RunRecord, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(90);
        return column;
    }

    private String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : messages.format(Message.of("runs.percent", fraction * 100));
    }

    private String changes(RunRecord run) {
        RunRecord reference = runLog.reference().orElse(null);
        if (reference == null) {
            return "";
        }
        if (reference == run) {
            return messages.get("runs.reference");
        }
        List<SettingsDiff.Change> diff = SettingsDiff.between(reference.settings(), run.settings());
        if (diff.isEmpty()) {
            return messages.get("runs.sameSettings");
        }
        return diff.stream()
                .map(change -> messages.format(Message.of("runs.change", messages.get(change.labelKey()), change.from(), change.to())))
                .collect(Collectors.joining(", "));
    }
}
