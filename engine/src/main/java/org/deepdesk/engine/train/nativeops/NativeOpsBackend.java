package org.deepdesk.engine.train.nativeops;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepdesk.engine.inspect.ConvFilters;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.LayerWeights;
import org.deepdesk.engine.train.NetworkBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link NetworkBackend} whose forward and backward passes are ND4J native ops called directly,
 * without Deeplearning4j's layers. See the package description for how it is laid out.
 */
public final class NativeOpsBackend implements NetworkBackend {

    /** The first four bytes of a weights file, "DDNW". */
    static final int MAGIC = 0x44444E57;
    static final int FORMAT_VERSION = 1;
    /** Plans kept per mode; a run uses two batch sizes at most (full and last batch). */
    private static final int PLANS_KEPT = 3;

    private final CompiledNetwork network;
    private final DropoutRandom dropoutRandom;
    private final Map<Integer, Plan> trainingPlans = plans();
    private final Map<Integer, Plan> predictionPlans = plans();
    private Updater updater;
    private INDArray weightMask;
    private INDArray decayScratch;
    private TrainingSettings settings;

    static {
        // Before the first native op starts the OpenMP workers, which would make their own arenas.
        MallocTuning.apply();
    }

    private NativeOpsBackend(CompiledNetwork network, TrainingSettings settings) {
        this.network = network;
        this.settings = settings;
        this.dropoutRandom = new DropoutRandom(settings.seed());
        this.updater = new Updater(settings, network.parameterCount(), network.dataType);
    }

    /** Creates a network with fresh weights drawn from the settings' seed. */
    public static NativeOpsBackend create(NetworkSpec spec, TrainingSettings settings, int classCount) {
        return create(spec, settings, classCount, DataType.FLOAT);
    }

    /** As {@link #create(NetworkSpec, TrainingSettings, int)}, in double precision for gradient checks. */
    static NativeOpsBackend create(NetworkSpec spec, TrainingSettings settings, int classCount, DataType dataType) {
        CompiledNetwork network = CompiledNetwork.compile(spec, classCount, dataType);
        network.initialize(settings.seed());
        return new NativeOpsBackend(network, settings);
    }

    /** Reads weights that {@link #writeWeights} wrote for the same spec. */
    public static NativeOpsBackend read(InputStream input, NetworkSpec spec, TrainingSettings settings, int classCount)
            throws IOException {
        CompiledNetwork network = CompiledNetwork.compile(spec, classCount, DataType.FLOAT);
        NativeOpsBackend backend = new NativeOpsBackend(network, settings);
        backend.load(input);
        return backend;
    }

    @Override
    public void restoreWeights(byte[] weights) throws IOException {
        load(new ByteArrayInputStream(weights));
    }

    /**
     * Reads weights, state and optimizer state into this network's arrays in place, so the
     * compiled plans keep pointing at them. The saved optimizer state is kept only when it fits
     * the current settings.
     */
    private void load(InputStream input) throws IOException {
        DataInputStream data = new DataInputStream(input);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a DeepDesk native-ops weights file");
        }
        int version = data.readInt();
        if (version > FORMAT_VERSION) {
            throw new IOException("weights format " + version + " is newer than " + FORMAT_VERSION);
        }
        String signature = data.readUTF();
        if (!signature.equals(network.signature())) {
            throw new IOException("the weights belong to another network: " + signature);
        }
        readArray(data, network.parameters, network.parameterCount());
        readArray(data, network.state, network.stateCount());
        Optimizer optimizer = Optimizer.valueOf(data.readUTF());
        double momentum = data.readDouble();
        boolean nesterov = data.readBoolean();
        long iteration = data.readLong();
        TrainingSettings savedSettings = settings.withOptimizer(optimizer).withMomentum(momentum).withNesterov(nesterov);
        Updater saved = new Updater(savedSettings, network.parameterCount(), network.dataType);
        for (INDArray array : saved.stateArrays()) {
            readArray(data, array, array.length());
        }
        saved.iteration = iteration;
        if (saved.compatibleWith(settings)) {
            saved.learningRate = updater.learningRate;
            updater = saved;
        }
    }


    @Override
    public Backend kind() {
        return Backend.NATIVE;
    }

    @Override
    public void releaseFreeMemory() {
        MallocTuning.trim();
    }

    @Override
    public void loadWeights(NetworkSpec spec, List<LayerWeights> weights) {
        WeightImport.load(network, weights);
    }

    @Override
    public BatchResult trainBatch(float[] features, int[] labels, int count) {
        Plan plan = plan(trainingPlans, count, true);
        plan.load(features);
        plan.forward();
        double[] gradient = plan.logits();
        LossResult loss = softmaxCrossEntropy(gradient, labels, count, network.classCount, true);
        plan.setLogitGradient(gradient);
        plan.backward();
        double penalty = addWeightDecay();
        updater.apply(network.parameters, network.gradients);
        return new BatchResult(loss.loss() + penalty, loss.correct());
    }

    @Override
    public float[] predict(float[] features, int count) {
        Plan plan = plan(predictionPlans, count, false);
        plan.load(features);
        plan.forward();
        double[] logits = plan.logits();
        int classes = network.classCount;
        float[] probabilities = new float[count * classes];
        for (int n = 0; n < count; n++) {
            int base = n * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[base + k] - max);
            }
            for (int k = 0; k < classes; k++) {
                probabilities[base + k] = (float) (Math.exp(logits[base + k] - max) / sum);
            }
        }
        return probabilities;
    }

    @Override
    public int classCount() {
        return network.classCount;
    }

    @Override
    public void applySettings(TrainingSettings newSettings) {
        if (updater.compatibleWith(newSettings)) {
            updater.learningRate = newSettings.learningRate();
        } else {
            updater = new Updater(newSettings, network.parameterCount(), network.dataType);
        }
        settings = newSettings;
    }

    @Override
    public void setLearningRate(double learningRate) {
        updater.learningRate = learningRate;
    }

    /**
     * Adds the L2 term to the kernel gradients and returns its share of the loss,
     * {@code decay / 2 * sum(W^2)}, which Deeplearning4j's score includes too.
     */
    double addWeightDecay() {
        double decay = settings.weightDecay();
        if (decay <= 0) {
            return 0;
        }
        if (weightMask == null) {
            weightMask = network.weightMask();
            decayScratch = Nd4j.create(network.dataType, network.parameters.length());
        }
        decayScratch.assign(network.parameters).muli(weightMask);
        double squares = decayScratch.norm2Number().doubleValue();
        network.gradients.addi(decayScratch.muli(decay));
        return 0.5 * decay * squares * squares;
    }

    @Override
    public void writeWeights(OutputStream output) throws IOException {
        DataOutputStream data = new DataOutputStream(output);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeUTF(network.signature());
        writeArray(data, network.parameters, network.parameterCount());
        writeArray(data, network.state, network.stateCount());
        data.writeUTF(updater.optimizer.name());
        data.writeDouble(updater.momentum);
        data.writeBoolean(updater.nesterov);
        data.writeLong(updater.iteration);
        for (INDArray array : updater.stateArrays()) {
            writeArray(data, array, array.length());
        }
        data.flush();
    }

    @Override
    public List<LayerOutput> layerOutputs(NetworkSpec spec, float[] image) {
        Plan plan = plan(predictionPlans, 1, false);
        plan.load(image);
        plan.forward();
        List<LayerOutput> outputs = new ArrayList<>();
        List<LayerSummary> summaries = ShapeInference.summarize(spec, network.classCount).layers();
        float[] previous = image;
        for (int index = 0; index < network.layers.size(); index++) {
            Layer layer = network.layers.get(index);
            float[] values;
            if (layer instanceof FlattenLayer) {
                // As the Deeplearning4j backend: Flatten shows the previous output, flat.
                values = previous;
            } else {
                values = plan.layerOutput(index).dup('c').reshape(plan.layerOutput(index).length()).toFloatVector();
                if (layer instanceof ConvLayer conv && spec.layers().get(index) instanceof Conv2DSpec user
                        && conv.activation() != user.activation()) {
                    // The ReLU was moved behind the max-pooling; show the values the user's stack means.
                    for (int i = 0; i < values.length; i++) {
                        values[i] = Math.max(0f, values[i]);
                    }
                }
                if (layer instanceof DenseLayer dense && dense.isOutputLayer()) {
                    values = softmax(values);
                }
                if (layer.outputShape.length == 3) {
                    values = toChannelsFirst(values, layer.outputShape);
                }
            }
            outputs.add(new LayerOutput(index, summaries.get(index).output().orElse(null), values));
            previous = values;
        }
        return outputs;
    }

    @Override
    public List<ConvFilters> convFilters(NetworkSpec spec) {
        List<ConvFilters> filters = new ArrayList<>();
        for (int index = 0; index < network.layers.size(); index++) {
            if (network.layers.get(index) instanceof ConvLayer conv) {
                INDArray weights = conv.weights.reshape('c', conv.weightShapeCanonical());
                // [kH, kW, in, out] to (filter, input channel, row, column).
                float[] values = weights.permute(3, 2, 0, 1).dup('c').reshape(weights.length()).toFloatVector();
                filters.add(new ConvFilters(index, (int) weights.size(3), (int) weights.size(2), (int) weights.size(0), values));
            }
        }
        return filters;
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (float value : logits) {
            sum += Math.exp(value - max);
        }
        float[] probabilities = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = (float) (Math.exp(logits[i] - max) / sum);
        }
        return probabilities;
    }

    /** (H, W, C) values to (C, H, W), the order of the inspection views. */
    private static float[] toChannelsFirst(float[] values, long[] shape) {
        int height = (int) shape[0];
        int width = (int) shape[1];
        int channels = (int) shape[2];
        float[] result = new float[values.length];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < height * width; p++) {
                result[c * height * width + p] = values[p * channels + c];
            }
        }
        return result;
    }

    /** The number of trained parameters. */
    public long parameterCount() {
        return network.parameterCount();
    }

    // ---- package-private access for gradient checks and parity tests ----

    CompiledNetwork network() {
        return network;
    }

    Updater updater() {
        return updater;
    }

    DropoutRandom dropoutRandom() {
        return dropoutRandom;
    }

    /** Runs a training forward and backward pass without updating; leaves the gradients in place. */
    double computeGradients(float[] features, int[] labels, int count) {
        Plan plan = plan(trainingPlans, count, true);
        plan.load(features);
        plan.forward();
        double[] gradient = plan.logits();
        LossResult loss = softmaxCrossEntropy(gradient, labels, count, network.classCount, true);
        plan.setLogitGradient(gradient);
        plan.backward();
        return loss.loss();
    }

    /** The training-mode loss of a batch, without backward pass or update. */
    double trainingLoss(float[] features, int[] labels, int count) {
        Plan plan = plan(trainingPlans, count, true);
        plan.load(features);
        plan.forward();
        return softmaxCrossEntropy(plan.logits(), labels, count, network.classCount, false).loss();
    }

    /** Runs the training forward pass and returns the plan, to read layer outputs. */
    Plan trainingForward(float[] features, int count) {
        Plan plan = plan(trainingPlans, count, true);
        plan.load(features);
        plan.forward();
        return plan;
    }

    /** The L2 share of the loss for the current weights, {@code decay / 2 * sum(W^2)}. */
    double weightDecayPenalty() {
        double decay = settings.weightDecay();
        if (decay <= 0) {
            return 0;
        }
        double norm = network.parameters.mul(network.weightMask()).norm2Number().doubleValue();
        return 0.5 * decay * norm * norm;
    }

    /** Applies one optimizer step to the gradients left by {@link #computeGradients}. */
    void applyUpdate() {
        updater.apply(network.parameters, network.gradients);
    }

    record LossResult(double loss, int correct) {
    }

    /**
     * Mean softmax cross-entropy of logits; when {@code gradient} is set, overwrites the logits
     * with dLoss/dLogits = (softmax - one-hot) / count. (ND4J's fused loss op prints its labels
     * on every call, so this small part runs in Java.)
     */
    static LossResult softmaxCrossEntropy(double[] logits, int[] labels, int count, int classes, boolean gradient) {
        double lossSum = 0;
        int correct = 0;
        for (int n = 0; n < count; n++) {
            int base = n * classes;
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int k = 0; k < classes; k++) {
                if (logits[base + k] > max) {
                    max = logits[base + k];
                    best = k;
                }
            }
            if (best == labels[n]) {
                correct++;
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[base + k] - max);
            }
            double logSum = Math.log(sum) + max;
            lossSum += logSum - logits[base + labels[n]];
            if (gradient) {
                for (int k = 0; k < classes; k++) {
                    double p = Math.exp(logits[base + k] - logSum);
                    logits[base + k] = (p - (k == labels[n] ? 1 : 0)) / count;
                }
            }
        }
        return new LossResult(lossSum / count, correct);
    }

    private Plan plan(Map<Integer, Plan> plans, int count, boolean training) {
        Plan plan = plans.get(count);
        if (plan == null) {
            plan = new Plan(network, count, training, dropoutRandom);
            plans.put(count, plan);
        }
        return plan;
    }

    private static Map<Integer, Plan> plans() {
        return new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Plan> eldest) {
                if (size() > PLANS_KEPT) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    /** Frees the native op contexts of all plans; the backend stays usable and rebuilds them. */
    void releasePlans() {
        for (Map<Integer, Plan> plans : java.util.List.of(trainingPlans, predictionPlans)) {
            for (Iterator<Plan> it = plans.values().iterator(); it.hasNext();) {
                it.next().close();
                it.remove();
            }
        }
    }

    private static void writeArray(DataOutputStream data, INDArray array, long count) throws IOException {
        float[] values = array.castTo(DataType.FLOAT).reshape(array.length()).toFloatVector();
        data.writeLong(count);
        ByteBuffer bytes = ByteBuffer.allocate((int) count * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < count; i++) {
            bytes.putFloat(values[i]);
        }
        data.write(bytes.array());
    }

    private static void readArray(DataInputStream data, INDArray target, long expected) throws IOException {
        long count = data.readLong();
        if (count != expected) {
            throw new IOException("expected " + expected + " values, found " + count);
        }
        byte[] raw = new byte[(int) count * Float.BYTES];
        data.readFully(raw);
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
        float[] values = new float[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = bytes.getFloat();
        }
        if (count > 0) {
            target.reshape(target.length()).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, count))
                    .assign(Nd4j.createFromArray(values).castTo(target.dataType()));
        }
    }
}
