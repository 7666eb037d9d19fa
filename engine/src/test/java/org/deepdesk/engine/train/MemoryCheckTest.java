package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.Test;

class MemoryCheckTest {

    private static final long GIGABYTE = 1L << 30;

    /** 4096 SAME 3x3 filters on 28x28 keep 3.2 million activations per image, 12.8 MB in float32. */
    private static NetworkSpec hugeCnn() {
        return new NetworkSpec("huge CNN", ImageShape.MNIST, List.of(
                new Conv2DSpec(4096, 3, 1, Padding.SAME, Activation.RELU),
                new FlattenSpec(),
                new DenseSpec(10, Activation.SOFTMAX)));
    }

    @Test
    void softmaxRegressionFitsSmallHeap() {
        TrainingSettings settings = TrainingSettings.defaults();

        Optional<Message> warning = MemoryCheck.check(TrainerTest.softmaxRegression(), settings, 10, 256L << 20);

        assertThat(warning).isEmpty();
    }

    @Test
    void hugeCnnGetsWarning() {
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(256);

        Optional<Message> warning = MemoryCheck.check(hugeCnn(), settings, 10, 4 * GIGABYTE);

        assertThat(warning).isPresent();
        assertThat(warning.get().key()).isEqualTo("warning.train.memory");
        assertThat(warning.get().arguments().get(0)).isEqualTo("huge CNN");
        assertThat(warning.get().english()).contains("batches of 256");
        assertThat(warning.get().format(Locale.SIMPLIFIED_CHINESE)).contains("huge CNN");
    }

    @Test
    void smallerBatchRemovesWarning() {
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(8);

        Optional<Message> warning = MemoryCheck.check(hugeCnn(), settings, 10, 4 * GIGABYTE);

        assertThat(warning).isEmpty();
    }

    @Test
    void estimateCountsActivationsPerBatch() {
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(10);

        MemoryEstimate estimate = MemoryCheck.estimate(TrainerTest.softmaxRegression(), settings, 10).orElseThrow();

        // Per image: 784 input values, 784 after Flatten and 10 outputs, kept forward and backward.
        assertThat(estimate.activationBytes()).isEqualTo((784 + 784 + 10) * 4.0 * 10 * 2);
    }

    @Test
    void estimateCountsOptimizerState() {
        TrainingSettings adam = TrainingSettings.defaults().withOptimizer(Optimizer.ADAM);
        TrainingSettings sgd = adam.withOptimizer(Optimizer.SGD).withMomentum(0);

        MemoryEstimate withAdam = MemoryCheck.estimate(TrainerTest.softmaxRegression(), adam, 10).orElseThrow();
        MemoryEstimate withSgd = MemoryCheck.estimate(TrainerTest.softmaxRegression(), sgd, 10).orElseThrow();

        assertThat(withAdam.parameterBytes()).isEqualTo(7850 * 4.0 * 4);
        assertThat(withSgd.parameterBytes()).isEqualTo(7850 * 4.0 * 2);
    }

    @Test
    void invalidStackHasNoEstimate() {
        NetworkSpec noFlatten = new NetworkSpec("no flatten", ImageShape.MNIST, List.of(new DenseSpec(10, Activation.SOFTMAX)));

        assertThat(MemoryCheck.estimate(noFlatten, TrainingSettings.defaults(), 10)).isEmpty();
        assertThat(MemoryCheck.check(noFlatten, TrainingSettings.defaults(), 10)).isEmpty();
    }

    @Test
    void hugeDenseGetsWarning() {
        // Ten billion inputs to 1000 units: 10^13 weights, far beyond any heap.
        NetworkSpec wide = new NetworkSpec("wide", new ImageShape(100_000, 100_000, 1), List.of(
                new FlattenSpec(), new DenseSpec(1000, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX)));

        Optional<Message> warning = MemoryCheck.check(wide, TrainingSettings.defaults(), 10, 4 * GIGABYTE);

        assertThat(warning).isPresent();
    }
}
