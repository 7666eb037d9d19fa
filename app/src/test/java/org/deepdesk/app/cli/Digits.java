package org.deepdesk.app.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws test pictures of the digit 7 with Java2D. */
final class Digits {

    private Digits() {
    }

    /** Returns a 7 drawn with a thick, anti-aliased pen on a 200x240 canvas. */
    static BufferedImage seven(int imageType, Color paper, Color ink) {
        BufferedImage image = new BufferedImage(200, 240, imageType);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setBackground(paper);
            graphics.clearRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(ink);
            graphics.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.drawLine(50, 50, 150, 50);
            graphics.drawLine(150, 50, 90, 200);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    static Path save(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
