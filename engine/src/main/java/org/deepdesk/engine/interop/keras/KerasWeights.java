package org.deepdesk.engine.interop.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.interop.keras.KerasArchive.StoredWeight;
import org.deepdesk.engine.interop.keras.KerasStack.WeightSource;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.train.LayerWeights;
import org.deepdesk.i18n.Message;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the weights of a {@link KerasStack} from its archive. Keras keeps Conv2D kernels as
 * {@code [height, width, input channels, filters]}, Dense kernels as {@code [inputs, units]} and
 * flattens images in row, column, channel order, which is the layout of {@link LayerWeights}, so
 * the values are taken as they are.
 *
 * <p>Each array's shape is checked before it is read: a kernel saved transposed has the right
 * number of values but would predict garbage.
 */
final class KerasWeights {

    /** The epsilon that DeepDesk's batch normalization adds to the variance. */
    private static final double DEEPDESK_EPSILON = 1e-5;

    private KerasWeights() {
    }

    /**
     * Reads every layer's weights after checking their shapes against the imported network.
     *
     * @throws EngineException naming the file and the Keras layer whose weights are missing, of
     *     another shape, or not finite
     */
    static List<LayerWeights> read(KerasArchive archive, KerasStack stack, NetworkSummary summary, String fileName) {
        List<LayerWeights> weights = new ArrayList<>();
        for (WeightSource source : stack.weightSources()) {
            Map<String, StoredWeight> stored = archive.layerWeights(source.kerasName());
            LayerSummary layer = summary.layers().get(source.layerIndex());
            Shape input = source.layerIndex() == 0
                    ? stack.input()
                    : summary.layers().get(source.layerIndex() - 1).output().orElseThrow();
            Reader reader = new Reader(archive, stored, source, fileName);
            LayerWeights layerWeights = layer.layer() instanceof BatchNormSpec
                    ? normalization(reader, input)
                    : kernel(reader, layer, input);
            weights.add(layerWeights);
        }
        return weights;
    }

    private static LayerWeights kernel(Reader reader, LayerSummary layer, Shape input) {
        long[] kernelShape;
        int units;
        if (layer.layer() instanceof Conv2DSpec conv) {
            int channels = ((ImageShape) input).channels();
            kernelShape = new long[] {conv.kernel(), conv.kernel(), channels, conv.filters()};
            units = conv.filters();
        } else {
            units = ((DenseSpec) layer.layer()).units();
            kernelShape = new long[] {input.size(), units};
        }
        float[] kernel = reader.values("kernel", kernelShape);
        float[] bias = reader.source.useBias() ? reader.values("bias", units) : new float[units];
        return new LayerWeights.Kernel(reader.source.layerIndex(), kernel, bias);
    }

    private static LayerWeights normalization(Reader reader, Shape input) {
        long channels = input instanceof ImageShape image ? image.channels() : input.size();
        float[] mean = reader.values("moving_mean", channels);
        float[] variance = reader.values("moving_variance", channels);
        float[] gamma = reader.source.scale() ? reader.values("gamma", channels) : filled((int) channels, 1f);
        float[] beta = reader.source.center() ? reader.values("beta", channels) : new float[(int) channels];
        WeightSource source = reader.source;

        // Keras adds its own epsilon (0.001 by default) to the variance. Moving the difference into
        // the variance keeps sqrt(variance + epsilon), so the predictions do not change.
        float shift = (float) (source.epsilon() - DEEPDESK_EPSILON);
        float[] adjusted = new float[(int) channels];
        for (int c = 0; c < channels; c++) {
            adjusted[c] = variance[c] + shift;
        }
        return new LayerWeights.Normalization(source.layerIndex(), gamma, beta, mean, adjusted);
    }

    /** Reads the named weights of one Keras layer. */
    private record Reader(KerasArchive archive, Map<String, StoredWeight> stored, WeightSource source, String fileName) {

        /** Returns the values of a weight array in row-major order, after checking that its shape is {@code expected}. */
        float[] values(String name, long... expected) {
            StoredWeight weight = stored.get(name);
            if (weight == null) {
                throw new EngineException(Message.of("error.keras.missingWeights", fileName, source.kerasName()));
            }
            if (!Arrays.equals(weight.shape(), expected) || weight.valueCount() > KerasArchive.MAX_WEIGHT_VALUES) {
                throw new EngineException(Message.of("error.keras.weightsShape", fileName, source.kerasName(), name,
                        Arrays.toString(weight.shape()), Arrays.toString(expected)));
            }

            float[] values = archive.read(weight).dup('c').ravel().toFloatVector();
            for (float value : values) {
                if (!Float.isFinite(value)) {
                    throw new EngineException(Message.of("error.keras.weightsNotFinite", fileName, source.kerasName(), name));
                }
            }
            return values;
        }
    }

    private static float[] filled(int size, float value) {
        float[] values = new float[size];
        Arrays.fill(values, value);
        return values;
    }
}
