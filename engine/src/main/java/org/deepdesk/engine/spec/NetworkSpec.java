package org.deepdesk.engine.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A network as the user designs it: the input shape and the ordered layers. The last layer is
 * expected to be a softmax {@link DenseSpec} with one unit per class; {@link ShapeInference}
 * reports any stack that cannot work.
 *
 * @param name shown in the UI and written into model files
 * @param input the shape of one input sample
 * @param layers the layers from input to output
 */
public record NetworkSpec(String name, ImageShape input, List<LayerSpec> layers) {

    public NetworkSpec {
        layers = List.copyOf(layers);
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, input, newLayers);
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, input, layers);
    }

    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }
}
