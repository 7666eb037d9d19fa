package org.deepdesk.app.build;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * The network being designed: the layer stack, its live shape inference and the edits on it.
 * Every edit replaces the spec, and the summary follows, so the view only binds.
 */
public final class BuildViewModel {

    /** MNIST has ten classes; datasets with other class counts come later. */
    public static final int CLASS_COUNT = 10;

    private final ObservableList<String> presetIds = FXCollections.observableArrayList(Presets.IDS);
    private final ObjectProperty<String> selectedPreset = new SimpleObjectProperty<>();
    private final ObjectProperty<NetworkSpec> spec = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<NetworkSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSettings> presetSettings = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final BooleanBinding valid;

    public BuildViewModel() {
        spec.addListener((observable, old, current) -> summary.set(ShapeInference.summarize(current, CLASS_COUNT)));
        selectedPreset.addListener((observable, old, id) -> {
            if (id != null) {
                loadPreset(id);
            }
        });
        valid = Bindings.createBooleanBinding(() -> summary.get() != null && summary.get().isValid(), summary);
        selectedPreset.set(Presets.DEFAULT_ID);
    }

    private void loadPreset(String id) {
        NetworkDocument document = Presets.load(id);
        presetSettings.set(document.training());
        spec.set(document.network());
        selectedIndex.set(-1);
    }

    public ObservableList<String> presetIds() {
        return presetIds;
    }

    public ObjectProperty<String> selectedPresetProperty() {
        return selectedPreset;
    }

    public ObjectProperty<NetworkSpec> specProperty() {
        return spec;
    }

    public NetworkSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<NetworkSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The training settings of the preset loaded last. */
    public ReadOnlyObjectProperty<TrainingSettings> presetSettingsProperty() {
        return presetSettings.getReadOnlyProperty();
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Inserts a new layer after the selected one, or before the output layer when none is selected. */
    public void add(LayerKind kind) {
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        int position = selectedIndex.get() >= 0 ? selectedIndex.get() + 1 : Math.max(0, layers.size() - 1);
        layers.add(position, kind.createDefault());
        update(layers);
        selectedIndex.set(position);
    }

    public void removeSelected() {
        int index = selectedIndex.get();
        if (index < 0 || index >= spec().layers().size()) {
            return;
        }
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        layers.remove(index);
        update(layers);
        selectedIndex.set(Math.min(index, layers.size() - 1));
    }

    /** Moves the selected layer by {@code offset} places (-1 up, +1 down), if it stays in the stack. */
    public void moveSelected(int offset) {
        int index = selectedIndex.get();
        int target = index + offset;
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        if (index < 0 || target < 0 || target >= layers.size()) {
            return;
        }
        LayerSpec moved = layers.remove(index);
        layers.add(target, moved);
        update(layers);
        selectedIndex.set(target);
    }

    public void replace(int index, LayerSpec layer) {
        spec.set(spec().withLayer(index, layer));
    }

    private void update(List<LayerSpec> layers) {
        spec.set(spec().withLayers(layers));
    }
}
