package org.deepdesk.engine.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Test access to the Deeplearning4j network behind a {@link NetworkBackend}, for parity tests. */
public final class Dl4jAccess {

    private Dl4jAccess() {
    }

    public static MultiLayerNetwork network(NetworkBackend backend) {
        return ((Dl4jBackend) backend).network();
    }
}
