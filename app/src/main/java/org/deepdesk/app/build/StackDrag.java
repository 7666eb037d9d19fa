package org.deepdesk.app.build;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;

/**
 * Drag and drop into the layer stack: new layers from the palette, and reordering inside the
 * stack. Both happen within one window, so this uses JavaFX's full press-drag-release gesture
 * rather than the system drag and drop, which works the same on every platform and headless.
 *
 * <p>A drop on the upper half of a row inserts before it, on the lower half after it, and on the
 * empty area below the rows at the end of the stack.
 */
final class StackDrag {

    private static final String DROP_BEFORE = "drop-before";
    private static final String DROP_AFTER = "drop-after";

    private final BuildViewModel model;
    private LayerKind draggedKind;
    private int draggedIndex = -1;

    StackDrag(BuildViewModel model) {
        this.model = model;
    }

    /** Makes a palette cell a drag source of its layer kind. */
    void installOnPalette(ListCell<LayerKind> cell) {
        cell.setOnDragDetected(event -> {
            if (cell.getItem() == null) {
                return;
            }
            draggedKind = cell.getItem();
            draggedIndex = -1;
            cell.startFullDrag();
            event.consume();
        });
        cell.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> clear());
    }

    /** Makes a stack cell a drag source for reordering and a drop target. */
    void installOnStack(ListCell<?> cell) {
        cell.setOnDragDetected(event -> {
            if (cell.isEmpty()) {
                return;
            }
            draggedIndex = cell.getIndex();
            draggedKind = null;
            cell.startFullDrag();
            event.consume();
        });
        cell.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> clear());
        cell.setOnMouseDragOver(event -> {
            if (!active()) {
                return;
            }
            boolean after = cell.isEmpty() || event.getY() > cell.getHeight() / 2;
            cell.getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER);
            cell.getStyleClass().add(after ? DROP_AFTER : DROP_BEFORE);
        });
        cell.setOnMouseDragExited(event -> cell.getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER));
        cell.setOnMouseDragReleased(event -> {
            cell.getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER);
            int size = model.spec().layers().size();
            int gap = cell.isEmpty() ? size : cell.getIndex() + (event.getY() > cell.getHeight() / 2 ? 1 : 0);
            drop(Math.min(gap, size));
            event.consume();
        });
    }

    /** Drops on the list outside any row append to the stack. */
    void installOnList(ListView<?> list) {
        list.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, event -> drop(model.spec().layers().size()));
    }

    private boolean active() {
        return draggedKind != null || draggedIndex >= 0;
    }

    /** Inserts or moves into the gap before index {@code gap}. */
    private void drop(int gap) {
        if (draggedKind != null) {
            model.insert(draggedKind, gap);
        } else if (draggedIndex >= 0) {
            // Removing the dragged layer first shifts the gaps below it up by one.
            model.move(draggedIndex, gap > draggedIndex ? gap - 1 : gap);
        }
        clear();
    }

    private void clear() {
        draggedKind = null;
        draggedIndex = -1;
    }
}
