package org.deepdesk.app.inside;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs with the toolkit started, which JavaFX images need. */
@ExtendWith(ApplicationExtension.class)
class ChannelImagesTest {

    @Start
    void start(Stage stage) {
        // No window: the extension starts the toolkit.
    }

    @Test
    void enlargedDrawsSharpBlocks() {
        WritableImage small = new WritableImage(2, 1);
        small.getPixelWriter().setColor(0, 0, Color.BLACK);
        small.getPixelWriter().setColor(1, 0, Color.WHITE);

        WritableImage large = ChannelImages.enlarged(small, 3, 2);

        assertThat(large.getWidth()).isEqualTo(6);
        assertThat(large.getHeight()).isEqualTo(2);
        assertThat(large.getPixelReader().getColor(2, 1)).isEqualTo(Color.BLACK);
        assertThat(large.getPixelReader().getColor(3, 0)).isEqualTo(Color.WHITE);
        assertThat(large.getPixelReader().getColor(5, 1)).isEqualTo(Color.WHITE);
    }

    @Test
    void signedKernelKeepsColoursWhenEnlarged() {
        WritableImage kernel = ChannelImages.signed(new float[] {1f, -1f, 0f, 0.5f}, 2, 2);

        WritableImage large = ChannelImages.enlarged(kernel, 16, 16);

        assertThat(large.getPixelReader().getArgb(15, 15)).isEqualTo(kernel.getPixelReader().getArgb(0, 0));
        assertThat(large.getPixelReader().getArgb(16, 0)).isEqualTo(kernel.getPixelReader().getArgb(1, 0));
        assertThat(large.getPixelReader().getArgb(31, 31)).isEqualTo(kernel.getPixelReader().getArgb(1, 1));
    }
}
