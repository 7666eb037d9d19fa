package org.deepdesk.app.classroom;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.deepdesk.app.Workbench;

/**
 * The guided lesson through the main loop: build the reference CNN, train it for one epoch on a
 * subset, draw digits and look at a mistake. It holds only the position, so a language switch
 * that rebuilds the panel keeps the student's place.
 */
public final class Lesson {

    /** Images the lesson trains on when the training limit is the full set or larger. */
    static final int LESSON_IMAGES = 6000;

    /** Preset id of the reference CNN in {@code org.deepdesk.engine.spec.Presets}. */
    private static final String REFERENCE_CNN = "reference-cnn";

    private final List<LessonStep> steps;
    private final IntegerProperty index = new SimpleIntegerProperty();
    private final BooleanProperty active = new SimpleBooleanProperty();

    public Lesson(Workbench workbench) {
        steps = List.of(
                new LessonStep("lesson.welcome", "buildTab", "presetChooser", Optional.empty()),
                new LessonStep("lesson.build", "buildTab", "presetChooser", Optional.of(() -> useReferenceCnn(workbench))),
                new LessonStep("lesson.train", "trainTab", "startTraining", Optional.of(() -> trainOneEpoch(workbench))),
                new LessonStep("lesson.draw", "drawTab", "drawCanvas", Optional.empty()),
                new LessonStep("lesson.evaluate", "evaluateTab", "evaluateButton", Optional.of(workbench.evaluate()::evaluate)),
                new LessonStep("lesson.done", "evaluateTab", "sampleGallery", Optional.empty()));
    }

    public List<LessonStep> steps() {
        return steps;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public LessonStep current() {
        return steps.get(index.get());
    }

    public BooleanBinding atFirstProperty() {
        return index.isEqualTo(0);
    }

    public BooleanBinding atLastProperty() {
        return Bindings.createBooleanBinding(() -> index.get() == steps.size() - 1, index);
    }

    /** Starts the lesson from its first step. */
    public void start() {
        index.set(0);
        active.set(true);
    }

    public void next() {
        index.set(Math.min(steps.size() - 1, index.get() + 1));
    }

    public void back() {
        index.set(Math.max(0, index.get() - 1));
    }

    public void close() {
        active.set(false);
    }

    private static void useReferenceCnn(Workbench workbench) {
        workbench.build().selectedPresetProperty().set(REFERENCE_CNN);
    }

    /** Trains one epoch on at most {@link #LESSON_IMAGES}, so the class waits about a minute or less. */
    private static void trainOneEpoch(Workbench workbench) {
        if (workbench.train().runningProperty().get()) {
            return;
        }
        int limit = workbench.train().trainingLimitProperty().get();
        workbench.train().epochsProperty().set(1);
        workbench.train().trainingLimitProperty().set(limit == 0 ? LESSON_IMAGES : Math.min(limit, LESSON_IMAGES));
        workbench.train().start();
    }
}
