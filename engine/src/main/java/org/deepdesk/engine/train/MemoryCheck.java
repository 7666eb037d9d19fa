package org.deepdesk.engine.train;

import java.util.Optional;
import org.deepdesk.engine.spec.CostModel;
import org.deepdesk.engine.spec.NetworkCost;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.i18n.Message;

/**
 * Warns before training when a stack is unlikely to fit in memory, so a student who asks for
 * thousands of filters gets a message instead of an {@link OutOfMemoryError} halfway through the
 * first batch.
 *
 * <p>The limit is {@link Runtime#maxMemory()}. ND4J keeps its arrays outside the Java heap, but
 * JavaCPP caps that memory at the same value unless {@code org.bytedeco.javacpp.maxBytes} is set.
 */
public final class MemoryCheck {

    /**
     * The share of the limit a training step may take. The rest holds the data set, the
     * prediction buffers and ND4J's workspaces; the share is a judgment, not a measurement.
     */
    static final double USABLE_SHARE = 0.75;

    /** Copies of each activation during training: the forward output and its gradient on the way back. */
    static final int COPIES_PER_ACTIVATION = 2;

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private MemoryCheck() {
    }

    /** Estimates the memory of one training step, or returns empty when shape inference rejects the stack. */
    public static Optional<MemoryEstimate> estimate(NetworkSpec spec, TrainingSettings settings, int classCount) {
        NetworkSummary summary = ShapeInference.summarize(spec, classCount);
        if (!summary.isValid()) {
            return Optional.empty();
        }
        NetworkCost cost = CostModel.estimate(spec, summary);

        double parameterBytes = (double) summary.totalParameters() * CostModel.BYTES_PER_VALUE * copiesPerParameter(settings);
        double valuesPerSample = (double) spec.input().height() * spec.input().width() * spec.input().channels();
        double bytesPerSample = valuesPerSample * CostModel.BYTES_PER_VALUE + cost.totalActivationBytes();
        double activationBytes = bytesPerSample * settings.batchSize() * COPIES_PER_ACTIVATION;
        return Optional.of(new MemoryEstimate(parameterBytes, activationBytes));
    }

    /** Returns a warning when a training step would not fit in this JVM's memory, or empty when it fits. */
    public static Optional<Message> check(NetworkSpec spec, TrainingSettings settings, int classCount) {
        return check(spec, settings, classCount, Runtime.getRuntime().maxMemory());
    }

    static Optional<Message> check(NetworkSpec spec, TrainingSettings settings, int classCount, long limitBytes) {
        Optional<MemoryEstimate> estimate = estimate(spec, settings, classCount);
        if (estimate.isEmpty() || estimate.get().totalBytes() <= limitBytes * USABLE_SHARE) {
            return Optional.empty();
        }
        MemoryEstimate bytes = estimate.get();
        return Optional.of(Message.of("warning.train.memory", spec.name(),
                megabytes(bytes.totalBytes()), settings.batchSize(),
                megabytes(bytes.parameterBytes()), megabytes(bytes.activationBytes()), megabytes(limitBytes * USABLE_SHARE)));
    }

    /**
     * Counts the float32 copies of each parameter: the weights and their gradient, plus one state
     * array for momentum and RMSProp and two for Adam's moment estimates.
     */
    static int copiesPerParameter(TrainingSettings settings) {
        return switch (settings.optimizer()) {
            case ADAM -> 4;
            case RMSPROP -> 3;
            case SGD -> settings.momentum() > 0 ? 3 : 2;
        };
    }

    private static long megabytes(double bytes) {
        return (long) Math.ceil(bytes / MEGABYTE);
    }
}
