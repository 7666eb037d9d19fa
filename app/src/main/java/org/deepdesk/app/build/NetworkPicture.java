package org.deepdesk.app.build;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.i18n.Messages;

/**
 * A picture of the network drawn from the same summary as the stack: one block per tensor, from
 * the input to the output. An image tensor is a box whose front is as tall as its height, whose
 * depth follows its width and whose thickness grows with the logarithm of its channels; a vector
 * is a thin bar whose height grows with the logarithm of its length.
 */
final class NetworkPicture extends Canvas {

    private static final double SLOT = 92;
    private static final double MARGIN = 16;
    private static final double HEIGHT = 300;
    private static final double BASELINE = 220;
    private static final Color IMAGE_FILL = Color.web("#56b4e9");
    private static final Color VECTOR_FILL = Color.web("#009e73");
    private static final Color PROBLEM_FILL = Color.web("#d55e00");

    private final Messages messages;

    NetworkPicture(Messages messages) {
        super(600, HEIGHT);
        this.messages = messages;
        setId("networkPicture");
    }

    /** One drawn tensor: its caption lines and its shape, or null when unknown. */
    private record Block(String title, String caption, Shape shape) {
    }

    void draw(NetworkSpec spec, NetworkSummary summary) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(messages.get("build.picture.input"), spec.input().toString(), spec.input()));
        for (LayerSummary layer : summary.layers()) {
            Shape shape = layer.problem().isPresent() ? null : layer.output().orElse(null);
            String title = (layer.index() + 1) + ". " + messages.get("layer." + layer.layer().typeName() + ".name");
            blocks.add(new Block(title, shape == null ? "?" : shape.toString(), shape));
        }

        setWidth(Math.max(600, 2 * MARGIN + blocks.size() * SLOT));
        GraphicsContext graphics = getGraphicsContext2D();
        graphics.setFill(Color.WHITE);
        graphics.fillRect(0, 0, getWidth(), getHeight());
        graphics.setFont(Font.font(11));
        graphics.setTextAlign(TextAlignment.CENTER);
        graphics.setTextBaseline(VPos.TOP);

        for (int i = 0; i < blocks.size(); i++) {
            double centre = MARGIN + i * SLOT + SLOT / 2;
            drawBlock(graphics, blocks.get(i).shape(), centre);
            graphics.setFill(Color.BLACK);
            graphics.fillText(blocks.get(i).title(), centre, BASELINE + 12, SLOT - 4);
            graphics.fillText(blocks.get(i).caption(), centre, BASELINE + 28, SLOT - 4);
        }
    }

    private static void drawBlock(GraphicsContext graphics, Shape shape, double centre) {
        graphics.setStroke(Color.web("#333333"));
        graphics.setLineWidth(1);
        if (shape instanceof ImageShape image) {
            double height = Math.min(170, 6 * Math.sqrt(image.height()) * 2.2);
            double depth = Math.min(40, 1.4 * image.width());
            double thickness = 4 + 5 * log2(image.channels());
            double left = centre - (thickness + depth) / 2;
            double top = BASELINE - height;
            // Top and side faces recede up and to the right, so the box reads as H x W x C.
            double[] topX = {left, left + depth, left + depth + thickness, left + thickness};
            double[] topY = {top, top - depth / 2, top - depth / 2, top};
            double[] sideX = {left + thickness, left + thickness + depth, left + thickness + depth, left + thickness};
            double[] sideY = {top, top - depth / 2, BASELINE - depth / 2, BASELINE};
            graphics.setFill(IMAGE_FILL.brighter());
            graphics.fillPolygon(topX, topY, 4);
            graphics.strokePolygon(topX, topY, 4);
            graphics.setFill(IMAGE_FILL.darker());
            graphics.fillPolygon(sideX, sideY, 4);
            graphics.strokePolygon(sideX, sideY, 4);
            graphics.setFill(IMAGE_FILL);
            graphics.fillRect(left, top, thickness, height);
            graphics.strokeRect(left, top, thickness, height);
        } else if (shape != null) {
            double height = Math.min(190, 12 * log2(shape.size()));
            graphics.setFill(VECTOR_FILL);
            graphics.fillRect(centre - 5, BASELINE - height, 10, height);
            graphics.strokeRect(centre - 5, BASELINE - height, 10, height);
        } else {
            graphics.setFill(PROBLEM_FILL);
            graphics.fillRect(centre - 12, BASELINE - 24, 24, 24);
        }
    }

    private static double log2(double value) {
        return Math.log(Math.max(1, value)) / Math.log(2) + 1;
    }

    @Override
    public boolean isResizable() {
        return false;
    }
}
