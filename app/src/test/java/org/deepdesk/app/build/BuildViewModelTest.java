package org.deepdesk.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Padding;
import org.junit.jupiter.api.Test;

class BuildViewModelTest {

    private final BuildViewModel model = new BuildViewModel();

    @Test
    void opensWithReferenceCnn() {
        assertThat(model.selectedPresetProperty().get()).isEqualTo("reference-cnn");
        assertThat(model.summaryProperty().get().totalParameters()).isEqualTo(93_322);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.canUndoProperty().get()).isFalse();
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
        assertThat(model.spec().layers().get(7)).isEqualTo(new DenseSpec(64, Activation.RELU));
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void insertAtGapSelectsNewLayer() {
        model.insert(LayerKind.ACTIVATION, 2);

        assertThat(model.spec().layers().get(2)).isEqualTo(new ActivationSpec(Activation.RELU));
        assertThat(model.selectedIndexProperty().get()).isEqualTo(2);
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void insertClampsPosition() {
        model.insert(LayerKind.FLATTEN, 99);

        assertThat(model.spec().layers()).hasSize(9);
        assertThat(model.spec().layers().get(8)).isInstanceOf(FlattenSpec.class);
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
    void moveDownPastEnd() {
        NetworkSpec before = model.spec();
        model.selectedIndexProperty().set(7);

        model.moveSelected(1);

        assertThat(model.spec()).isSameAs(before);
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void moveToIndex() {
        model.move(1, 3);

        assertThat(model.spec().layers().get(3)).isInstanceOf(MaxPool2DSpec.class);
        assertThat(model.spec().layers().get(1)).isInstanceOf(Conv2DSpec.class);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(3);
    }

    @Test
    void duplicateCopiesBelow() {
        model.selectedIndexProperty().set(0);

        model.duplicateSelected();

        assertThat(model.spec().layers()).hasSize(9);
        assertThat(model.spec().layers().get(1)).isEqualTo(model.spec().layers().get(0));
        assertThat(model.selectedIndexProperty().get()).isEqualTo(1);
    }

    @Test
    void replaceUpdatesSummary() {
        model.replace(0, new Conv2DSpec(16, 3, 1, Padding.VALID, Activation.RELU));

        assertThat(model.summaryProperty().get().layers().get(0).parameters()).isEqualTo(160);
    }

    @Test
    void costFollowsSpec() {
        assertThat(model.costProperty().get().totalMultiplyAdds()).isEqualTo(2_794_240L);

        model.replace(0, new Conv2DSpec(16, 3, 1, Padding.VALID, Activation.RELU));

        assertThat(model.costProperty().get().layers().get(0).orElseThrow().multiplyAdds()).isEqualTo(26 * 26 * 16 * 9);
    }

    @Test
    void presetChangeReplacesStack() {
        model.selectedPresetProperty().set("softmax-regression");

        assertThat(model.spec().layers()).hasSize(2);
        assertThat(model.summaryProperty().get().totalParameters()).isEqualTo(7_850);
    }

    @Test
    void everyEditUndoesAndRedoes() {
        List<Runnable> edits = List.of(
                () -> model.add(LayerKind.BATCH_NORM),
                () -> model.insert(LayerKind.DROPOUT, 0),
                () -> model.remove(3),
                () -> model.move(0, 2),
                () -> {
                    model.selectedIndexProperty().set(1);
                    model.duplicateSelected();
                },
                () -> model.replace(0, Conv2DSpec.relu(8, 5)),
                () -> model.editProperty(0, "filters", "12"),
                () -> model.selectedPresetProperty().set("mlp"));

        for (Runnable edit : edits) {
            NetworkSpec before = model.spec();
            edit.run();
            NetworkSpec after = model.spec();
            assertThat(after).isNotEqualTo(before);

            model.undo();
            assertThat(model.spec()).isEqualTo(before);

            model.redo();
            assertThat(model.spec()).isEqualTo(after);
        }
    }

    @Test
    void undoStepsBackInOrder() {
        NetworkSpec original = model.spec();
        model.add(LayerKind.DROPOUT);
        model.add(LayerKind.DROPOUT);

        model.undo();
        model.undo();

        assertThat(model.spec()).isEqualTo(original);
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.canRedoProperty().get()).isTrue();
    }

    @Test
    void newEditClearsRedo() {
        model.add(LayerKind.DROPOUT);
        model.undo();

        model.add(LayerKind.FLATTEN);

        assertThat(model.canRedoProperty().get()).isFalse();
    }

    @Test
    void undoKeepsSelectionInStack() {
        model.selectedIndexProperty().set(7);
        model.duplicateSelected();

        model.undo();

        assertThat(model.selectedIndexProperty().get()).isEqualTo(7);
    }

    @Test
    void acceptedPropertyReplacesLayer() {
        PropertyValidator.Result result = model.editProperty(0, "filters", " 16 ");

        assertThat(result.isAccepted()).isTrue();
        assertThat(model.spec().layers().get(0)).isEqualTo(Conv2DSpec.relu(16, 3));
    }

    @Test
    void rejectedPropertyKeepsStack() {
        NetworkSpec before = model.spec();

        PropertyValidator.Result result = model.editProperty(0, "filters", "0");

        assertThat(result.isAccepted()).isFalse();
        assertThat(model.spec()).isSameAs(before);
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void paddingChangeChecksKernelFit() {
        model.selectedPresetProperty().set("reference-cnn");
        // Layer 5 gets a 5x5x64 input, so a 5x5 kernel fits only with SAME padding.
        model.replace(4, new Conv2DSpec(64, 5, 1, Padding.SAME, Activation.RELU));

        PropertyValidator.Result result = model.editProperty(4, "padding", Padding.VALID);

        assertThat(result.isAccepted()).isTrue();

        PropertyValidator.Result tooLarge = model.editProperty(4, "kernel", "6");

        assertThat(tooLarge.error().key()).isEqualTo("validation.kernel.tooLarge");
    }

    @Test
    void editedLayerListIsImmutable() {
        List<LayerSpec> layers = model.spec().layers();

        model.add(LayerKind.DROPOUT);

        assertThat(layers).hasSize(8);
    }
}
