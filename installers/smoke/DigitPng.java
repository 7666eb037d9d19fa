import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Writes a handwritten-looking "1", dark ink on white, as a PNG for the packaged app's smoke test.
 * Runs as a single source file: java DigitPng.java OUTPUT.png
 */
public final class DigitPng {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java DigitPng.java OUTPUT.png");
            System.exit(2);
        }
        BufferedImage image = new BufferedImage(112, 112, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 112, 112);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.drawLine(46, 30, 58, 18);
        graphics.drawLine(58, 18, 56, 94);
        graphics.dispose();
        if (!ImageIO.write(image, "png", new File(args[0]))) {
            throw new IOException("No PNG writer found in this Java runtime");
        }
    }
}
