package org.deepdesk.app.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Accordion;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;

/**
 * The nodes that the views created, found without skins: {@link Node#lookupAll} finds only what a
 * skin has added, so it misses the content of tabs that were never shown.
 */
final class ViewNodes {

    private ViewNodes() {
    }

    /** Returns {@code root} and the nodes under it, tabs' content included. */
    static List<Node> of(Parent root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    /**
     * Collects the nodes that the views created: containers are walked, while a control's skin
     * parts (the text field inside a spinner, a list's cells) are left out, because the control
     * itself carries the name for them.
     */
    private static void collect(Node node, List<Node> nodes) {
        nodes.add(node);
        if (node instanceof ScrollPane scroll) {
            collectIfPresent(scroll.getContent(), nodes);
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> collect(item, nodes));
        } else if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                collectIfPresent(tab.getContent(), nodes);
            }
        } else if (node instanceof TitledPane titled) {
            collectIfPresent(titled.getContent(), nodes);
        } else if (node instanceof Accordion accordion) {
            accordion.getPanes().forEach(pane -> collect(pane, nodes));
        } else if (node instanceof ToolBar toolBar) {
            toolBar.getItems().forEach(item -> collect(item, nodes));
        } else if (node instanceof Parent parent && !(node instanceof Control)) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, nodes));
        }
    }

    private static void collectIfPresent(Node node, List<Node> nodes) {
        if (node != null) {
            collect(node, nodes);
        }
    }
}
