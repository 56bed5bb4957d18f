package org.mfgkit.nac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.Tolerances;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.MeanFieldGame;
import org.mfgkit.mdp.PolicyEvaluation;

class ExactOraclesTest {
    private static LogLinearPolicy randomPolicy(FeatureMap phi, long seed) {
        RandomGenerator rng = RandomStreams.create(seed);
        double[] theta = new double[phi.dim()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 2 * rng.nextDouble() - 1;
        }
        return new LogLinearPolicy(phi, theta);
    }

    /**
     * The exact critic against the iterative (fixed-point) evaluation of mdp, an independent route.
     */
    @Test
    void criticIsTheShiftedSoftQ() {
        MeanFieldGame sis = Games.sis();
        MeanFieldEnvironment env = new MeanFieldEnvironment(sis);
        LogLinearPolicy pi = randomPolicy(FeatureMap.oneHot(2, 2), 3);
        env.advance(pi, 0.5);
        double[] q = new ExactCriticOracle(env).estimate(pi, null);
        FiniteMdp mdp = sis.inducedMdp(env.meanField());
        double[] v = PolicyEvaluation.evaluateIteratively(mdp, pi, 0.1, Tolerances.SOLVER);
        for (int s = 0; s < 2; s++) {
            for (int a = 0; a < 2; a++) {
                double expected =
                        mdp.r(s, a)
                                + 0.9 * (mdp.p(s, a, 0) * v[0] + mdp.p(s, a, 1) * v[1])
                                - 0.1 * pi.logProb(s, a);
                assertEquals(expected, q[s * 2 + a], Tolerances.TEST_ITERATIVE);
            }
        }
    }

    /**
     * One-hot features: the minimum-norm solution is {@code A(s,.)} minus its unweighted mean over
     * actions (the oracle's closed form), and the general SVD path finds the same.
     */
    @Test
    void actorWithOneHotFeaturesReturnsTheCentredAdvantage() {
        MeanFieldGame game =
                Games.fromMdp(
                        FiniteMdp.random(3, 4, 0.8, RandomStreams.create(5)),
                        new double[] {0.2, 0.3, 0.5},
                        0.2);
        MeanFieldEnvironment env = new MeanFieldEnvironment(game);
        FeatureMap phi = FeatureMap.oneHot(3, 4);
        LogLinearPolicy pi = randomPolicy(phi, 6);
        double[] advantage = new double[12];
        RandomGenerator rng = RandomStreams.create(7);
        for (int s = 0; s < 3; s++) {
            double mean = 0.0;
            for (int a = 0; a < 4; a++) {
                advantage[s * 4 + a] = rng.nextDouble();
                mean += pi.prob(s, a) * advantage[s * 4 + a];
            }
            for (int a = 0; a < 4; a++) {
                advantage[s * 4 + a] -= mean; // an advantage: pi-mean zero
            }
        }
        double[] w = new ExactActorOracle(env, phi).estimate(pi, advantage, null);
        double[] occupancy =
                org.mfgkit.mdp.Occupancy.discounted(
                        env.inducedMdp(), pi, env.initialDistribution());
        double[] table = pi.table();
        double[] svd =
                ExactActorOracle.solve(
                        Tables.scores(Tables.features(phi), table, 3, 4, 12),
                        occupancy,
                        table,
                        advantage,
                        3,
                        4,
                        12);
        assertArrayEquals(svd, w, Tolerances.TEST_EXACT);
        for (int s = 0; s < 3; s++) {
            double plain = 0.0;
            for (int a = 0; a < 4; a++) {
                plain += advantage[s * 4 + a] / 4;
            }
            for (int a = 0; a < 4; a++) {
                assertEquals(advantage[s * 4 + a] - plain, w[s * 4 + a], Tolerances.TEST_EXACT);
            }
        }
    }

    /**
     * Compact features with a non-singular Fisher matrix: the normal equations {@code F w = E[g A]}
     * solved by LU.
     */
    @Test
    void actorWithCompactFeaturesSolvesTheNormalEquations() {
        MeanFieldGame game =
                Games.fromMdp(
                        FiniteMdp.random(4, 3, 0.8, RandomStreams.create(8)),
                        new double[] {0.1, 0.2, 0.3, 0.4},
                        0.2);
        MeanFieldEnvironment env = new MeanFieldEnvironment(game);
        FeatureMap phi = SgdActorTest.randomFeatures(4, 3, 3, 9);
        LogLinearPolicy pi = randomPolicy(phi, 10);
        double[] advantage = new double[12];
        RandomGenerator rng = RandomStreams.create(11);
        for (int i = 0; i < 12; i++) {
            advantage[i] = rng.nextDouble() * 2 - 1;
        }
        double[] w = new ExactActorOracle(env, phi).estimate(pi, advantage, null);
        double[] d =
                org.mfgkit.mdp.Occupancy.discounted(
                        env.inducedMdp(), pi, env.initialDistribution());
        DMatrixRMaj f = new DMatrixRMaj(3, 3);
        DMatrixRMaj b = new DMatrixRMaj(3, 1);
        double[] g = new double[3];
        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 3; a++) {
                pi.score(s, a, g);
                double weight = d[s] * pi.prob(s, a);
                for (int i = 0; i < 3; i++) {
                    b.add(i, 0, weight * g[i] * advantage[s * 3 + a]);
                    for (int j = 0; j < 3; j++) {
                        f.add(i, j, weight * g[i] * g[j]);
                    }
                }
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.solve(f, b, x);
        assertArrayEquals(
                x.data,
                w,
                Tolerances.TEST_ITERATIVE); // the normal equations square the condition number
    }
}
