package org.deepdesk.engine.train;

import java.util.Random;

/** Seeded shuffling, so equal seeds give equal batch orders and validation sets. */
final class Shuffle {

    private Shuffle() {
    }

    /** Returns 0..size-1 in a Fisher-Yates order drawn from {@code random}. */
    static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
