package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;

/**
 * The derivatives in the mean field ({@link GameModel#rewardsVjp}, {@link
 * GameModel#transitionsVjp}) of every registered game against central finite differences of {@link
 * GameModel#rewards} and {@link GameModel#transitions}, along random directions, at random mean
 * fields and the steps 0, 1 and T (written once, run over {@link Games#builtIn()} like {@link
 * GameContractTest}).
 *
 * <p>The direction perturbs each {@code mu(j)} relatively, {@code d_j = xi_j mu(j)} with {@code xi
 * in [-1,1]}, so the mean field stays positive and {@code log mu} stays smooth along it. Tolerance,
 * derived: the central difference {@code D(h)} of {@code phi(x) = f(mu + x d)} differs from {@code
 * phi'(0)} by its truncation, about {@code |D(2h) - D(h)| / 3} (Richardson: the {@code h^2} terms
 * of {@code D(2h)} and {@code D(h)} are in ratio 4), and by rounding: each {@code f} is a sum of
 * {@code N} terms {@code w_i r_i}, each {@code r_i} a few operations, so it is off by at most
 * {@code (N + 8) eps sum |w_i r_i|} and {@code D(h)} by that over {@code h}. The test allows the
 * sum of both.
 */
class MeanFieldDerivativesTest {
    /** Relative step of the central difference. */
    private static final double H = 1e-4;

    /** Random points (mean field, weights, direction) per step. */
    private static final int SAMPLES = 3;

    static Stream<GamePreset> presets() {
        return GameContractTest.presets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyGameProvidesThem(GamePreset preset) {
        GameModel g = preset.create();
        assertTrue(g.hasMeanFieldDerivatives(), g.name() + " has no mean-field derivatives");
        assertTrue(g.rMax() > 0, "r_max > 0");
        if (!g.isStationary()) {
            FiniteHorizonMeanFieldGame fh = g.finiteHorizon();
            assertTrue(fh.hasMeanFieldDerivatives());
            assertEquals(g.rMax(), fh.rMax(), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void rewardsVjpMatchesFiniteDifferences(GamePreset preset) {
        GameModel g = preset.create();
        int nS = g.nS();
        int nA = g.nA();
        RandomGenerator rng = RandomStreams.create(11);
        double[] r = new double[nS * nA];
        for (int t : GameContractTest.steps(g)) {
            for (int k = 0; k < SAMPLES; k++) {
                double[] mu = GameContractTest.randomDistribution(nS, rng);
                double[] w = uniform(nS * nA, rng);
                double[] vjp = new double[nS];
                g.rewardsVjp(t, mu, w, vjp);
                check(
                        g.name() + " r_" + t,
                        mu,
                        vjp,
                        nS * nA,
                        x -> {
                            g.rewards(t, x, r);
                            return dot(w, r);
                        },
                        x -> {
                            g.rewards(t, x, r);
                            return absDot(w, r);
                        },
                        rng);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void transitionsVjpMatchesFiniteDifferences(GamePreset preset) {
        GameModel g = preset.create();
        int nS = g.nS();
        int nA = g.nA();
        RandomGenerator rng = RandomStreams.create(12);
        double[] p = new double[nS * nA * nS];
        for (int t : GameContractTest.steps(g)) {
            if (!g.isStationary() && t == g.finiteHorizon().horizon() && t > 0) {
                continue; // no transition after the last step
            }
            for (int k = 0; k < SAMPLES; k++) {
                double[] mu = GameContractTest.randomDistribution(nS, rng);
                double[] u = uniform(nS * nA, rng);
                double[] v = uniform(nS, rng);
                double[] vjp = new double[nS];
                g.transitionsVjp(t, mu, u, v, vjp);
                if (!g.transitionsDependOnMeanField()) {
                    assertEquals(0.0, dot(vjp, vjp), 0.0, "a fixed kernel adds nothing");
                }
                check(
                        g.name() + " P_" + t,
                        mu,
                        vjp,
                        nS * nA * nS,
                        x -> {
                            g.transitions(t, x, p);
                            return bilinear(p, u, v);
                        },
                        x -> {
                            g.transitions(t, x, p);
                            return absBilinear(p, u, v);
                        },
                        rng);
            }
        }
    }

    /**
     * {@code <vjp, d>} against the central difference of {@code f} along a random relative
     * direction {@code d}, within the derived tolerance (class doc).
     *
     * @param terms the number of terms summed in one evaluation of {@code f}
     * @param magnitude {@code sum |w_i r_i|} at a point, for the rounding bound
     */
    static void check(
            String what,
            double[] mu,
            double[] vjp,
            int terms,
            ToDoubleFunction<double[]> f,
            ToDoubleFunction<double[]> magnitude,
            RandomGenerator rng) {
        double[] d = new double[mu.length];
        for (int j = 0; j < mu.length; j++) {
            d[j] = (2 * rng.nextDouble() - 1) * mu[j];
        }
        double exact = dot(vjp, d);
        double dh = central(f, mu, d, H);
        double d2h = central(f, mu, d, 2 * H);
        double rounding = (terms + 8) * Math.ulp(1.0) * magnitude.applyAsDouble(mu) / H;
        double tolerance = Math.abs(d2h - dh) + rounding;
        assertEquals(dh, exact, tolerance, what);
    }

    static double central(ToDoubleFunction<double[]> f, double[] mu, double[] d, double h) {
        double[] plus = mu.clone();
        double[] minus = mu.clone();
        for (int j = 0; j < mu.length; j++) {
            plus[j] += h * d[j];
            minus[j] -= h * d[j];
        }
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }

    static double[] uniform(int n, RandomGenerator rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rng.nextDouble() - 1;
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double absDot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }

    /** {@code sum_{i,s'} u[i] p[i*nS + s'] v[s']}. */
    static double bilinear(double[] p, double[] u, double[] v) {
        int nS = v.length;
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            double row = 0.0;
            for (int s2 = 0; s2 < nS; s2++) {
                row += p[i * nS + s2] * v[s2];
            }
            s += u[i] * row;
        }
        return s;
    }

    static double absBilinear(double[] p, double[] u, double[] v) {
        int nS = v.length;
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            for (int s2 = 0; s2 < nS; s2++) {
                s += Math.abs(u[i] * p[i * nS + s2] * v[s2]);
            }
        }
        return s;
    }
}
