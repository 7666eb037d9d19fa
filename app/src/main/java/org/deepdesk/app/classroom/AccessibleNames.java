package org.deepdesk.app.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Accordion;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * Gives screen readers a name and help for every control the views build. The views set names
 * where a control has no visible text; this fills in the rest from text that already comes from
 * the bundles: a control's own text, the label that names it ({@link Label#getLabelFor}), and
 * its tooltip as help.
 */
public final class AccessibleNames {

    private AccessibleNames() {
    }

    /** Fills in missing accessible names and help under {@code root}. */
    public static void complete(Parent root) {
        List<Node> nodes = ViewNodes.of(root);
        for (Node node : nodes) {
            if (node instanceof Label label && label.getLabelFor() != null) {
                Node named = label.getLabelFor();
                if (isBlank(named.getAccessibleText()) && !isBlank(label.getText())) {
                    named.setAccessibleText(label.getText());
                }
            }
        }
        for (Node node : nodes) {
            if (node instanceof Labeled labeled && isBlank(labeled.getAccessibleText()) && !isBlank(labeled.getText())) {
                labeled.setAccessibleText(labeled.getText());
            }
            if (node instanceof Control control && isBlank(control.getAccessibleHelp())) {
                Tooltip tooltip = control.getTooltip();
                if (tooltip != null && !isBlank(tooltip.getText())) {
                    control.setAccessibleHelp(tooltip.getText());
                }
            }
        }
    }

    /**
     * Returns the controls under {@code root} that have neither an accessible name nor a label
     * that names them, as "id (class)" strings.
     */
    public static List<String> unnamed(Parent root) {
        List<Node> nodes = ViewNodes.of(root);
        List<Node> labelled = nodes.stream()
                .filter(node -> node instanceof Label label && label.getLabelFor() != null)
                .map(node -> ((Label) node).getLabelFor())
                .toList();
        List<String> offenders = new ArrayList<>();
        for (Node node : nodes) {
            boolean needsName = (node instanceof Control && !(node instanceof Label) && !isContainer(node))
                    || node instanceof Canvas;
            if (needsName && isBlank(node.getAccessibleText()) && !labelled.contains(node)) {
                offenders.add(node.getId() + " (" + node.getClass().getName() + ")");
            }
        }
        return offenders;
    }

    /** Returns whether the node only arranges other controls, which carry the names a reader speaks. */
    private static boolean isContainer(Node node) {
        return node instanceof ScrollPane || node instanceof SplitPane || node instanceof TabPane
                || node instanceof Accordion || node instanceof ToolBar;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
