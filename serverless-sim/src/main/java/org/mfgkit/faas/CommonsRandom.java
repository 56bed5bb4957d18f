package org.mfgkit.faas;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Adapts a {@link RandomGenerator} (our seeded streams) to commons-math3's generator interface, so
 * commons-math3 distributions draw from our streams. Re-seeding is not supported: the stream's seed
 * is fixed where it was created.
 */
final class CommonsRandom extends AbstractRandomGenerator {
    private final RandomGenerator rng;

    CommonsRandom(RandomGenerator rng) {
        this.rng = rng;
    }

    @Override
    public void setSeed(long seed) {
        if (rng != null) {
            throw new UnsupportedOperationException(
                    "seed the underlying stream instead (RandomStreams.create)");
        }
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }
}
