package org.deepdesk.app.classroom;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import org.deepdesk.app.train.ChartScale;
import org.jfree.chart.fx.ChartViewer;

/**
 * The layout changes of presenter mode that a stylesheet cannot make: secondary panes leave the
 * layout, and the training charts get projector-sized fonts and lines.
 */
public final class PresenterLayout {

    /** Style class of panes that presenter mode hides, such as help panes and the runs table. */
    public static final String SECONDARY = "presenter-secondary";

    /**
     * Style class of nodes that presenter mode scales up, such as the drawing canvas. Strokes and
     * mouse positions stay in the canvas's own coordinates, so what the network sees is unchanged.
     */
    public static final String ENLARGED = "presenter-enlarged";

    /** Size of enlarged nodes in presenter mode, relative to their normal size. */
    static final double ENLARGED_SCALE = 1.5;

    /** Chart fonts and line widths in presenter mode, relative to the normal chart. */
    static final double CHART_SCALE = 1.6;

    private static final String SAVED_DIVIDERS = PresenterLayout.class.getName() + ".dividers";

    private PresenterLayout() {
    }

    /**
     * Moves a divider to the edge next to a hidden first or last item, because a split pane keeps
     * the space of an invisible item. The positions before are kept in the pane's properties.
     */
    private static void collapseSecondaryItems(SplitPane split, boolean presenter) {
        List<Node> items = split.getItems();
        if (items.size() < 2) {
            return;
        }
        boolean firstHidden = items.get(0).getStyleClass().contains(SECONDARY);
        boolean lastHidden = items.get(items.size() - 1).getStyleClass().contains(SECONDARY);
        if (!firstHidden && !lastHidden) {
            return;
        }
        if (presenter) {
            split.getProperties().putIfAbsent(SAVED_DIVIDERS, split.getDividerPositions());
            if (firstHidden) {
                split.setDividerPosition(0, 0);
            }
            if (lastHidden) {
                split.setDividerPosition(items.size() - 2, 1);
            }
        } else if (split.getProperties().remove(SAVED_DIVIDERS) instanceof double[] saved) {
            split.setDividerPositions(saved);
        }
    }

    /** Hides or shows the secondary panes under {@code root} and scales its charts. */
    public static void apply(Parent root, boolean presenter) {
        List<Node> nodes = ViewNodes.of(root);
        for (Node pane : nodes.stream().filter(node -> node.getStyleClass().contains(SECONDARY)).toList()) {
            // Unmanaged nodes give their space to the others instead of leaving a gap.
            pane.setVisible(!presenter);
            pane.setManaged(!presenter);
        }
        for (Node node : nodes) {
            if (node instanceof SplitPane split) {
                collapseSecondaryItems(split, presenter);
            }
        }
        for (Node node : nodes.stream().filter(node -> node.getStyleClass().contains(ENLARGED)).toList()) {
            node.setScaleX(presenter ? ENLARGED_SCALE : 1);
            node.setScaleY(presenter ? ENLARGED_SCALE : 1);
        }
        for (Node node : nodes) {
            if (node instanceof ChartViewer viewer) {
                ChartScale.apply(viewer, presenter ? CHART_SCALE : 1);
            }
        }
    }
}
