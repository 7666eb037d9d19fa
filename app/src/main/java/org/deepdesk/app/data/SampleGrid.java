package org.deepdesk.app.data;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.LoadedDataset;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/** A few training images of each class under the class name and its image count. */
final class SampleGrid extends FlowPane {

    static final int SAMPLES_PER_CLASS = 6;
    private static final double IMAGE_SIZE = 42;

    SampleGrid() {
        super(16, 12);
        setId("sampleGrid");
        setPadding(new Insets(8));
    }

    void show(LoadedDataset dataset, Messages messages) {
        getChildren().clear();
        ImageDataset training = dataset.training();
        int[][] samples = firstOfEachClass(training);
        int[] counts = dataset.classCounts();
        List<Message> names = dataset.classNames();

        for (int label = 0; label < dataset.classCount(); label++) {
            Label title = new Label(messages.format("data.class", messages.format(names.get(label)), counts[label]));
            title.getStyleClass().add("data-class-name");
            HBox images = new HBox(2);
            for (int index : samples[label]) {
                if (index >= 0) {
                    ImageView view = new ImageView(toImage(training, index));
                    view.setFitWidth(IMAGE_SIZE);
                    view.setFitHeight(IMAGE_SIZE);
                    images.getChildren().add(view);
                }
            }
            VBox box = new VBox(4, title, images);
            box.getStyleClass().add("data-class");
            getChildren().add(box);
        }
    }

    /** Returns up to {@link #SAMPLES_PER_CLASS} image indices per class, -1 where a class has fewer. */
    private static int[][] firstOfEachClass(ImageDataset images) {
        int[][] samples = new int[images.classCount()][SAMPLES_PER_CLASS];
        int[] found = new int[images.classCount()];
        for (int[] row : samples) {
            Arrays.fill(row, -1);
        }
        int[] labels = images.labels();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (found[label] < SAMPLES_PER_CLASS) {
                samples[label][found[label]++] = i;
            }
        }
        return samples;
    }

    /** Draws one image; pixels are stored channel by channel, so colour images read three planes. */
    static WritableImage toImage(ImageDataset images, int index) {
        int height = images.shape().height();
        int width = images.shape().width();
        int channels = images.shape().channels();
        int plane = height * width;
        float[] pixels = images.image(index);
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                Color color = channels >= 3
                        ? Color.color(pixels[at], pixels[plane + at], pixels[2 * plane + at])
                        : Color.gray(pixels[at]);
                writer.setColor(x, y, color);
            }
        }
        return image;
    }
}
