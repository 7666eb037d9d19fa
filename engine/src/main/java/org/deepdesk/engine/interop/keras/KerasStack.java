package org.deepdesk.engine.interop.keras;

import java.util.List;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.i18n.Message;

/**
 * A Keras Sequential configuration as a DeepDesk stack.
 *
 * @param name the Keras model's name
 * @param input the shape of one input sample
 * @param layers the DeepDesk layers, from input to output
 * @param weightSources the layers with weights and the Keras layers they come from
 * @param notices changes made on the way that a user should know of
 */
record KerasStack(String name, ImageShape input, List<LayerSpec> layers, List<WeightSource> weightSources,
                  List<Message> notices) {

    KerasStack {
        layers = List.copyOf(layers);
        weightSources = List.copyOf(weightSources);
        notices = List.copyOf(notices);
    }

    /**
     * A DeepDesk layer with weights and the Keras layer that stores them.
     *
     * @param layerIndex the position in {@link #layers()}
     * @param kerasName the Keras layer's name, which is also its group in the HDF5 file
     * @param epsilon BatchNormalization's epsilon; 0 for other layers
     * @param center whether BatchNormalization has a beta; true for other layers
     * @param scale whether BatchNormalization has a gamma; true for other layers
     * @param useBias whether a Conv2D or Dense layer has a bias
     */
    record WeightSource(int layerIndex, String kerasName, double epsilon, boolean center, boolean scale, boolean useBias) {

        static WeightSource kernel(int layerIndex, String kerasName, boolean useBias) {
            return new WeightSource(layerIndex, kerasName, 0, true, true, useBias);
        }

        static WeightSource normalization(int layerIndex, String kerasName, double epsilon, boolean center, boolean scale) {
            return new WeightSource(layerIndex, kerasName, epsilon, center, scale, true);
        }
    }
}
