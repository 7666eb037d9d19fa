package org.deepdesk.engine.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.deepdesk.engine.inspect.OcclusionSaliency;
import org.deepdesk.engine.preprocess.DigitPreprocessor;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.engine.preprocess.PreparedDigit;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.TrainableNetwork;

/**
 * Measures the work the Draw view does after each stroke, on the reference CNN: MNIST-style
 * preprocessing, the prediction, the naive-resize prediction, occlusion saliency and every
 * layer's feature maps. Prints the median and 95th percentile in milliseconds.
 *
 * <p>Run from the repository root:
 * <pre>./mvnw -o -q -pl engine -am install -DskipTests
 * ./mvnw -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deepdesk.engine.bench.InspectionBenchmark -Dexec.args="200 native"</pre>
 * Arguments: the number of timed drawings (default 200) and the backend (native or dl4j).
 */
public final class InspectionBenchmark {

    private static final int WARM_UP = 30;

    private InspectionBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Backend backend = args.length > 1 ? Backend.valueOf(args[1].toUpperCase(Locale.ROOT)) : Backend.NATIVE;
        NetworkDocument document = Presets.load("reference-cnn");
        TrainableNetwork network = TrainableNetwork.create(document.network(), document.training(), 10, backend);
        GrayImage drawing = seven(280);

        for (int i = 0; i < WARM_UP; i++) {
            afterStroke(network, drawing);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            afterStroke(network, drawing);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "backend=%s runs=%d median_ms=%.2f p95_ms=%.2f max_ms=%.2f%n",
                backend, runs, millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1]);
    }

    /** The same steps as the Draw view's background prediction, in the same order. */
    private static void afterStroke(TrainableNetwork network, GrayImage drawing) {
        PreparedDigit prepared = DigitPreprocessor.prepare(drawing).orElseThrow();
        float[] pixels = prepared.pixels();
        float[] naive = DigitPreprocessor.naiveResize(drawing);
        OcclusionSaliency.compute(network::predict, pixels, DigitPreprocessor.SIZE, DigitPreprocessor.SIZE, network.classCount());
        network.predict(pixels);
        network.predict(naive);
        network.layerOutputs(pixels);
    }

    private static GrayImage seven(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.drawLine(70, 60, 210, 60);
        graphics.drawLine(210, 60, 120, 230);
        graphics.dispose();

        int[] rgb = image.getRGB(0, 0, size, size, null, 0, size);
        float[] ink = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            ink[i] = (rgb[i] & 0xFF) / 255f;
        }
        return new GrayImage(size, size, ink);
    }
}
