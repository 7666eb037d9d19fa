package org.deepdesk.app.train;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.LongStringConverter;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Train view: hyperparameters, Start and Stop, progress with speed and time left, and the
 * live loss and accuracy charts.
 */
public final class TrainView extends BorderPane {

    private final TrainViewModel model;
    private final Messages messages;

    public TrainView(TrainViewModel model, BuildViewModel build, Messages messages, String chartFontFamily) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("train-view");
        setPadding(new Insets(12));

        setLeft(controls(build));
        setCenter(charts(chartFontFamily));
    }

    private VBox controls(BuildViewModel build) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);

        Spinner<Integer> epochs = intSpinner("epochs", 1, 100, model.epochsProperty());
        Spinner<Integer> batch = intSpinner("batchSize", 1, 4096, model.batchSizeProperty());

        ComboBox<Optimizer> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(Optimizer.values());
        optimizer.setId("optimizer");
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());

        TextField learningRate = numberField("learningRate", new DoubleStringConverter(), model.learningRateProperty());
        TextField validation = numberField("validationSplit", new DoubleStringConverter(), model.validationSplitProperty());
        Spinner<Integer> limit = intSpinner("trainingLimit", 0, 60000, model.trainingLimitProperty());
        TextField seed = numberField("seed", new LongStringConverter(), model.seedProperty());

        addRow(grid, 0, "train.epochs", epochs);
        addRow(grid, 1, "train.batchSize", batch);
        addRow(grid, 2, "train.optimizer", optimizer);
        addRow(grid, 3, "train.learningRate", learningRate);
        addRow(grid, 4, "train.validationSplit", validation);
        addRow(grid, 5, "train.trainingLimit", limit);
        addRow(grid, 6, "train.seed", seed);

        Button start = new Button(messages.get("train.start"));
        start.setId("startTraining");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty().or(build.validProperty().not()));
        start.setOnAction(event -> model.start());
        Button stop = new Button(messages.get("train.stop"));
        stop.setId("stopTraining");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(event -> model.stop());
        Button reset = new Button(messages.get("train.reset"));
        reset.setId("resetWeights");
        reset.disableProperty().bind(model.runningProperty().or(model.networkProperty().isNull()));
        reset.setOnAction(event -> model.resetWeights());
        HBox buttons = new HBox(8, start, stop, reset);

        Label invalid = new Label(messages.get("train.invalidNetwork"));
        invalid.getStyleClass().add("network-problem");
        invalid.setWrapText(true);
        invalid.visibleProperty().bind(build.validProperty().not());
        invalid.managedProperty().bind(invalid.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("trainingProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());

        Label status = messageLabel("trainingStatus", model.statusProperty());
        Label speed = messageLabel("trainingSpeed", model.speedProperty());
        Label result = messageLabel("testAccuracy", model.resultProperty());
        result.getStyleClass().add("result");
        Label error = messageLabel("trainingError", model.errorProperty());
        error.getStyleClass().add("network-problem");

        VBox box = new VBox(12, grid, buttons, invalid, progress, status, speed, result, error);
        box.setPrefWidth(300);
        box.setMinWidth(270);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Label messageLabel(String id, javafx.beans.value.ObservableValue<Message> message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : messages.format(message.getValue()), message));
        return label;
    }

    private void addRow(GridPane grid, int row, String key, javafx.scene.control.Control control) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(control);
        control.setAccessibleText(messages.get(key));
        control.setTooltip(new javafx.scene.control.Tooltip(messages.get(key + ".help")));
        control.setPrefWidth(130);
        grid.addRow(row, label, control);
    }

    /** Creates a spinner that follows the property both ways, so preset changes show up too. */
    private static Spinner<Integer> intSpinner(String id, int min, int max, IntegerProperty property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((observable, old, value) -> property.set(value));
        property.addListener((observable, old, value) -> spinner.getValueFactory().setValue(value.intValue()));
        return spinner;
    }

    /** Creates a text field that accepts only numbers and follows the property both ways. */
    private static <T extends Number> TextField numberField(String id, StringConverter<T> converter, Property<Number> property) {
        @SuppressWarnings("unchecked")
        TextFormatter<T> formatter = new TextFormatter<>(converter, (T) property.getValue());
        formatter.valueProperty().addListener((observable, old, value) -> {
            if (value != null) {
                property.setValue(value);
            }
        });
        property.addListener((observable, old, value) -> {
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            formatter.setValue(typed);
        });
        TextField field = new TextField();
        field.setId(id);
        field.setTextFormatter(formatter);
        return field;
    }

    private VBox charts(String fontFamily) {
        ChartViewer loss = TrainingChart.create("chart.loss", "chart.axis.loss", model.curves().loss(), messages, fontFamily);
        loss.setId("lossChart");
        ChartViewer accuracy = TrainingChart.create("chart.accuracy", "chart.axis.accuracy", model.curves().accuracy(), messages, fontFamily);
        accuracy.setId("accuracyChart");
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        VBox charts = new VBox(8, loss, accuracy);
        charts.setAlignment(Pos.TOP_CENTER);
        return charts;
    }
}
