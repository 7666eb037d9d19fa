package org.deepdesk.app.classroom;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.deepdesk.i18n.Messages;

/**
 * The side panel of the guided lesson: the step's title and text, "Do it for me", Back, Next and
 * Close. Each step selects its tab and outlines the control to use. The focus moves to "Do it for
 * me", then to Next, so pressing Space repeatedly walks the whole lesson.
 */
public final class LessonPanel extends VBox {

    static final String TARGET = "lesson-target";

    private final Lesson lesson;
    private final Messages messages;
    private final Parent root;
    private final Consumer<String> selectTab;
    private final Label progress = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button doIt = new Button();
    private final Button next;
    private Node target;

    /**
     * @param root the window's root, where the panel looks up each step's target control
     * @param selectTab selects the tab with the given id
     */
    public LessonPanel(Lesson lesson, Messages messages, Parent root, Consumer<String> selectTab) {
        this.lesson = lesson;
        this.messages = messages;
        this.root = root;
        this.selectTab = selectTab;
        setId("lessonPanel");
        getStyleClass().add("lesson-panel");
        setPrefWidth(280);
        setMinWidth(240);

        title.getStyleClass().add("lesson-title");
        title.setId("lessonTitle");
        title.setWrapText(true);
        text.setId("lessonText");
        text.setWrapText(true);

        doIt.setText(messages.get("lesson.doIt"));
        doIt.setId("lessonDoIt");
        doIt.setAccessibleHelp(messages.get("lesson.doIt.help"));

        Button back = button("lessonBack", "lesson.back", lesson::back);
        back.disableProperty().bind(lesson.atFirstProperty());
        next = button("lessonNext", "lesson.next", lesson::next);
        next.disableProperty().bind(lesson.atLastProperty());
        Button close = button("lessonClose", "lesson.close", lesson::close);
        doIt.setOnAction(event -> {
            lesson.current().action().ifPresent(Runnable::run);
            next.requestFocus();
        });

        getChildren().addAll(progress, title, text, doIt, new FlowPane(8, 8, back, next, close));
        lesson.indexProperty().addListener((observable, old, index) -> show());
        visibleProperty().bind(lesson.activeProperty());
        managedProperty().bind(visibleProperty());
        lesson.activeProperty().addListener((observable, was, active) -> {
            if (!active) {
                clearTarget();
            }
        });
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setAccessibleHelp(messages.get(key + ".help"));
        button.setOnAction(event -> action.run());
        // Projector-sized text must not shorten the labels to "...".
        button.setMinWidth(Button.USE_PREF_SIZE);
        return button;
    }

    /** Shows the current step: its text, its tab and an outline on its control. */
    public void show() {
        LessonStep step = lesson.current();
        progress.setText(messages.format("lesson.progress", lesson.indexProperty().get() + 1, lesson.steps().size()));
        title.setText(messages.get(step.key() + ".title"));
        text.setText(messages.get(step.key() + ".text"));
        doIt.setVisible(step.action().isPresent());
        doIt.setManaged(step.action().isPresent());
        setAccessibleText(title.getText());
        // Space keeps working through the lesson: it does the step, then goes to the next one.
        Button focus = step.action().isPresent() ? doIt : next;
        Platform.runLater(focus::requestFocus);

        selectTab.accept(step.tabId());
        clearTarget();
        // The tab's content is laid out on the next pulse, so the lookup waits for it.
        Platform.runLater(() -> {
            target = root.lookup("#" + step.targetId());
            if (target != null && lesson.activeProperty().get()) {
                target.getStyleClass().add(TARGET);
            }
        });
    }

    private void clearTarget() {
        if (target != null) {
            target.getStyleClass().remove(TARGET);
            target = null;
        }
    }
}
