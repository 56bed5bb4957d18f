package org.mfgkit.faas;

import java.util.random.RandomGenerator;

/**
 * Non-homogeneous Poisson arrivals with piecewise-constant rates (SPEC §5). Function {@code f} has
 * rate {@code rates[f][k]} (invocations per second) on {@code [k*pieceMs, (k+1)*pieceMs)}. Arrival
 * times are generated exactly by the time change: an Exp(1) variate is consumed by the integrated
 * rate {@code Lambda(t)} piece by piece. After the last piece the stream ends, except for {@link
 * #constant} whose single piece is unbounded.
 */
public final class PoissonArrivals implements ArrivalProcess {
    private final double pieceMs;

    /** {@code rates[f][k]}: invocations per second of function f during piece k. */
    private final double[][] rates;

    private final double horizonMs;

    /**
     * @param pieceMs length of one piece (ms)
     * @param ratesPerSecond {@code [f][k]} rates (copied), all finite and &gt;= 0
     */
    public PoissonArrivals(double pieceMs, double[][] ratesPerSecond) {
        this(pieceMs, ratesPerSecond, false);
    }

    private PoissonArrivals(double pieceMs, double[][] ratesPerSecond, boolean unbounded) {
        if (!(pieceMs > 0.0)) {
            throw new IllegalArgumentException("pieceMs must be > 0, got " + pieceMs);
        }
        if (ratesPerSecond.length == 0) {
            throw new IllegalArgumentException("Poisson arrivals need at least one function");
        }
        int pieces = ratesPerSecond[0].length;
        if (pieces == 0) {
            throw new IllegalArgumentException("Poisson arrivals need at least one rate piece");
        }
        this.rates = new double[ratesPerSecond.length][];
        for (int f = 0; f < ratesPerSecond.length; f++) {
            if (ratesPerSecond[f].length != pieces) {
                throw new IllegalArgumentException(
                        "rates of function "
                                + f
                                + " have "
                                + ratesPerSecond[f].length
                                + " pieces, function 0 has "
                                + pieces);
            }
            for (int k = 0; k < pieces; k++) {
                double r = ratesPerSecond[f][k];
                if (!(r >= 0.0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException(
                            "rate[" + f + "][" + k + "] must be finite and >= 0, got " + r);
                }
            }
            this.rates[f] = ratesPerSecond[f].clone();
        }
        this.pieceMs = unbounded ? Double.POSITIVE_INFINITY : pieceMs;
        this.horizonMs = unbounded ? Double.POSITIVE_INFINITY : pieceMs * pieces;
    }

    /** Homogeneous Poisson arrivals, {@code ratesPerSecond[f]} per second, never ending. */
    public static PoissonArrivals constant(double... ratesPerSecond) {
        double[][] r = new double[ratesPerSecond.length][1];
        for (int f = 0; f < r.length; f++) {
            r[f][0] = ratesPerSecond[f];
        }
        return new PoissonArrivals(1.0, r, true);
    }

    @Override
    public int functions() {
        return rates.length;
    }

    @Override
    public double horizonMs() {
        return horizonMs;
    }

    /** Rate of function {@code f} at time {@code tMs} (per second). */
    public double rate(int f, double tMs) {
        if (tMs < 0.0 || tMs >= horizonMs) {
            return 0.0;
        }
        int k = pieceMs == Double.POSITIVE_INFINITY ? 0 : (int) (tMs / pieceMs);
        return rates[f][Math.min(k, rates[f].length - 1)];
    }

    @Override
    public Stream open(int f, RandomGenerator rng) {
        final double[] r = rates[f];
        return new Stream() {
            private double t = 0.0;
            private int k = 0;

            @Override
            public double next() {
                // Exp(1) amount of integrated intensity (rates are per second, times in ms)
                double e = -Math.log(1.0 - rng.nextDouble()) * 1000.0;
                while (k < r.length) {
                    double end =
                            pieceMs == Double.POSITIVE_INFINITY
                                    ? Double.POSITIVE_INFINITY
                                    : (k + 1) * pieceMs;
                    double rate = r[k];
                    if (rate > 0.0) {
                        double dt = e / rate;
                        if (t + dt < end) {
                            t += dt;
                            return t;
                        }
                        e -= rate * (end - t);
                    }
                    if (end == Double.POSITIVE_INFINITY) {
                        break;
                    }
                    t = end;
                    k++;
                }
                t = Double.POSITIVE_INFINITY;
                return t;
            }
        };
    }
}
