package org.deepdesk.engine.train;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classical (Polyak) momentum, the rule of Keras {@code SGD(momentum=m, nesterov=False)}:
 * {@code v = m * v + rate * gradient; weights -= v}. ND4J 1.0.0-M2.1 ships only the Nesterov
 * variant ({@code Nesterovs}), so this fills the gap.
 *
 * <p>Deeplearning4j writes updater configurations to JSON by field, with the class name, so the
 * fields stay plain and a no-argument constructor exists for reading model files.
 */
public final class ClassicalMomentum implements IUpdater {

    private double learningRate;
    private double momentum;

    /** For Deeplearning4j's JSON reader. */
    public ClassicalMomentum() {
        this(0.01, 0.9);
    }

    public ClassicalMomentum(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public long stateSize(long parameterCount) {
        return parameterCount;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    @Override
    public ClassicalMomentum clone() {
        return new ClassicalMomentum(learningRate, momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** Sets the rate; a schedule is not supported because the trainer sets the rate per epoch. */
    @Override
    public void setLrAndSchedule(double rate, ISchedule schedule) {
        this.learningRate = rate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassicalMomentum that && learningRate == that.learningRate && momentum == that.momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum);
    }

    /** The per-layer state: one velocity value per parameter. */
    private static final class Updater implements GradientUpdater<ClassicalMomentum> {

        private static final String VELOCITY = "V";

        private final ClassicalMomentum config;
        private INDArray velocity;

        Updater(ClassicalMomentum config) {
            this.config = config;
        }

        @Override
        public ClassicalMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            INDArray saved = state.get(VELOCITY);
            if (state.size() != 1 || saved == null) {
                throw new IllegalStateException("classical momentum expects one state array named " + VELOCITY + ", got " + state.keySet());
            }
            velocity = saved;
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(VELOCITY, velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            // The velocity must stay a view, because Deeplearning4j saves the whole updater state array.
            velocity = viewArray.reshape(gradientOrder, gradientShape);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            // Deeplearning4j subtracts the returned gradient from the weights, so it becomes the velocity.
            gradient.muli(config.getLearningRate(iteration, epoch));
            velocity.muli(config.momentum).addi(gradient);
            gradient.assign(velocity);
        }
    }
}
