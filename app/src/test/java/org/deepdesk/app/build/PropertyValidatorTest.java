package org.deepdesk.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.VectorShape;
import org.deepdesk.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PropertyValidatorTest {

    private static final Optional<Shape> MNIST = Optional.of(ImageShape.MNIST);
    private static final Optional<Shape> SMALL = Optional.of(new ImageShape(5, 5, 64));
    private static final Conv2DSpec CONV = Conv2DSpec.relu(32, 3);

    /** A rejected value, with its key and the text it must read in English and Chinese. */
    record Rejected(String label, LayerSpec layer, String property, Object value, Optional<Shape> input,
            String key, String english, String chinese) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** An accepted value and the layer it gives. */
    record Accepted(String label, LayerSpec layer, String property, Object value, Optional<Shape> input,
            LayerSpec expected) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Rejected> rejected() {
        return Stream.of(
                new Rejected("zero filters", CONV, "filters", "0", MNIST, "validation.filters.min",
                        "A convolution needs at least 1 filter.", "卷积层至少需要 1 个滤波器。"),
                new Rejected("negative units", new DenseSpec(64, Activation.RELU), "units", "-3", MNIST,
                        "validation.units.min", "A Dense layer needs at least 1 unit.", "全连接层至少需要 1 个单元。"),
                new Rejected("zero kernel", CONV, "kernel", "0", MNIST, "validation.kernel.min",
                        "The kernel size must be at least 1.", "卷积核大小至少为 1。"),
                new Rejected("zero pool size", MaxPool2DSpec.of(2), "size", "0", MNIST, "validation.size.min",
                        "The window size must be at least 1.", "窗口大小至少为 1。"),
                new Rejected("zero stride", CONV, "stride", "0", MNIST, "validation.stride.min",
                        "The stride must be at least 1.", "步长至少为 1。"),
                new Rejected("kernel over input", CONV, "kernel", "6", SMALL, "validation.kernel.tooLarge",
                        "A 6x6 kernel does not fit the 5x5x64 input. Use at most 5, or SAME padding.",
                        "6x6 的卷积核放不进 5x5x64 的输入。请使用不超过 5 的大小，或改用 SAME 填充。"),
                new Rejected("window over input", AvgPool2DSpec.of(2), "size", "7", SMALL, "validation.size.tooLarge",
                        "A 7x7 window does not fit the 5x5x64 input. Use at most 5.",
                        "7x7 的窗口放不进 5x5x64 的输入。请使用不超过 5 的大小。"),
                new Rejected("negative dropout", new DropoutSpec(0.25), "rate", "-0.1", MNIST, "validation.rate.range",
                        "The rate must be from 0 up to, but not including, 1, for example 0.25.",
                        "比率必须在 0 到 1 之间（不含 1），例如 0.25。"),
                new Rejected("dropout of one", new DropoutSpec(0.25), "rate", "1", MNIST, "validation.rate.range",
                        "The rate must be from 0 up to, but not including, 1, for example 0.25.",
                        "比率必须在 0 到 1 之间（不含 1），例如 0.25。"),
                new Rejected("filters not a number", CONV, "filters", "many", MNIST, "validation.wholeNumber",
                        "\"many\" is not a whole number. Enter a number such as 32.", "“many”不是整数。请输入像 32 这样的数。"),
                new Rejected("fractional filters", CONV, "filters", "2.5", MNIST, "validation.wholeNumber",
                        "\"2.5\" is not a whole number. Enter a number such as 32.", "“2.5”不是整数。请输入像 32 这样的数。"),
                new Rejected("rate not a number", new DropoutSpec(0.25), "rate", "half", MNIST, "validation.number",
                        "\"half\" is not a number. Enter a value such as 0.25.", "“half”不是数字。请输入像 0.25 这样的值。"));
    }

    static Stream<Accepted> accepted() {
        return Stream.of(
                new Accepted("filters", CONV, "filters", "64", MNIST, Conv2DSpec.relu(64, 3)),
                new Accepted("kernel equals input", CONV, "kernel", "5", SMALL, Conv2DSpec.relu(32, 5)),
                new Accepted("large kernel with same", new Conv2DSpec(8, 3, 1, Padding.SAME, Activation.RELU),
                        "kernel", "9", SMALL, new Conv2DSpec(8, 9, 1, Padding.SAME, Activation.RELU)),
                new Accepted("kernel after failing layer", CONV, "kernel", "40", Optional.empty(), Conv2DSpec.relu(32, 40)),
                new Accepted("zero dropout", new DropoutSpec(0.25), "rate", "0", MNIST, new DropoutSpec(0)),
                new Accepted("units on vector", new DenseSpec(64, Activation.RELU), "units", "10",
                        Optional.of(new VectorShape(100)), new DenseSpec(10, Activation.RELU)),
                new Accepted("activation choice", CONV, "activation", Activation.TANH, MNIST,
                        new Conv2DSpec(32, 3, 1, Padding.VALID, Activation.TANH)));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectedValueKey(Rejected rejected) {
        PropertyValidator.Result result = check(rejected.layer(), rejected.property(), rejected.value(), rejected.input());

        assertThat(result.isAccepted()).isFalse();
        assertThat(result.layer()).isNull();
        assertThat(result.error().key()).isEqualTo(rejected.key());
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectedValueEnglishText(Rejected rejected) {
        PropertyValidator.Result result = check(rejected.layer(), rejected.property(), rejected.value(), rejected.input());

        assertThat(Messages.forLocale(Locale.ENGLISH).format(result.error())).isEqualTo(rejected.english());
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectedValueChineseText(Rejected rejected) {
        PropertyValidator.Result result = check(rejected.layer(), rejected.property(), rejected.value(), rejected.input());

        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).format(result.error())).isEqualTo(rejected.chinese());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void acceptedValueBuildsLayer(Accepted accepted) {
        PropertyValidator.Result result = check(accepted.layer(), accepted.property(), accepted.value(), accepted.input());

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.layer()).isEqualTo(accepted.expected());
    }

    private static PropertyValidator.Result check(LayerSpec layer, String property, Object value, Optional<Shape> input) {
        return PropertyValidator.check(layer, property, value, input);
    }
}
