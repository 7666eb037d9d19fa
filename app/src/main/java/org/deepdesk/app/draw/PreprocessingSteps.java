package org.deepdesk.app.draw;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.i18n.Messages;

/**
 * The preprocessing of the drawn digit, step by step: the canvas, the crop to the ink, the digit
 * scaled to 20 pixels, the centred 28x28 input, and the naive resize with its own prediction.
 */
final class PreprocessingSteps extends GridPane {

    private static final double TILE = 84;

    private final Messages messages;
    private final ImageView canvas = tile();
    private final ImageView crop = tile();
    private final ImageView scaled = tile();
    private final ImageView centred = tile();
    private final ImageView naive = tile();
    private final Label naiveAnswer = new Label();

    PreprocessingSteps(Messages messages) {
        this.messages = messages;
        setHgap(10);
        setVgap(10);
        setId("preprocessingSteps");
        naiveAnswer.setId("naiveAnswer");
        naiveAnswer.setWrapText(true);
        naiveAnswer.setMaxWidth(2 * TILE + 30);

        VBox naiveBox = step(naive, "draw.step.naive");
        naiveBox.getChildren().add(naiveAnswer);
        naiveBox.getStyleClass().add("naive-step");
        add(step(canvas, "draw.step.canvas"), 0, 0);
        add(step(crop, "draw.step.crop"), 1, 0);
        add(step(scaled, "draw.step.scaled"), 0, 1);
        add(step(centred, "draw.step.centred"), 1, 1);
        add(naiveBox, 0, 2, 2, 1);
    }

    void show(Prediction prediction) {
        if (prediction == null) {
            for (ImageView view : new ImageView[] {canvas, crop, scaled, centred, naive}) {
                view.setImage(null);
            }
            naiveAnswer.setText("");
            return;
        }
        GrayImage drawing = prediction.drawing();
        canvas.setImage(toImage(drawing));
        crop.setImage(toImage(drawing.crop(prediction.prepared().inkBounds())));
        scaled.setImage(toImage(prediction.prepared().scaled()));
        centred.setImage(toImage(prediction.prepared().image()));
        naive.setImage(toImage(new GrayImage(28, 28, prediction.naiveInput())));
        naiveAnswer.setText(messages.format("draw.step.naiveAnswer", prediction.naiveClass(),
                prediction.naiveProbabilities()[prediction.naiveClass()] * 100));
    }

    private VBox step(ImageView view, String captionKey) {
        Label caption = new Label(messages.get(captionKey));
        caption.setWrapText(true);
        caption.setMaxWidth(captionKey.equals("draw.step.naive") ? 2 * TILE + 30 : TILE + 30);
        VBox box = new VBox(4, view, caption);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("step-tile");
        return box;
    }

    private static ImageView tile() {
        ImageView view = new ImageView();
        view.setFitWidth(TILE);
        view.setFitHeight(TILE);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        return view;
    }

    private static WritableImage toImage(GrayImage gray) {
        WritableImage image = new WritableImage(gray.width(), gray.height());
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < gray.height(); y++) {
            for (int x = 0; x < gray.width(); x++) {
                writer.setColor(x, y, Color.gray(Math.max(0, Math.min(1, gray.ink(x, y)))));
            }
        }
        return image;
    }
}
