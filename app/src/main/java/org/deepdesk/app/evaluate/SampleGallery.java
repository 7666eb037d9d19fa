package org.deepdesk.app.evaluate;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.eval.SamplePrediction;
import org.deepdesk.i18n.Messages;

/** Test images with their true label, the prediction and its probability. */
final class SampleGallery extends FlowPane {

    private static final int IMAGE_SIZE = 56;

    SampleGallery() {
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(4));
        setId("sampleGallery");
    }

    void show(List<SamplePrediction> samples, ImageDataset images, Messages messages) {
        getChildren().clear();
        if (images == null) {
            return;
        }
        for (SamplePrediction sample : samples) {
            ImageView view = new ImageView(toImage(images, sample.index()));
            view.setSmooth(false);
            view.setFitWidth(IMAGE_SIZE);
            view.setFitHeight(IMAGE_SIZE);
            Label caption = new Label(messages.format("evaluate.sample", sample.actual(), sample.predicted(), sample.confidence() * 100));
            caption.getStyleClass().add(sample.correct() ? "sample-right" : "sample-wrong");
            VBox tile = new VBox(2, view, caption);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("sample-tile");
            getChildren().add(tile);
        }
    }

    private static WritableImage toImage(ImageDataset images, int index) {
        int height = images.shape().height();
        int width = images.shape().width();
        float[] pixels = images.image(index);
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                writer.setColor(x, y, Color.gray(pixels[y * width + x]));
            }
        }
        return image;
    }
}
