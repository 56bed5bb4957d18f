package org.mfgkit.faas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.mfgkit.core.RandomStreams;

/**
 * Generates a synthetic trace in the Azure Functions 2019 schema ({@link AzureTrace}) with the
 * features the Azure characterisation (Shahrad et al., "Serverless in the Wild", USENIX ATC 2020)
 * reports: a trigger mix dominated by HTTP, diurnal rate variation, bursts, on/off queue and event
 * traffic and periodic timers. The shipped trace {@code org/mfgkit/faas/azure-2019-synthetic.csv}
 * is {@code generate(Params.defaults(), 2019)}, written by {@code ./mfgkit faas trace --seed 2019
 * --out <file>}. It is not Azure data.
 *
 * <p>Row shapes (per minute {@code m}, counts Poisson unless said otherwise):
 *
 * <ul>
 *   <li>{@code http}, {@code orchestration}, {@code others}: diurnal rate {@code base (1 + amp
 *       sin(2 pi (m - phase)/1440))}, times a burst multiplier in [2, 5] during bursts that start
 *       with probability {@code 1/burstEvery} per minute and last 3..20 minutes;
 *   <li>{@code queue}, {@code event}, {@code storage}: on/off traffic, {@code 2 base} while on and
 *       {@code 0.1 base} while off, switching off with probability 1/30 and on with probability
 *       1/20 per minute;
 *   <li>{@code timer}: {@code round(base * period)} invocations every {@code period} in {1, 2, 5}
 *       minutes.
 * </ul>
 *
 * Trigger probabilities: http 0.55, timer 0.16, queue 0.15, orchestration 0.07, event 0.02, storage
 * 0.02, others 0.03 (the paper's shares of functions per trigger, rounded). The base rate is
 * log-uniform in [20, 400] per minute (volumes are rescaled when replayed at a target load anyway).
 * Hashes are 64 hex digits from the seeded stream; consecutive rows share applications (2 rows) and
 * owners (4 rows), as functions do in the real trace.
 */
public final class AzureTraceGenerator {
    private static final String[] TRIGGERS = {
        "http", "timer", "queue", "orchestration", "event", "storage", "others"
    };
    private static final double[] TRIGGER_P = {0.55, 0.16, 0.15, 0.07, 0.02, 0.02, 0.03};

    private AzureTraceGenerator() {}

    /**
     * @param rows number of function rows
     * @param minutes minute columns (1440 in the Azure schema)
     * @param burstEvery mean minutes between burst starts of HTTP-like rows
     */
    public record Params(int rows, int minutes, double burstEvery) {
        public Params {
            if (rows <= 0) {
                throw new IllegalArgumentException("trace rows must be > 0, got " + rows);
            }
            if (minutes <= 0 || minutes > AzureTrace.DAY_MINUTES) {
                throw new IllegalArgumentException(
                        "trace minutes must be in 1..1440, got " + minutes);
            }
            if (!(burstEvery >= 1.0)) {
                throw new IllegalArgumentException(
                        "burstEvery must be >= 1 minute, got " + burstEvery);
            }
        }

        /**
         * 24 rows (two disjoint sets of 12 for training and evaluation), a full day, bursts every
         * ~2 hours.
         */
        public static Params defaults() {
            return new Params(24, AzureTrace.DAY_MINUTES, 120.0);
        }

        public Params withRows(int r) {
            return new Params(r, minutes, burstEvery);
        }

        public Params withMinutes(int m) {
            return new Params(rows, m, burstEvery);
        }
    }

    /** Generates the trace; the same parameters and seed give the same trace. */
    public static AzureTrace generate(Params params, long seed) {
        List<AzureTrace.Row> rows = new ArrayList<>();
        try {
            generate(params, seed, rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a list does not fail
        }
        return new AzureTrace("synthetic(seed=" + seed + ")", params.minutes(), rows);
    }

    /** Takes the rows of a trace one at a time. */
    @FunctionalInterface
    public interface RowSink {
        /** The next row. */
        void accept(AzureTrace.Row row) throws IOException;
    }

    /**
     * Generates the rows of {@link #generate(Params, long)} one at a time into {@code sink},
     * holding none of them: memory does not grow with the number of rows.
     */
    public static void generate(Params params, long seed, RowSink sink) throws IOException {
        RandomGenerator rng = RandomStreams.create(seed);
        String owner = null;
        String app = null;
        for (int i = 0; i < params.rows(); i++) {
            if (i % 4 == 0) {
                owner = hash(rng);
            }
            if (i % 2 == 0) {
                app = hash(rng);
            }
            String function = hash(rng);
            String trigger = TRIGGERS[RandomStreams.sampleCategorical(TRIGGER_P, rng)];
            RandomGenerator rowRng = RandomStreams.derive(seed, i);
            sink.accept(
                    new AzureTrace.Row(
                            owner, app, function, trigger, counts(trigger, params, rowRng)));
        }
    }

    private static int[] counts(String trigger, Params params, RandomGenerator rng) {
        int minutes = params.minutes();
        int[] c = new int[minutes];
        double base = Math.exp(Math.log(20) + rng.nextDouble() * (Math.log(400) - Math.log(20)));
        CommonsRandom commons = new CommonsRandom(rng);
        switch (trigger) {
            case "timer" -> {
                int period = new int[] {1, 2, 5}[rng.nextInt(3)];
                int offset = rng.nextInt(period);
                int k = (int) Math.max(1, Math.round(base * period));
                for (int m = 0; m < minutes; m++) {
                    c[m] = (m % period == offset) ? k : 0;
                }
            }
            case "queue", "event", "storage" -> {
                boolean on = rng.nextDouble() < 0.4;
                for (int m = 0; m < minutes; m++) {
                    c[m] = poisson(on ? 2.0 * base : 0.1 * base, commons);
                    double u = rng.nextDouble();
                    on = on ? u >= 1.0 / 30.0 : u < 1.0 / 20.0;
                }
            }
            default -> {
                double amp = 0.2 + 0.5 * rng.nextDouble();
                double phase = rng.nextDouble() * AzureTrace.DAY_MINUTES;
                int burstLeft = 0;
                double burst = 1.0;
                for (int m = 0; m < minutes; m++) {
                    if (burstLeft == 0 && rng.nextDouble() < 1.0 / params.burstEvery()) {
                        burstLeft = 3 + rng.nextInt(18);
                        burst = 2.0 + 3.0 * rng.nextDouble();
                    }
                    double rate =
                            base
                                    * (1.0
                                            + amp
                                                    * Math.sin(
                                                            2.0
                                                                    * Math.PI
                                                                    * (m - phase)
                                                                    / AzureTrace.DAY_MINUTES));
                    if (burstLeft > 0) {
                        rate *= burst;
                        burstLeft--;
                    }
                    c[m] = poisson(rate, commons);
                }
            }
        }
        return c;
    }

    private static int poisson(double mean, CommonsRandom rng) {
        if (mean <= 0.0) {
            return 0;
        }
        return new PoissonDistribution(
                        rng,
                        mean,
                        PoissonDistribution.DEFAULT_EPSILON,
                        PoissonDistribution.DEFAULT_MAX_ITERATIONS)
                .sample();
    }

    private static String hash(RandomGenerator rng) {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            String h = Long.toHexString(rng.nextLong());
            sb.append("0".repeat(16 - h.length())).append(h);
        }
        return sb.toString();
    }
}
