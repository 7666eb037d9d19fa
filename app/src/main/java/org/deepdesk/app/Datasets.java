package org.deepdesk.app;

import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.data.SampleData;
import org.deepdesk.i18n.Message;

/**
 * The MNIST training and test sets, loaded once on first use from the bundled sample data.
 * Called from background threads only.
 */
public final class Datasets {

    private ImageDataset training;
    private ImageDataset test;

    public synchronized ImageDataset training() {
        if (training == null) {
            training = MnistLoader.load(folder(), MnistSplit.TRAIN);
        }
        return training;
    }

    public synchronized ImageDataset test() {
        if (test == null) {
            test = MnistLoader.load(folder(), MnistSplit.TEST);
        }
        return test;
    }

    /** Returns the test set if it was loaded already, without loading it; for the FX thread. */
    public synchronized ImageDataset testIfLoaded() {
        return test;
    }

    private static Path folder() {
        return SampleData.locateMnist()
                .orElseThrow(() -> new EngineException(Message.of("error.data.sampleMissing", SampleData.PROPERTY)));
    }
}
