package org.deepdesk.app.train;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.app.classroom.PresenterLayout;
import org.deepdesk.i18n.Messages;

/**
 * The Train view: the settings form and run controls on the left, the live charts in the middle
 * and the runs of the session below them.
 */
public final class TrainView extends BorderPane {

    public TrainView(TrainViewModel model, BuildViewModel build, Messages messages, String chartFontFamily) {
        getStyleClass().add("train-view");
        setPadding(new Insets(12));

        VBox controls = new VBox(12, new TrainSettingsForm(model.form(), messages), new RunControls(model, build, messages));
        controls.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(320);
        left.setMinWidth(290);
        setLeft(left);

        RunsTable runs = new RunsTable(model.runLog(), messages);
        runs.getStyleClass().add(PresenterLayout.SECONDARY);
        runs.setAccessibleText(messages.get("runs.accessible"));
        SplitPane center = new SplitPane(new ChartsPanel(model, messages, chartFontFamily), runs);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.72);
        setCenter(center);
    }
}
