package org.deepdesk.engine.train.nativeops;

import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** The native random generator of dropout masks, seeded from the training settings. */
final class DropoutRandom implements AutoCloseable {

    private Random random;
    private final long seed;

    DropoutRandom(long seed) {
        this.seed = seed;
    }

    Random get() {
        if (random == null) {
            random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        }
        return random;
    }

    /** Starts the sequence again from {@code newSeed}; gradient checks use it to freeze the masks. */
    void reseed(long newSeed) {
        get().setSeed(newSeed);
    }

    @Override
    public void close() {
        if (random != null) {
            try {
                random.close();
            } catch (Exception ignored) {
                // Only native memory is freed.
            }
            random = null;
        }
    }
}
