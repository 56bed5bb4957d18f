package org.mfgkit.nac;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.LogLinearPolicy;
import org.mfgkit.mdp.FiniteMdp;
import org.mfgkit.mdp.Occupancy;

/**
 * Exact actor for ablation: the compatible least squares {@code min_w sum_{s,a} d_pi(s) pi(a|s)
 * (w^T g(s,a) - A(s,a))^2}, {@code g = grad log pi}, solved exactly with the true discounted
 * occupancy {@code d_pi} of the MDP induced by the current mean field. The solution set is an
 * affine space when the Fisher matrix is singular (always for one-hot features: {@code w(s,.) +
 * c_s} fits as well as {@code w(s,.)}); the minimum-norm solution is returned (SVD pseudo-inverse,
 * EJML), which is also what SGD started at 0 converges to. For one-hot features the problem splits
 * by state and the minimum-norm solution is closed-form, {@code w(s,a) = A(s,a) - (1/|A|) sum_b
 * A(s,b)} when {@code d_pi(s) > 0} (0 otherwise), which this class uses (exact, and free of the
 * round-off that drops actions of probability below about {@code 1e-28} from the SVD). The radius
 * {@code R} of Algorithm 3 is not imposed: this oracle is the unconstrained minimiser.
 */
public final class ExactActorOracle implements ActorOracle {
    private final InducedModel env;

    /** {@code phi[(s*nA + a)*d + k]}. */
    private final double[] phi;

    private final int d;

    /** One-hot features: closed-form solution. */
    private final boolean oneHot;

    /** An exact actor for policies with features {@code features} in {@code env}. */
    public ExactActorOracle(InducedModel env, FeatureMap features) {
        FiniteMdp mdp = env.inducedMdp();
        if (features.nS() != mdp.nS() || features.nA() != mdp.nA()) {
            throw new IllegalArgumentException(
                    "feature map is "
                            + features.nS()
                            + "x"
                            + features.nA()
                            + ", the game is "
                            + mdp.nS()
                            + "x"
                            + mdp.nA());
        }
        this.env = env;
        this.phi = Tables.features(features);
        this.d = features.dim();
        this.oneHot = Tables.isOneHot(features);
    }

    @Override
    public double[] estimate(LogLinearPolicy pi, double[] advantage, RandomGenerator rng) {
        FiniteMdp mdp = env.inducedMdp();
        int nS = mdp.nS();
        int nA = mdp.nA();
        if (advantage.length != nS * nA) {
            throw new IllegalArgumentException(
                    "advantage table has length "
                            + advantage.length
                            + ", expected nS*nA = "
                            + nS * nA);
        }
        double[] occupancy = Occupancy.discounted(mdp, pi, env.initialDistribution());
        if (oneHot) {
            double[] w = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                if (!(occupancy[s] > 0.0)) {
                    continue;
                }
                double mean = 0.0;
                for (int a = 0; a < nA; a++) {
                    mean += advantage[s * nA + a];
                }
                mean /= nA;
                for (int a = 0; a < nA; a++) {
                    w[s * nA + a] = advantage[s * nA + a] - mean;
                }
            }
            return w;
        }
        double[] table = pi.table();
        double[] scores = Tables.scores(phi, table, nS, nA, d);
        return solve(scores, occupancy, table, advantage, nS, nA, d);
    }

    /**
     * Minimum-norm solution of the weighted least squares with rows {@code sqrt(d(s) pi(a|s))
     * g(s,a)} and targets {@code sqrt(d(s) pi(a|s)) A(s,a)}; rows of zero weight are dropped.
     */
    static double[] solve(
            double[] scores,
            double[] occupancy,
            double[] pi,
            double[] advantage,
            int nS,
            int nA,
            int d) {
        int rows = 0;
        for (int sa = 0; sa < nS * nA; sa++) {
            if (occupancy[sa / nA] * pi[sa] > 0.0) {
                rows++;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(rows, d);
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        int row = 0;
        for (int sa = 0; sa < nS * nA; sa++) {
            double weight = occupancy[sa / nA] * pi[sa];
            if (!(weight > 0.0)) {
                continue;
            }
            double root = Math.sqrt(weight);
            for (int k = 0; k < d; k++) {
                x.data[row * d + k] = root * scores[sa * d + k];
            }
            y.data[row] = root * advantage[sa];
            row++;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(x)) {
            throw new IllegalStateException("compatible least squares: SVD failed");
        }
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        solver.solve(y, w);
        return w.data;
    }

    @Override
    public long samples() {
        return 0;
    }
}
