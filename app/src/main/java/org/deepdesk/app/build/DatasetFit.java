package org.deepdesk.app.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.i18n.Message;

/**
 * A stack changed to take a dataset's images and give one output per class, with the notice
 * that tells the user what changed.
 *
 * @param spec the adapted stack
 * @param notice one line naming the old and new input shape or output units
 */
record DatasetFit(NetworkSpec spec, Message notice) {

    /**
     * Sets the input shape to {@code input} and the units of a last Dense softmax layer to
     * {@code classes}. A stack that ends in another layer keeps it, and shape inference then
     * reports the mismatch on it.
     *
     * @return the adapted stack, or empty when {@code spec} already fits
     */
    static Optional<DatasetFit> adapt(NetworkSpec spec, ImageShape input, int classes) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        int oldUnits = classes;
        int last = layers.size() - 1;
        if (last >= 0 && layers.get(last) instanceof DenseSpec dense && dense.activation() == Activation.SOFTMAX) {
            oldUnits = dense.units();
            layers.set(last, new DenseSpec(classes, Activation.SOFTMAX));
        }

        boolean inputChanged = !spec.input().equals(input);
        boolean unitsChanged = oldUnits != classes;
        if (!inputChanged && !unitsChanged) {
            return Optional.empty();
        }

        NetworkSpec adapted = new NetworkSpec(spec.name(), input, layers);
        Message notice;
        if (inputChanged && unitsChanged) {
            notice = Message.of("data.notice.both", spec.input(), input, oldUnits, classes);
        } else if (inputChanged) {
            notice = Message.of("data.notice.input", spec.input(), input);
        } else {
            notice = Message.of("data.notice.units", oldUnits, classes);
        }
        return Optional.of(new DatasetFit(adapted, notice));
    }
}
