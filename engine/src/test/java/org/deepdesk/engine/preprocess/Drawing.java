package org.deepdesk.engine.preprocess;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A square test canvas that draws anti-aliased white strokes on black, like the app's canvas. */
final class Drawing {

    private final BufferedImage image;
    private final Graphics2D graphics;

    Drawing(int size) {
        image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
    }

    /** Draws a line with round ends, {@code width} pixels thick. */
    Drawing line(double x1, double y1, double x2, double y2, float width) {
        graphics.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
        return this;
    }

    Drawing disc(double centreX, double centreY, double radius) {
        graphics.fill(new Ellipse2D.Double(centreX - radius, centreY - radius, 2 * radius, 2 * radius));
        return this;
    }

    Drawing rectangle(double x, double y, double width, double height) {
        graphics.fill(new Rectangle2D.Double(x, y, width, height));
        return this;
    }

    GrayImage toGrayImage() {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] ink = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            ink[i] = (rgb[i] & 0xFF) / 255f;
        }
        return new GrayImage(width, height, ink);
    }
}
