package org.deepdesk.app.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo over immutable snapshots. Specs are immutable records, so a snapshot is just a
 * reference and the history costs little memory even for long sessions.
 *
 * @param <T> the snapshot type
 */
final class EditHistory<T> {

    /** Oldest snapshots are dropped beyond this many undo steps. */
    static final int MAX_STEPS = 500;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    /** Records the state before an edit; a new edit clears the redo steps. */
    void record(T before) {
        undo.push(before);
        if (undo.size() > MAX_STEPS) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** Returns the state to go back to, after storing {@code current} for redo; empty when there is none. */
    Optional<T> undo(T current) {
        return step(undo, redo, current);
    }

    /** Returns the state to go forward to, after storing {@code current} for undo; empty when there is none. */
    Optional<T> redo(T current) {
        return step(redo, undo, current);
    }

    void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private Optional<T> step(Deque<T> from, Deque<T> to, T current) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        to.push(current);
        T target = from.pop();
        update();
        return Optional.of(target);
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
