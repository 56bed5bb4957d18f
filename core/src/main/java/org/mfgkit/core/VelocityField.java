package org.mfgkit.core;

/**
 * The particle velocity field of the exact softmax policy-gradient flow at a network {@code nu}
 * (000 eq. (9); bandit: eq. (12); SPEC §4), in the time of eq. (9) (rescaled by {@code N}):
 *
 * <pre>
 *   F(omega) = sum_s varrho(s) Cov_{pi(s,.)}[∇_omega psi(s,.; omega), Q(s,.) - lambda log pi(s,.)]
 *            = sum_{s,a} c(s,a) ∇_omega psi(x(s,a); omega),
 *   c(s,a)   = varrho(s) pi(a|s) (G(s,a) - sum_a' pi(a'|s) G(s,a')),   G = Q - lambda log pi.
 * </pre>
 *
 * {@code F(w_i) = N ∇_{w_i} E(nu)}, with {@code E = V_pi(rho0)}. Only differences of {@code G}
 * within a state enter, so adding a constant to {@code f} (which shifts {@code log pi} by nothing
 * and {@code G} by a per-state constant) leaves {@code F} unchanged. The field is defined for every
 * {@code omega}, not only at the particles ({@link #at}).
 */
public final class VelocityField {
    private final MeanFieldSoftmaxPolicy policy;
    private final PolicyEvaluator.Evaluation evaluation;

    /** {@code c[s*nA + a]}, see the class comment. */
    private final double[] c;

    private final boolean parallel;

    /** {@code F(w_i)} for the network's particles, computed on first use. */
    private double[] particles;

    private VelocityField(
            MeanFieldSoftmaxPolicy policy,
            PolicyEvaluator.Evaluation evaluation,
            double[] c,
            boolean parallel) {
        this.policy = policy;
        this.evaluation = evaluation;
        this.c = c;
        this.parallel = parallel;
    }

    /** Evaluates {@code pi_nu} exactly with {@code evaluator} and forms the field. */
    public static VelocityField of(MeanFieldSoftmaxPolicy policy, PolicyEvaluator evaluator) {
        InputMap inputs = policy.inputs();
        return of(
                policy,
                evaluator,
                (long) policy.network().width() * inputs.nS() * inputs.nA()
                        >= KernelThreads.PARALLEL_WORK);
    }

    /**
     * As {@link #of(MeanFieldSoftmaxPolicy, PolicyEvaluator)}, choosing whether the particle sums
     * run in parallel.
     */
    public static VelocityField of(
            MeanFieldSoftmaxPolicy policy, PolicyEvaluator evaluator, boolean parallel) {
        int nS = policy.nS();
        int nA = policy.nA();
        if (evaluator.nS() != nS || evaluator.nA() != nA) {
            throw new IllegalArgumentException(
                    "evaluator shape "
                            + evaluator.nS()
                            + "x"
                            + evaluator.nA()
                            + " does not match the policy's "
                            + nS
                            + "x"
                            + nA);
        }
        PolicyEvaluator.Evaluation ev = evaluator.evaluate(policy);
        if (ev.varrho().length != nS || ev.q().length != nS * nA) {
            throw new IllegalArgumentException("evaluator returned arrays of the wrong shape");
        }
        double lambda = evaluator.lambda();
        double[] pi = policy.tableArray();
        double[] logPi = policy.logTableArray();
        double[] q = ev.q();
        double[] varrho = ev.varrho();
        double[] c = new double[nS * nA];
        for (int s = 0; s < nS; s++) {
            int row = s * nA;
            double mean = 0.0;
            for (int a = 0; a < nA; a++) {
                double g = q[row + a] - lambda * logPi[row + a];
                c[row + a] = g;
                mean += pi[row + a] * g;
            }
            double rs = varrho[s];
            for (int a = 0; a < nA; a++) {
                c[row + a] = rs * pi[row + a] * (c[row + a] - mean);
            }
        }
        return new VelocityField(policy, ev, c, parallel);
    }

    /** The policy {@code pi_nu} the field was computed at. */
    public MeanFieldSoftmaxPolicy policy() {
        return policy;
    }

    /** The exact evaluation of {@code pi_nu}. */
    public PolicyEvaluator.Evaluation evaluation() {
        return evaluation;
    }

    /** {@code E(nu) = V_{pi_nu}(rho0)}. */
    public double value() {
        return evaluation.value();
    }

    /** The weights {@code c(s,a)} (a copy). */
    public double[] coefficients() {
        return c.clone();
    }

    /**
     * {@code F(w_i)} for every particle of the network, flat layout of {@link TwoLayerNetwork} (a
     * copy).
     */
    public double[] onParticles() {
        return particlesArray().clone();
    }

    /** Internal particle velocities (no copy; read only). */
    double[] particlesArray() {
        if (particles == null) {
            particles = policy.network().unitGradientSums(policy.inputs(), c, parallel);
        }
        return particles;
    }

    /**
     * {@code F(omega)} for an arbitrary particle {@code omega = (w0, wbar)}, written into {@code
     * out[0..d]}.
     */
    public void at(double[] omega, double[] out) {
        TwoLayerNetwork.unitGradientSum(
                policy.network().activation(), omega, policy.inputs(), c, out);
    }

    /** Largest {@code |F(w_i)|_2} over the particles (a stationarity measure). */
    public double maxParticleSpeed() {
        double[] f = particlesArray();
        int p = policy.network().inputDim() + 1;
        double max = 0.0;
        for (int i = 0; i < f.length; i += p) {
            double s = 0.0;
            for (int k = 0; k < p; k++) {
                s += f[i + k] * f[i + k];
            }
            max = Math.max(max, Math.sqrt(s));
        }
        return max;
    }
}
