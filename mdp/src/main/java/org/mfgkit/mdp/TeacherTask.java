package org.mfgkit.mdp;

import java.util.random.RandomGenerator;
import org.mfgkit.core.Activation;
import org.mfgkit.core.BanditEvaluator;
import org.mfgkit.core.InputMap;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.Policy;
import org.mfgkit.core.PolicyEvaluator;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.TwoLayerNetwork;
import org.mfgkit.core.param.Checks;

/**
 * The teacher-student tasks of 000 §5 (SPEC §4): a teacher network {@code f*} on the default inputs
 * {@code x(s,a) = (s, a, 1)} of a uniform grid of {@code [0,1]^2} defines the soft-optimal {@code
 * Q* = lambda f*}; the reward is the one whose soft-optimal Q-function is {@code Q*}: {@code r = Q*
 * - gamma P V*}, {@code V*(s) = lambda log sum_a exp(Q*(s,a)/lambda)}. Hence {@code pi* ∝ exp(Q* /
 * lambda) = exp(f*)} is realisable by a network of the teacher's class.
 *
 * <ul>
 *   <li>{@link #bandit}: 000 §5 (a), one state, {@code A = [0,1]} gridded; {@code r = Q*}.
 *   <li>{@link #grid}: 000 §5 (b), {@code n} states and {@code n} actions on the same grid of
 *       {@code [0,1]}, {@code P(s'|s,a) = stay * 1{s' = a} + (1 - stay)/n} (action {@code a} leads
 *       to the state with the same grid index), {@code rho0} uniform.
 * </ul>
 */
public final class TeacherTask {
    private final FiniteMdp mdp;

    /** Entropy weight {@code lambda} ({@code tau} in 000). */
    private final double lambda;

    /** Start distribution {@code rho0}. */
    private final double[] rho0;

    private final InputMap inputs;
    private final TwoLayerNetwork teacher;

    /** {@code Q*[s*nA + a] = lambda f*(s,a)}. */
    private final double[] qStar;

    /** {@code V*[s]}. */
    private final double[] vStar;

    private final TabularPolicy piStar;
    private final PolicyEvaluator evaluator;

    private TeacherTask(
            FiniteMdp mdp,
            double lambda,
            double[] rho0,
            InputMap inputs,
            TwoLayerNetwork teacher,
            double[] qStar,
            PolicyEvaluator evaluator) {
        this.mdp = mdp;
        this.lambda = lambda;
        this.rho0 = rho0;
        this.inputs = inputs;
        this.teacher = teacher;
        this.qStar = qStar;
        int nS = mdp.nS();
        int nA = mdp.nA();
        this.vStar = new double[nS];
        for (int s = 0; s < nS; s++) {
            vStar[s] = Numerics.softMax(qStar, s * nA, nA, lambda);
        }
        this.piStar = TabularPolicy.softmax(nS, nA, qStar, lambda);
        this.evaluator = evaluator;
    }

    /**
     * A teacher as in 000 §5: ReLU units, input {@code (s, a, 1)}, mean-field scaling {@code
     * 1/width}, all weights i.i.d. {@code N(0, std^2)} (000: width 5, variance 4).
     */
    public static TwoLayerNetwork teacher(int width, double std, RandomGenerator rng) {
        return TwoLayerNetwork.gaussian(Activation.RELU, width, 3, std, std, rng);
    }

    /**
     * 000 §5 (a): the bandit on {@code nA} equally spaced actions of {@code [0,1]}, {@code r =
     * lambda f*}.
     */
    public static TeacherTask bandit(int nA, TwoLayerNetwork teacher, double lambda) {
        requireLambda(lambda);
        InputMap inputs = InputMap.grid(1, nA);
        double[] q = scaled(teacher.energies(inputs), lambda);
        FiniteMdp mdp = FiniteMdp.owning(1, nA, 0.0, filled(nA, 1.0), q.clone());
        return new TeacherTask(
                mdp,
                lambda,
                new double[] {1.0},
                inputs,
                teacher,
                q,
                new BanditEvaluator(q, lambda));
    }

    /**
     * 000 §5 (b): {@code n x n} grid of {@code [0,1]^2}, discount {@code gamma}, transitions {@code
     * stay * 1{s' = a} + (1 - stay)/n}, reward derived from {@code Q* = lambda f*}, {@code rho0}
     * uniform.
     */
    public static TeacherTask grid(
            int n, double gamma, double stay, TwoLayerNetwork teacher, double lambda) {
        requireLambda(lambda);
        FiniteMdp.requireGamma(gamma);
        if (n <= 0) {
            throw new IllegalArgumentException("grid size must be > 0, got " + n);
        }
        Checks.requireReal("stay probability", stay, Checks.unitInterval());
        InputMap inputs = InputMap.grid(n, n);
        double[] q = scaled(teacher.energies(inputs), lambda);
        double[] p = new double[n * n * n];
        double leak = (1.0 - stay) / n;
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < n; a++) {
                int base = (s * n + a) * n;
                for (int s2 = 0; s2 < n; s2++) {
                    p[base + s2] = leak;
                }
                p[base + a] += stay;
            }
        }
        FiniteMdp transitions = FiniteMdp.owning(n, n, gamma, p, new double[n * n]);
        FiniteMdp mdp = transitions.withRewards(softOptimalReward(transitions, q, lambda));
        double[] rho0 = filled(n, 1.0 / n);
        return new TeacherTask(
                mdp, lambda, rho0, inputs, teacher, q, new ExactPolicyEvaluator(mdp, lambda, rho0));
    }

    /**
     * The reward whose soft-optimal Q-function is {@code qStar} in the transitions and discount of
     * {@code transitions} (its rewards are ignored): {@code r = Q* - gamma P V*}, {@code V*(s) =
     * lambda log sum_a exp(Q*(s,a)/lambda)}. Flat {@code [s*nA + a]}.
     */
    public static double[] softOptimalReward(FiniteMdp transitions, double[] qStar, double lambda) {
        PolicyEvaluation.requireLambda(lambda);
        int nS = transitions.nS();
        int nA = transitions.nA();
        if (qStar == null || qStar.length != nS * nA) {
            throw new IllegalArgumentException(
                    "Q* has length "
                            + (qStar == null ? "null" : qStar.length)
                            + ", expected nS*nA = "
                            + nS * nA);
        }
        double[] v = new double[nS];
        for (int s = 0; s < nS; s++) {
            v[s] = Numerics.softMax(qStar, s * nA, nA, lambda);
        }
        double[] pv =
                PolicyEvaluation.qValues(
                        transitions.withRewards(new double[nS * nA]), v); // gamma P V*
        double[] r = new double[nS * nA];
        for (int sa = 0; sa < r.length; sa++) {
            r[sa] = qStar[sa] - pv[sa];
        }
        return r;
    }

    /** The MDP (for the bandit: one state, {@code gamma = 0}). */
    public FiniteMdp mdp() {
        return mdp;
    }

    /** Entropy weight. */
    public double lambda() {
        return lambda;
    }

    /** Start distribution {@code rho0} (a copy). */
    public double[] rho0() {
        return rho0.clone();
    }

    /** The inputs {@code x(s,a) = (s, a, 1)} on the grid (use them for the student too). */
    public InputMap inputs() {
        return inputs;
    }

    /** The teacher network {@code f*}. */
    public TwoLayerNetwork teacher() {
        return teacher;
    }

    /** {@code Q* = lambda f*}, flat (a copy). */
    public double[] qStar() {
        return qStar.clone();
    }

    /** {@code V*(s)} (a copy). */
    public double[] vStar() {
        return vStar.clone();
    }

    /** {@code pi* ∝ exp(Q* / lambda)}. */
    public TabularPolicy optimalPolicy() {
        return piStar;
    }

    /** {@code E(nu*) = V*(rho0)}. */
    public double optimalValue() {
        return PolicyEvaluation.value(vStar, rho0);
    }

    /**
     * The exact evaluator for the flow ({@link BanditEvaluator} for the bandit, {@link
     * ExactPolicyEvaluator} otherwise).
     */
    public PolicyEvaluator evaluator() {
        return evaluator;
    }

    /** {@code E(nu*) - E(pi) = V*(rho0) - V_pi(rho0)}, by exact evaluation. */
    public double gap(Policy pi) {
        return optimalValue() - evaluator.evaluate(pi).value();
    }

    /**
     * {@code sum_s weights(s) KL(pi(.|s) || pi*(.|s))}; {@code weights} must have length {@code
     * nS}.
     */
    public double kl(Policy pi, double[] weights) {
        int nS = mdp.nS();
        int nA = mdp.nA();
        if (weights.length != nS) {
            throw new IllegalArgumentException(
                    "weights have length " + weights.length + ", expected nS = " + nS);
        }
        double[] row = new double[nA];
        double[] star = new double[nA];
        double sum = 0.0;
        for (int s = 0; s < nS; s++) {
            pi.probabilities(s, row);
            piStar.probabilities(s, star);
            sum += weights[s] * Numerics.klDivergence(row, star);
        }
        return sum;
    }

    /** State-average {@code (1/nS) sum_s KL(pi(.|s) || pi*(.|s))}. */
    public double meanKl(Policy pi) {
        return kl(pi, filled(mdp.nS(), 1.0 / mdp.nS()));
    }

    /**
     * Occupancy-weighted {@code sum_s d_pi(s) KL(pi(.|s) || pi*(.|s))}. By the soft
     * performance-difference identity {@code E(nu*) - E(pi) = lambda/(1-gamma) * occupancyKl(pi)}.
     */
    public double occupancyKl(Policy pi) {
        return kl(pi, Occupancy.discounted(mdp, pi, rho0));
    }

    private static double[] scaled(double[] f, double lambda) {
        for (int i = 0; i < f.length; i++) {
            f[i] *= lambda;
        }
        return f;
    }

    private static double[] filled(int n, double value) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, value);
        return x;
    }

    private static void requireLambda(double lambda) {
        if (!(lambda > 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException(
                    "teacher task needs lambda > 0 (Q* = lambda f*), got " + lambda);
        }
    }
}
