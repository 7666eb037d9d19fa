package org.deepdesk.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.junit.jupiter.api.Test;

class BuildViewModelTest {

    private final BuildViewModel model = new BuildViewModel();

    @Test
    void opensWithReferenceCnn() {
        assertThat(model.selectedPresetProperty().get()).isEqualTo("reference-cnn");
        assertThat(model.summaryProperty().get().totalParameters()).isEqualTo(93_322);
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void addInsertsAfterSelection() {
        model.selectedIndexProperty().set(0);

        model.add(LayerKind.DROPOUT);

        assertThat(model.spec().layers().get(1)).isInstanceOf(DropoutSpec.class);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(1);
        assertThat(model.spec().layers()).hasSize(9);
    }

    @Test
    void addWithoutSelectionGoesBeforeOutput() {
        model.add(LayerKind.DENSE);

        assertThat(model.spec().layers()).hasSize(9);
        assertThat(model.spec().layers().get(7)).isEqualTo(new DenseSpec(64, org.deepdesk.engine.spec.Activation.RELU));
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void denseBeforeFlattenIsFlagged() {
        model.selectedIndexProperty().set(0);

        model.add(LayerKind.DENSE);

        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.summaryProperty().get().layers().get(1).problem().orElseThrow().key())
                .isEqualTo("problem.dense.needsFlatten");
    }

    @Test
    void moveAndRemoveKeepSelection() {
        model.selectedIndexProperty().set(5);

        model.moveSelected(-1);

        assertThat(model.spec().layers().get(4)).isInstanceOf(FlattenSpec.class);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(4);

        model.removeSelected();

        assertThat(model.spec().layers()).hasSize(7);
        assertThat(model.spec().layers().get(4)).isInstanceOf(Conv2DSpec.class);
    }

    @Test
    void replaceUpdatesSummary() {
        model.replace(0, new Conv2DSpec(16, 3, 1, org.deepdesk.engine.spec.Padding.VALID, org.deepdesk.engine.spec.Activation.RELU));

        assertThat(model.summaryProperty().get().layers().get(0).parameters()).isEqualTo(160);
    }

    @Test
    void presetChangeReplacesStack() {
        model.selectedPresetProperty().set("softmax-regression");

        assertThat(model.spec().layers()).hasSize(2);
        assertThat(model.summaryProperty().get().totalParameters()).isEqualTo(7_850);
    }
}
