package org.deepdesk.engine.interop.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.interop.keras.KerasStack.WeightSource;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.train.LayerWeights;
import org.deepdesk.i18n.Message;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the weights of a {@link KerasStack} from its archive. Keras keeps Conv2D kernels as
 * {@code [height, width, input channels, filters]}, Dense kernels as {@code [inputs, units]} and
 * flattens images in row, column, channel order, which is the layout of {@link LayerWeights}, so
 * the values are taken as they are.
 */
final class KerasWeights {

    /** The epsilon that DeepDesk's batch normalization adds to the variance. */
    private static final double DEEPDESK_EPSILON = 1e-5;

    private KerasWeights() {
    }

    /**
     * Reads every layer's weights and checks their sizes against the imported network.
     *
     * @throws EngineException naming the file and the Keras layer whose weights are missing or of another size
     */
    static List<LayerWeights> read(KerasArchive archive, KerasStack stack, NetworkSummary summary, String fileName) {
        List<LayerWeights> weights = new ArrayList<>();
        for (WeightSource source : stack.weightSources()) {
            Map<String, INDArray> arrays = archive.layerWeights(source.kerasName());
            LayerSummary layer = summary.layers().get(source.layerIndex());
            LayerWeights layerWeights = layer.layer() instanceof BatchNormSpec
                    ? normalization(source, arrays, layer, fileName)
                    : kernel(source, arrays, layer, fileName);
            weights.add(layerWeights);
        }
        return weights;
    }

    private static LayerWeights kernel(WeightSource source, Map<String, INDArray> arrays, LayerSummary layer, String fileName) {
        float[] kernel = values(arrays, "kernel", source, fileName);
        int units = (int) (layer.parameters() - kernel.length);
        float[] bias = source.useBias() ? values(arrays, "bias", source, fileName) : new float[Math.max(units, 0)];
        requireCount(kernel.length + (long) bias.length, layer.parameters(), source, fileName);
        return new LayerWeights.Kernel(source.layerIndex(), kernel, bias);
    }

    private static LayerWeights normalization(WeightSource source, Map<String, INDArray> arrays, LayerSummary layer,
                                              String fileName) {
        float[] mean = values(arrays, "moving_mean", source, fileName);
        float[] variance = values(arrays, "moving_variance", source, fileName);
        int channels = mean.length;
        float[] gamma = source.scale() ? values(arrays, "gamma", source, fileName) : filled(channels, 1f);
        float[] beta = source.center() ? values(arrays, "beta", source, fileName) : new float[channels];
        // DeepDesk counts the running statistics among the parameters, as Keras does.
        requireCount(gamma.length + (long) beta.length + mean.length + variance.length, layer.parameters(), source, fileName);
        requireCount(variance.length, channels, source, fileName);

        // Keras adds its own epsilon (0.001 by default) to the variance. Moving the difference into
        // the variance keeps sqrt(variance + epsilon), so the predictions do not change.
        float shift = (float) (source.epsilon() - DEEPDESK_EPSILON);
        float[] adjusted = new float[channels];
        for (int c = 0; c < channels; c++) {
            adjusted[c] = variance[c] + shift;
        }
        return new LayerWeights.Normalization(source.layerIndex(), gamma, beta, mean, adjusted);
    }

    private static float[] values(Map<String, INDArray> arrays, String name, WeightSource source, String fileName) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new EngineException(Message.of("error.keras.missingWeights", fileName, source.kerasName()));
        }
        return array.dup('c').ravel().toFloatVector();
    }

    private static void requireCount(long count, long expected, WeightSource source, String fileName) {
        if (count != expected) {
            throw new EngineException(Message.of("error.keras.weightsMismatch", fileName, source.kerasName(), count, expected));
        }
    }

    private static float[] filled(int size, float value) {
        float[] values = new float[size];
        Arrays.fill(values, value);
        return values;
    }
}
