package org.deepdesk.engine.train;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.inspect.ConvFilters;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link NetworkBackend} on Deeplearning4j's {@link MultiLayerNetwork}. */
final class Dl4jBackend implements NetworkBackend {

    private final NetworkSpec spec;
    private final int sampleSize;
    private final int classCount;
    private MultiLayerNetwork network;
    private TrainingSettings settings;

    private Dl4jBackend(NetworkSpec spec, TrainingSettings settings, MultiLayerNetwork network, int classCount) {
        this.spec = spec;
        this.settings = settings;
        this.network = network;
        this.sampleSize = (int) spec.input().size();
        this.classCount = classCount;
    }

    static Dl4jBackend create(NetworkSpec spec, TrainingSettings settings, int classCount) {
        MultiLayerNetwork network = new MultiLayerNetwork(Dl4jNetworkBuilder.configuration(spec, settings));
        network.init();
        return new Dl4jBackend(spec, settings, network, classCount);
    }

    static Dl4jBackend read(InputStream input, NetworkSpec spec, TrainingSettings settings, int classCount)
            throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(input, true);
        return new Dl4jBackend(spec, settings, network, classCount);
    }

    @Override
    public void applySettings(TrainingSettings newSettings) {
        if (Dl4jNetworkBuilder.needsRebuild(settings, newSettings)) {
            // A different update rule or penalty needs a fresh configuration: rebuild and keep the weights.
            MultiLayerNetwork rebuilt = new MultiLayerNetwork(Dl4jNetworkBuilder.configuration(spec, newSettings));
            rebuilt.init(network.params().dup(), false);
            network = rebuilt;
        } else if (newSettings.learningRate() != settings.learningRate()) {
            network.setLearningRate(newSettings.learningRate());
        }
        settings = newSettings;
    }

    @Override
    public void setLearningRate(double learningRate) {
        network.setLearningRate(learningRate);
    }

    @Override
    public BatchResult trainBatch(float[] features, int[] labels, int count) {
        INDArray input = Nd4j.create(features, new long[] {count, sampleSize}, 'c');
        INDArray oneHot = oneHot(labels, count);

        // Deeplearning4j does not expose the outputs of the forward pass inside fit(), so the
        // batch accuracy comes from an inference pass just before the update.
        INDArray probabilities = network.output(input, false);
        int correct = countCorrect(probabilities, labels, count);

        network.fit(new DataSet(input, oneHot));
        return new BatchResult(network.score(), correct);
    }

    @Override
    public float[] predict(float[] features, int count) {
        INDArray input = Nd4j.create(features, new long[] {count, sampleSize}, 'c');
        return network.output(input, false).ravel().toFloatVector();
    }

    @Override
    public List<LayerOutput> layerOutputs(NetworkSpec networkSpec, float[] image) {
        INDArray input = Nd4j.create(image, new long[] {1, sampleSize}, 'c');
        // feedForward returns the input first, then one activation per Deeplearning4j layer.
        List<INDArray> activations = network.feedForward(input, false);
        List<Shape> shapes = outputShapes(networkSpec);
        List<LayerSpec> layers = networkSpec.layers();
        List<LayerOutput> outputs = new ArrayList<>();

        int dl4jLayer = 0;
        float[] previous = image;
        for (int index = 0; index < layers.size(); index++) {
            float[] values;
            if (layers.get(index) instanceof FlattenSpec) {
                values = previous;
            } else {
                dl4jLayer++;
                values = activations.get(dl4jLayer).ravel().toFloatVector();
            }
            outputs.add(new LayerOutput(index, shapes.get(index), values));
            previous = values;
        }
        return outputs;
    }

    @Override
    public List<ConvFilters> convFilters(NetworkSpec networkSpec) {
        List<ConvFilters> filters = new ArrayList<>();
        List<LayerSpec> layers = networkSpec.layers();
        int dl4jLayer = 0;
        for (int index = 0; index < layers.size(); index++) {
            LayerSpec layer = layers.get(index);
            if (layer instanceof FlattenSpec) {
                continue;
            }
            if (layer instanceof Conv2DSpec conv) {
                // Deeplearning4j keeps convolution weights as (out, in, kernel height, kernel width).
                INDArray weights = network.getLayer(dl4jLayer).getParam("W");
                int inputChannels = (int) weights.size(1);
                filters.add(new ConvFilters(index, conv.filters(), inputChannels, conv.kernel(), weights.ravel().toFloatVector()));
            }
            dl4jLayer++;
        }
        return filters;
    }

    private List<Shape> outputShapes(NetworkSpec networkSpec) {
        List<Shape> shapes = new ArrayList<>();
        for (LayerSummary summary : ShapeInference.summarize(networkSpec, classCount).layers()) {
            shapes.add(summary.output().orElse(null));
        }
        return shapes;
    }

    @Override
    public Backend kind() {
        return Backend.DL4J;
    }

    @Override
    public void loadWeights(NetworkSpec networkSpec, List<LayerWeights> weights) {
        Dl4jWeightImport.load(network, networkSpec, classCount, weights);
    }

    /** The Deeplearning4j network, for parity tests. */
    MultiLayerNetwork network() {
        return network;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public void writeWeights(OutputStream output) throws IOException {
        ModelSerializer.writeModel(network, output, true);
    }

    @Override
    public void restoreWeights(byte[] weights) throws IOException {
        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(weights), true);
        if (saved.numParams() != network.numParams()) {
            throw new IOException("the weights belong to another network: " + saved.numParams()
                    + " parameters, expected " + network.numParams());
        }
        // Copied into the current network, so its configuration (optimizer, learning rate) stays.
        network.setParams(saved.params());
        INDArray savedState = saved.getUpdater().getStateViewArray();
        INDArray state = network.getUpdater().getStateViewArray();
        if (savedState != null && state != null && savedState.length() == state.length()) {
            state.assign(savedState);
        }
    }

    long parameterCount() {
        return network.numParams();
    }

    private INDArray oneHot(int[] labels, int count) {
        float[] values = new float[count * classCount];
        for (int i = 0; i < count; i++) {
            values[i * classCount + labels[i]] = 1f;
        }
        return Nd4j.create(values, new long[] {count, classCount}, 'c');
    }

    private int countCorrect(INDArray probabilities, int[] labels, int count) {
        int[] predicted = probabilities.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
