package org.deepdesk.app.draw;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import org.deepdesk.app.classroom.PresenterLayout;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.i18n.Messages;

/**
 * The Draw view: a canvas for mouse and pen, the 28x28 image the network sees, and the ten
 * class probabilities, all updated while the user draws.
 */
public final class DrawView extends BorderPane {

    static final int CANVAS_SIZE = 280;
    private static final int PREVIEW_SCALE = 5;

    private final DrawViewModel model;
    private final Messages messages;
    private final Canvas canvas = new Canvas(CANVAS_SIZE, CANVAS_SIZE);
    private final Slider brush = new Slider(6, 40, 20);
    private final WritableImage preview = new WritableImage(28, 28);
    private final ImageView saliency = new ImageView();
    private final ProgressBar[] bars = new ProgressBar[10];
    private final Label[] percentages = new Label[10];
    private final Label answer = new Label();
    private final Label uncertainty = new Label();
    private final PreprocessingSteps steps;
    private final HandwritingPane handwriting;
    private final AnimationTimer snapshotTimer;
    private boolean dirty;
    private double lastX;
    private double lastY;

    public DrawView(DrawViewModel model, HandwritingViewModel handwriting, Messages messages) {
        this.model = model;
        this.handwriting = new HandwritingPane(handwriting, model, messages);
        this.messages = messages;
        this.steps = new PreprocessingSteps(messages);
        getStyleClass().add("draw-view");
        setPadding(new Insets(12));

        clearCanvas();
        canvas.setId("drawCanvas");
        canvas.setAccessibleText(messages.get("draw.canvas"));
        // Touch and pen need no handlers of their own: JavaFX turns unconsumed touch events into
        // synthesized mouse events (MouseEvent.isSynthesized), and pen tablets reach JavaFX as a mouse.
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::beginStroke);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::continueStroke);

        // One snapshot per frame at most, however many mouse events arrive in it.
        snapshotTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    model.submit(snapshot());
                }
            }
        };
        // Running only while the view is in a showing window: a running AnimationTimer is
        // referenced by the toolkit, so one left running would keep a replaced view and its
        // models in memory for good.
        ObservableValue<Boolean> showing = sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        showing.addListener((observable, was, now) -> {
            if (now) {
                snapshotTimer.start();
            } else {
                snapshotTimer.stop();
            }
        });

        setLeft(canvasPane());
        setCenter(resultPane());
        setRight(stepsPane());
        model.predictionProperty().addListener((observable, old, prediction) -> show(prediction));
        show(model.predictionProperty().get());
    }

    /** Stops the frame timer, so a replaced view stops working. */
    public void dispose() {
        snapshotTimer.stop();
    }

    private VBox canvasPane() {
        StackPane frame = new StackPane(canvas);
        frame.setId("canvasFrame");
        frame.getStyleClass().addAll("canvas-frame", PresenterLayout.ENLARGED);
        frame.setMaxSize(CANVAS_SIZE + 4, CANVAS_SIZE + 4);
        // A group takes the frame's scaled size in layout, so presenter mode can enlarge the canvas.
        Group scalable = new Group(frame);

        brush.setId("brushSize");
        brush.setAccessibleText(messages.get("draw.brush"));
        Button clear = new Button(messages.get("draw.clear"));
        clear.setId("clearCanvas");
        clear.setOnAction(event -> {
            clearCanvas();
            model.clear();
        });
        HBox tools = new HBox(8, new Label(messages.get("draw.brush")), brush, clear);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label instructions = new Label(messages.get("draw.instructions"));
        instructions.setWrapText(true);
        instructions.setMaxWidth(CANVAS_SIZE);

        // Presenter mode hides the personal dataset row, which makes room for the enlarged canvas.
        handwriting.getStyleClass().add(PresenterLayout.SECONDARY);
        VBox box = new VBox(10, instructions, scalable, tools, handwriting);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private VBox resultPane() {
        ImageView input = new ImageView(preview);
        input.setId("networkInput");
        input.setSmooth(false);
        input.setFitWidth(28 * PREVIEW_SCALE);
        input.setFitHeight(28 * PREVIEW_SCALE);
        StackPane inputFrame = new StackPane(input);
        inputFrame.getStyleClass().add("canvas-frame");
        inputFrame.setMaxSize(28 * PREVIEW_SCALE + 4, 28 * PREVIEW_SCALE + 4);
        Label inputCaption = new Label(messages.get("draw.networkInput"));

        saliency.setId("saliency");
        saliency.setSmooth(false);
        saliency.setFitWidth(28 * PREVIEW_SCALE);
        saliency.setFitHeight(28 * PREVIEW_SCALE);
        StackPane saliencyFrame = new StackPane(saliency);
        saliencyFrame.getStyleClass().add("canvas-frame");
        saliencyFrame.setMaxSize(28 * PREVIEW_SCALE + 4, 28 * PREVIEW_SCALE + 4);
        Label saliencyCaption = new Label(messages.get("draw.saliency"));
        saliencyCaption.setWrapText(true);
        saliencyCaption.setMaxWidth(28 * PREVIEW_SCALE + 60);
        HBox images = new HBox(16, new VBox(4, inputCaption, inputFrame), new VBox(4, saliencyCaption, saliencyFrame));

        answer.setId("predictionAnswer");
        answer.getStyleClass().add("prediction-answer");
        Label hint = new Label();
        hint.setId("drawHint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(
                () -> model.hintProperty().get() == null ? "" : messages.format(model.hintProperty().get()),
                model.hintProperty()));

        GridPane probabilities = new GridPane();
        probabilities.setId("probabilities");
        probabilities.setHgap(8);
        probabilities.setVgap(4);
        for (int digit = 0; digit < 10; digit++) {
            bars[digit] = new ProgressBar(0);
            bars[digit].setPrefWidth(260);
            bars[digit].getStyleClass().add("probability-bar");
            bars[digit].setAccessibleText(messages.format("draw.probability.accessible", digit));
            percentages[digit] = new Label();
            percentages[digit].setMinWidth(56);
            Label digitLabel = new Label(Integer.toString(digit));
            digitLabel.getStyleClass().add("digit-label");
            probabilities.addRow(digit, digitLabel, bars[digit], percentages[digit]);
        }
        Label probabilitiesCaption = new Label(messages.get("draw.probabilities"));
        probabilitiesCaption.getStyleClass().add("section-title");

        uncertainty.setId("uncertainty");
        uncertainty.setWrapText(true);
        uncertainty.getStyleClass().add("uncertainty");
        uncertainty.managedProperty().bind(uncertainty.visibleProperty());
        uncertainty.setVisible(false);

        VBox box = new VBox(10, images, answer, uncertainty, hint, probabilitiesCaption, probabilities);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private VBox stepsPane() {
        Label title = new Label(messages.get("draw.steps"));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMaxWidth(260);
        VBox box = new VBox(8, title, steps);
        box.setPadding(new Insets(0, 0, 0, 16));
        box.getStyleClass().add(PresenterLayout.SECONDARY);
        return box;
    }

    private void beginStroke(MouseEvent event) {
        lastX = event.getX();
        lastY = event.getY();
        // A click without a drag still leaves a dot.
        drawSegment(lastX, lastY, lastX, lastY);
    }

    private void continueStroke(MouseEvent event) {
        drawSegment(lastX, lastY, event.getX(), event.getY());
        lastX = event.getX();
        lastY = event.getY();
    }

    /** Draws a connected segment, since the mouse moves farther than one event per pixel. */
    private void drawSegment(double fromX, double fromY, double toX, double toY) {
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        graphics.setStroke(Color.WHITE);
        graphics.setLineWidth(brush.getValue());
        graphics.setLineCap(StrokeLineCap.ROUND);
        graphics.setLineJoin(StrokeLineJoin.ROUND);
        graphics.strokeLine(fromX, fromY, toX, toY);
        dirty = true;
    }

    private void clearCanvas() {
        GraphicsContext graphics = canvas.getGraphicsContext2D();
        graphics.setFill(Color.BLACK);
        graphics.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        dirty = false;
    }

    /** Reads the canvas at its true render scale, so HiDPI screens give their full detail. */
    private GrayImage snapshot() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int size = (int) Math.round(CANVAS_SIZE * scale);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.BLACK);
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = canvas.snapshot(parameters, new WritableImage(size, size));

        int[] argb = new int[size * size];
        image.getPixelReader().getPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), argb, 0, size);
        float[] ink = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            // White strokes on black: any colour channel is the amount of ink.
            ink[i] = (argb[i] & 0xFF) / 255f;
        }
        return new GrayImage(size, size, ink);
    }

    private void show(Prediction prediction) {
        PixelWriter writer = preview.getPixelWriter();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double value = prediction == null ? 0 : prediction.input()[y * 28 + x];
                writer.setColor(x, y, Color.gray(Math.max(0, Math.min(1, value))));
            }
        }
        for (int digit = 0; digit < 10; digit++) {
            double probability = prediction == null ? 0 : prediction.probabilities()[digit];
            bars[digit].setProgress(probability);
            percentages[digit].setText(prediction == null ? "" : String.format(messages.locale(), "%.1f%%", probability * 100));
            bars[digit].getStyleClass().remove("probability-top");
        }
        steps.show(prediction);
        saliency.setImage(prediction == null ? null : SaliencyImage.paint(prediction.input(), prediction.saliency()));
        if (prediction == null) {
            answer.setText("");
            uncertainty.setVisible(false);
            return;
        }
        bars[prediction.predictedClass()].getStyleClass().add("probability-top");
        if (prediction.severalDigits()) {
            // The network may well be confident, but about one digit of a number it cannot read.
            answer.setText(messages.format("draw.answerUnsure", prediction.predictedClass()));
            uncertainty.setText(messages.format("draw.severalDigits", prediction.inkColumns()));
            uncertainty.setVisible(true);
        } else if (prediction.uncertain()) {
            // An unclear drawing gets a notice instead of a confident-sounding prediction.
            answer.setText(messages.format("draw.answerUnsure", prediction.predictedClass()));
            uncertainty.setText(messages.format("draw.uncertain", prediction.confidence() * 100));
            uncertainty.setVisible(true);
        } else {
            answer.setText(messages.format("draw.answer", prediction.predictedClass(), prediction.confidence() * 100));
            uncertainty.setVisible(false);
        }
    }
}
