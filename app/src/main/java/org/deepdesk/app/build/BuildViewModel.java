package org.deepdesk.app.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deepdesk.engine.spec.CostModel;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.NetworkCost;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.i18n.Message;

/**
 * The network being designed: the layer stack, its live shape inference and cost, and the edits
 * on it. Every edit replaces the immutable spec, and the summary follows, so the view only binds.
 *
 * <p>Every change of the spec, from an edit, a preset or an opened file, is recorded for undo,
 * except the changes that undo and redo make themselves.
 */
public final class BuildViewModel {

    /** MNIST's ten classes, the count until another dataset is chosen. */
    public static final int DEFAULT_CLASS_COUNT = 10;

    private final ObservableList<String> presetIds = FXCollections.observableArrayList(Presets.IDS);
    private final ObjectProperty<String> selectedPreset = new SimpleObjectProperty<>();
    private final ObjectProperty<NetworkSpec> spec = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<NetworkSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NetworkCost> cost = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSettings> presetSettings = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final IntegerProperty classCount = new SimpleIntegerProperty(DEFAULT_CLASS_COUNT);
    private final EditHistory<NetworkSpec> history = new EditHistory<>();
    private final BooleanBinding valid;
    private boolean restoring;

    public BuildViewModel() {
        spec.addListener((observable, old, current) -> {
            summarize(current);
            if (old != null && !restoring) {
                history.record(old);
            }
        });
        classCount.addListener((observable, old, count) -> summarize(spec()));
        selectedPreset.addListener((observable, old, id) -> {
            if (id != null) {
                loadDocument(Presets.load(id));
            }
        });
        valid = Bindings.createBooleanBinding(() -> summary.get() != null && summary.get().isValid(), summary);
        selectedPreset.set(Presets.DEFAULT_ID);
        // Opening the app is no edit to undo.
        history.clear();
    }

    private void summarize(NetworkSpec current) {
        NetworkSummary inferred = ShapeInference.summarize(current, classCount.get());
        // The cost goes first, because views redraw the table when the summary changes.
        cost.set(CostModel.estimate(current, inferred));
        summary.set(inferred);
    }

    /**
     * Makes the stack fit a dataset: sets the class count, and when the input shape or the output
     * layer's units differ, changes them as one undoable edit. Undo restores the stack but keeps
     * the class count, which belongs to the dataset.
     *
     * @return what changed, for a one-line notice; empty when the stack already fitted
     */
    public Optional<Message> followDataset(ImageShape input, int classes) {
        classCount.set(classes);
        Optional<DatasetFit> fit = DatasetFit.adapt(spec(), input, classes);
        fit.ifPresent(change -> spec.set(change.spec()));
        return fit.map(DatasetFit::notice);
    }

    /** The number of classes of the current dataset, which the output layer must match. */
    public ReadOnlyIntegerProperty classCountProperty() {
        return classCount;
    }

    public int classCount() {
        return classCount.get();
    }

    /** Shows a network and its training settings from a preset or a file; undo returns to the previous stack. */
    public void loadDocument(NetworkDocument document) {
        presetSettings.set(document.training());
        spec.set(document.network());
        selectedIndex.set(-1);
    }

    /**
     * Shows the stack of a project file as a fresh start: the preset chooser shows none, so any
     * preset can be picked next, and the edits made before cannot be undone.
     */
    public void openProject(NetworkDocument document) {
        selectedPreset.set(null);
        loadDocument(document);
        history.clear();
    }

    /** Starts over as at the app's start: the default preset, with nothing to undo. */
    public void newProject() {
        selectedPreset.set(null);
        selectedPreset.set(Presets.DEFAULT_ID);
        selectedIndex.set(-1);
        history.clear();
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

    /** Multiply-adds and activation memory per layer, for the current spec. */
    public ReadOnlyObjectProperty<NetworkCost> costProperty() {
        return cost.getReadOnlyProperty();
    }

    /** The training settings of the preset or file loaded last. */
    public ReadOnlyObjectProperty<TrainingSettings> presetSettingsProperty() {
        return presetSettings.getReadOnlyProperty();
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public void undo() {
        history.undo(spec()).ifPresent(this::restore);
    }

    public void redo() {
        history.redo(spec()).ifPresent(this::restore);
    }

    private void restore(NetworkSpec target) {
        int selected = selectedIndex.get();
        restoring = true;
        try {
            spec.set(target);
        } finally {
            restoring = false;
        }
        selectedIndex.set(Math.min(selected, target.layers().size() - 1));
    }

    /** Inserts a new layer after the selected one, or before the output layer when none is selected. */
    public void add(LayerKind kind) {
        int size = spec().layers().size();
        int position = selectedIndex.get() >= 0 ? selectedIndex.get() + 1 : Math.max(0, size - 1);
        insert(kind, position);
    }

    /** Inserts a new layer of {@code kind} at {@code position} (0 to the stack size) and selects it. */
    public void insert(LayerKind kind, int position) {
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        int clamped = Math.max(0, Math.min(position, layers.size()));
        layers.add(clamped, kind.createDefault());
        update(layers);
        selectedIndex.set(clamped);
    }

    public void removeSelected() {
        remove(selectedIndex.get());
    }

    public void remove(int index) {
        if (index < 0 || index >= spec().layers().size()) {
            return;
        }
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        layers.remove(index);
        update(layers);
        selectedIndex.set(Math.min(index, layers.size() - 1));
    }

    /** Inserts a copy of the selected layer right after it and selects the copy. */
    public void duplicateSelected() {
        int index = selectedIndex.get();
        if (index < 0 || index >= spec().layers().size()) {
            return;
        }
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        layers.add(index + 1, layers.get(index));
        update(layers);
        selectedIndex.set(index + 1);
    }

    /** Moves the selected layer by {@code offset} places (-1 up, +1 down), if it stays in the stack. */
    public void moveSelected(int offset) {
        int index = selectedIndex.get();
        move(index, index + offset);
    }

    /** Moves the layer at {@code from} so that it ends up at index {@code to}, and selects it. */
    public void move(int from, int to) {
        List<LayerSpec> layers = new ArrayList<>(spec().layers());
        if (from < 0 || from >= layers.size() || to < 0 || to >= layers.size() || from == to) {
            return;
        }
        LayerSpec moved = layers.remove(from);
        layers.add(to, moved);
        update(layers);
        selectedIndex.set(to);
    }

    public void replace(int index, LayerSpec layer) {
        spec.set(spec().withLayer(index, layer));
    }

    /**
     * Sets one property of a layer if the value is valid, and returns the check's outcome.
     *
     * @param value the text typed into a number field, or the chosen enum constant
     */
    public PropertyValidator.Result editProperty(int index, String property, Object value) {
        LayerSpec layer = spec().layers().get(index);
        PropertyValidator.Result result = PropertyValidator.check(layer, property, value, inputOf(index));
        if (result.isAccepted() && !result.layer().equals(layer)) {
            replace(index, result.layer());
        }
        return result;
    }

    /** Returns the input shape of the layer at {@code index}, or empty when a layer before it fails. */
    public Optional<Shape> inputOf(int index) {
        if (index == 0) {
            return Optional.of(spec().input());
        }
        return summary.get().layers().get(index - 1).output()
                .filter(shape -> summary.get().layers().get(index - 1).problem().isEmpty());
    }

    private void update(List<LayerSpec> layers) {
        spec.set(spec().withLayers(layers));
    }
}
