package org.deepdesk.engine.train;

import java.nio.file.Path;
import java.util.List;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.NetworkSpec;

/**
 * The child process of {@link ModelStoreKillTest}: saves two networks in turn over one file until
 * it is killed, and prints {@code saved N} after each complete save.
 */
public final class SaveLoop {

    /** The names of the two networks, so a loaded file shows which complete save it came from. */
    static final List<String> NAMES = List.of("first", "second");

    private SaveLoop() {
    }

    /** Returns a network with about 400,000 parameters, so that one save takes long enough to be interrupted. */
    static TrainableNetwork network(String name) {
        NetworkSpec spec = new NetworkSpec(name, ImageShape.MNIST, List.of(
                new FlattenSpec(), new DenseSpec(512, Activation.RELU), new DenseSpec(10, Activation.SOFTMAX)));
        return TrainableNetwork.create(spec, ModelFixture.SETTINGS, 10);
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        List<TrainableNetwork> networks = NAMES.stream().map(SaveLoop::network).toList();

        for (long saves = 1; ; saves++) {
            ModelStore.save(networks.get((int) (saves % networks.size())), target);
            System.out.println("saved " + saves);
            System.out.flush();
        }
    }
}
