package org.deepdesk.app.build;

import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.i18n.Messages;

/** Short one-line descriptions of layers, such as "Conv2D 32 3x3 ReLU". */
final class LayerText {

    private LayerText() {
    }

    static String describe(LayerSpec layer, Messages messages) {
        String name = messages.get("layer." + layer.typeName() + ".name");
        if (layer instanceof Conv2DSpec conv) {
            return name + "  " + conv.filters() + " × " + conv.kernel() + "x" + conv.kernel()
                    + (conv.stride() > 1 ? " /" + conv.stride() : "")
                    + "  " + messages.get("padding." + conv.padding()) + "  " + messages.get("activation." + conv.activation());
        }
        if (layer instanceof MaxPool2DSpec pool) {
            return name + "  " + pool.size() + "x" + pool.size();
        }
        if (layer instanceof AvgPool2DSpec pool) {
            return name + "  " + pool.size() + "x" + pool.size();
        }
        if (layer instanceof DenseSpec dense) {
            return name + "  " + dense.units() + "  " + messages.get("activation." + dense.activation());
        }
        if (layer instanceof ActivationSpec activation) {
            return name + "  " + messages.get("activation." + activation.activation());
        }
        if (layer instanceof DropoutSpec dropout) {
            return name + "  " + dropout.rate();
        }
        return name;
    }
}
