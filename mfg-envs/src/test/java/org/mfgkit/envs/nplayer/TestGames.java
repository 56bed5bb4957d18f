package org.mfgkit.envs.nplayer;

import java.util.SplittableRandom;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.GameModel;
import org.mfgkit.envs.Games;
import org.mfgkit.mdp.FiniteHorizonMeanFieldGame;
import org.mfgkit.mdp.MeanFieldGame;

/**
 * Games for the N-player tests: registry games and small random ones whose kernels bend with mu.
 */
final class TestGames {
    private TestGames() {}

    /** A registered environment with its defaults, as an N-player game. */
    static NPlayerGame registered(String name) {
        return registered(name, java.util.Map.of());
    }

    /** A registered environment with {@code --set} overrides, as an N-player game. */
    static NPlayerGame registered(String name, java.util.Map<String, String> overrides) {
        GameModel model = Games.create(name, overrides);
        return model.isStationary()
                ? NPlayerGame.of(name, model.stationary())
                : NPlayerGame.of(name, model.finiteHorizon());
    }

    /**
     * A random game: {@code P(s'|s,a,mu) ∝ exp(A[s,a,s'] + B[s,a,s'] . mu)}, {@code r(s,a,mu) =
     * C[s,a] + D[s,a] . mu + E[s,a] mu(0)^2}, time-independent coefficients.
     */
    static final class RandomKernel {
        final int nS;
        final int nA;
        final double[] a;
        final double[] b;
        final double[] c;
        final double[] d;
        final double[] e;

        RandomKernel(int nS, int nA, long seed) {
            this.nS = nS;
            this.nA = nA;
            SplittableRandom rng = new SplittableRandom(seed);
            a = fill(nS * nA * nS, rng, 1.0);
            b = fill(nS * nA * nS * nS, rng, 2.0);
            c = fill(nS * nA, rng, 1.0);
            d = fill(nS * nA * nS, rng, 1.0);
            e = fill(nS * nA, rng, 1.0);
        }

        private static double[] fill(int n, SplittableRandom rng, double scale) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = scale * (2 * rng.nextDouble() - 1);
            }
            return x;
        }

        void transitions(double[] mu, double[] out) {
            for (int s = 0; s < nS; s++) {
                for (int u = 0; u < nA; u++) {
                    int base = (s * nA + u) * nS;
                    double sum = 0.0;
                    for (int s2 = 0; s2 < nS; s2++) {
                        double z = a[base + s2];
                        for (int j = 0; j < nS; j++) {
                            z += b[(base + s2) * nS + j] * mu[j];
                        }
                        out[base + s2] = Math.exp(z);
                        sum += out[base + s2];
                    }
                    for (int s2 = 0; s2 < nS; s2++) {
                        out[base + s2] /= sum;
                    }
                }
            }
        }

        void rewards(double[] mu, double[] out) {
            for (int i = 0; i < nS * nA; i++) {
                double v = c[i] + e[i] * mu[0] * mu[0];
                for (int j = 0; j < nS; j++) {
                    v += d[i * nS + j] * mu[j];
                }
                out[i] = v;
            }
        }

        double[] mu0() {
            double[] mu = new double[nS];
            for (int s = 0; s < nS; s++) {
                mu[s] = (s + 1.0) * 2.0 / (nS * (nS + 1.0));
            }
            return mu;
        }

        /** A random policy with full support. */
        TabularPolicy policy(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] p = new double[nS][nA];
            for (int s = 0; s < nS; s++) {
                double sum = 0.0;
                for (int u = 0; u < nA; u++) {
                    p[s][u] = 0.2 + rng.nextDouble();
                    sum += p[s][u];
                }
                for (int u = 0; u < nA; u++) {
                    p[s][u] /= sum;
                }
            }
            return TabularPolicy.of(p);
        }

        FiniteHorizonMeanFieldGame finite(int horizon, double lambda) {
            RandomKernel k = this;
            return new FiniteHorizonMeanFieldGame() {
                public int nS() {
                    return k.nS;
                }

                public int nA() {
                    return k.nA;
                }

                public int horizon() {
                    return horizon;
                }

                public double lambda() {
                    return lambda;
                }

                public double[] mu0() {
                    return k.mu0();
                }

                public void transitions(int t, double[] mu, double[] out) {
                    k.transitions(mu, out);
                }

                public void rewards(int t, double[] mu, double[] out) {
                    k.rewards(mu, out);
                }
            };
        }

        MeanFieldGame stationary(double gamma, double lambda) {
            RandomKernel k = this;
            return new MeanFieldGame() {
                public int nS() {
                    return k.nS;
                }

                public int nA() {
                    return k.nA;
                }

                public double gamma() {
                    return gamma;
                }

                public double lambda() {
                    return lambda;
                }

                public double[] mu0() {
                    return k.mu0();
                }

                public void transitions(double[] mu, double[] out) {
                    k.transitions(mu, out);
                }

                public void rewards(double[] mu, double[] out) {
                    k.rewards(mu, out);
                }
            };
        }
    }

    /** A game whose "mean field" is a state-action statistic: the N-player view must refuse it. */
    static MeanFieldGame actionMeanField() {
        MeanFieldGame base = new RandomKernel(2, 2, 1).stationary(0.9, 0.1);
        return new MeanFieldGame() {
            public int nS() {
                return 2;
            }

            public int nA() {
                return 2;
            }

            public double gamma() {
                return base.gamma();
            }

            public double lambda() {
                return base.lambda();
            }

            public double[] mu0() {
                return base.mu0();
            }

            public void transitions(double[] mu, double[] out) {
                base.transitions(mu, out);
            }

            public void rewards(double[] mu, double[] out) {
                base.rewards(mu, out);
            }

            @Override
            public boolean meanFieldIsStateDistribution() {
                return false;
            }
        };
    }
}
