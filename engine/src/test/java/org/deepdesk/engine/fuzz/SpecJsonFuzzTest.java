package org.deepdesk.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.SpecJson;
import org.deepdesk.engine.train.MemoryCheck;

/**
 * Feeds arbitrary text to {@link SpecJson#read}, then runs shape inference and the memory
 * estimate on whatever it accepts, the path a hand-edited network file takes before anything is
 * built. A stack that shape inference accepts must have positive sizes everywhere.
 * Seed: {@code network-v1.json}.
 */
class SpecJsonFuzzTest {

    private static final String SOURCE = "fuzz.json";

    @FuzzTest(maxDuration = "60s")
    void readNetwork(byte[] content) {
        NetworkDocument document;
        try {
            document = SpecJson.read(new String(content, StandardCharsets.UTF_8), SOURCE);
        } catch (EngineException expected) {
            FuzzFiles.check(expected.userMessage().arguments().contains(SOURCE), "the message does not name the file");
            return;
        }

        NetworkSummary summary = ShapeInference.summarize(document.network(), 10);
        if (summary.isValid()) {
            for (LayerSummary layer : summary.layers()) {
                Optional<Shape> output = layer.output();
                FuzzFiles.check(output.isPresent(), "a valid stack has every output shape");
                FuzzFiles.check(hasPositiveSizes(output.get()), "layer " + (layer.index() + 1) + " has output " + output.get());
                FuzzFiles.check(layer.parameters() >= 0, "layer " + (layer.index() + 1) + " has negative parameters");
            }
        }
        MemoryCheck.estimate(document.network(), document.training(), 10);
    }

    private static boolean hasPositiveSizes(Shape shape) {
        if (shape instanceof ImageShape image) {
            return image.height() > 0 && image.width() > 0 && image.channels() > 0;
        }
        return shape.size() > 0;
    }
}
