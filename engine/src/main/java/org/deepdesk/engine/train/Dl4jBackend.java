package org.deepdesk.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        if (newSettings.optimizer() != settings.optimizer() || newSettings.momentum() != settings.momentum()) {
            // A different update rule needs a fresh optimizer state: rebuild and keep the weights.
            MultiLayerNetwork rebuilt = new MultiLayerNetwork(Dl4jNetworkBuilder.configuration(spec, newSettings));
            rebuilt.init(network.params().dup(), false);
            network = rebuilt;
        } else if (newSettings.learningRate() != settings.learningRate()) {
            network.setLearningRate(newSettings.learningRate());
        }
        settings = newSettings;
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
    public int classCount() {
        return classCount;
    }

    @Override
    public void writeWeights(OutputStream output) throws IOException {
        ModelSerializer.writeModel(network, output, true);
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
