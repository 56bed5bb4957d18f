package org.mfgkit.core;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;

/**
 * Exact mean-field softmax policy-gradient flow of a {@link TwoLayerNetwork} (000 eq. (9), its
 * Wasserstein form eq. (10); bandit: eq. (12); SPEC §4): every particle moves with the {@link
 * VelocityField} {@code dw_i/dt = F(w_i; nu_t)}, computed exactly from {@code varrho_pi} and {@code
 * Q_pi} supplied by a {@link PolicyEvaluator}. Time is that of eq. (9) (the plain gradient ascent
 * time of eq. (5) rescaled by {@code N}), so the dynamics does not depend on the width.
 *
 * <p>Time steppers: explicit Euler {@code w <- w + dt F(w)} (one evaluation per step) and Heun's
 * second-order method {@code w <- w + dt/2 (F(w) + F(w + dt F(w)))} (two). See {@link
 * StepSettings#defaults()} for the default step and {@link StepSettings#paper()} for the seed's.
 */
public final class PolicyGradientFlow {
    /** Time step {@code dt} in the time of eq. (9). */
    public static final Param<Double> DT =
            Param.real("dt", StepSettings.DEFAULT_DT, "time step in the time of eq. (9)")
                    .check(Checks.positive());

    /** Time stepper: {@code euler}, {@code heun} (or its other name {@code rk2}). */
    public static final Param<String> INTEGRATOR =
            Param.choice(
                    "integrator",
                    "euler",
                    List.of("euler", "heun", "rk2"),
                    "time stepper: explicit Euler or Heun (RK2)");

    /** Time stepper. */
    public enum Integrator {
        /** Explicit Euler, first order. */
        EULER,
        /** Heun (explicit trapezoid, RK2), second order. */
        HEUN;

        /** Parses {@code euler} / {@code heun} (also {@code rk2}), case-insensitive. */
        public static Integrator parse(String name) {
            String n = INTEGRATOR.parse(name == null ? "" : name.toLowerCase(Locale.ROOT));
            return n.equals("euler") ? EULER : HEUN;
        }

        /** The name in configs: {@code euler} or {@code heun}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Step settings.
     *
     * @param dt time step in the time of eq. (9), {@code > 0}
     * @param integrator time stepper
     */
    public record StepSettings(double dt, Integrator integrator) {
        /** The step used by 000 §5 ("fixed step-size 1e-3"). */
        public static final double PAPER_DT = 1e-3;

        /** Default explicit-Euler step; see {@link #defaults()}. */
        public static final double DEFAULT_DT = 1.0;

        /** Validates {@code dt} (by {@link #DT}) and the integrator. */
        public StepSettings {
            DT.validate(dt);
            if (integrator == null) {
                throw new IllegalArgumentException("integrator is required");
            }
        }

        /**
         * Explicit Euler with {@code dt = 1.0} in the time of eq. (9). On both seed-000 tasks
         * ({@code lambda = 0.2}, rewards {@code Q* = lambda f*}, student ReLU width 800) this step
         * keeps {@code E(nu_t)} monotone; see the core README for the measurements.
         */
        public static StepSettings defaults() {
            return new StepSettings(DEFAULT_DT, Integrator.EULER);
        }

        /** Explicit Euler with the seed's step {@code 1e-3}. */
        public static StepSettings paper() {
            return new StepSettings(PAPER_DT, Integrator.EULER);
        }

        /** The same settings with another step. */
        public StepSettings withDt(double newDt) {
            return new StepSettings(newDt, integrator);
        }

        /** The same settings with another time stepper. */
        public StepSettings withIntegrator(Integrator newIntegrator) {
            return new StepSettings(dt, newIntegrator);
        }
    }

    /**
     * A trajectory: the objective {@code E(nu_{t_k})} at {@code t_k = k*dt}, {@code k = 0..steps}
     * (a single-run {@link Curve} over time), the final network and the field there.
     *
     * @param objective {@code E(nu_t)} against the time of eq. (9)
     * @param last the network at the final time
     * @param lastField the velocity field there
     */
    public record Trajectory(Curve objective, TwoLayerNetwork last, VelocityField lastField) {
        /** Validates presence. */
        public Trajectory {
            if (objective == null || last == null || lastField == null) {
                throw new IllegalArgumentException(
                        "trajectory: objective, last network and last field are required");
            }
        }

        /** {@code E(nu_{t_k})} for {@code k = 0..steps} (the curve's stored array). */
        public double[] values() {
            return objective.runs()[0];
        }

        /** Number of steps taken. */
        public int steps() {
            return objective.size() - 1;
        }

        /**
         * Largest decrease {@code max_k (E_k - E_{k+1})}, 0 if {@code E} never decreased (ascent is
         * monotone).
         */
        public double largestDecrease() {
            double[] values = values();
            double worst = 0.0;
            for (int k = 0; k + 1 < values.length; k++) {
                worst = Math.max(worst, values[k] - values[k + 1]);
            }
            return worst;
        }
    }

    private final InputMap inputs;
    private final PolicyEvaluator evaluator;
    private final StepSettings params;

    /** The flow on inputs {@code x(s,a)} for the task evaluated by {@code evaluator}. */
    public PolicyGradientFlow(InputMap inputs, PolicyEvaluator evaluator, StepSettings params) {
        if (inputs == null || evaluator == null || params == null) {
            throw new IllegalArgumentException("inputs, evaluator and params are required");
        }
        if (inputs.nS() != evaluator.nS() || inputs.nA() != evaluator.nA()) {
            throw new IllegalArgumentException(
                    "input map shape "
                            + inputs.nS()
                            + "x"
                            + inputs.nA()
                            + " does not match the evaluator's "
                            + evaluator.nS()
                            + "x"
                            + evaluator.nA());
        }
        this.inputs = inputs;
        this.evaluator = evaluator;
        this.params = params;
    }

    /** The input map. */
    public InputMap inputs() {
        return inputs;
    }

    /** The evaluator. */
    public PolicyEvaluator evaluator() {
        return evaluator;
    }

    /** The step settings. */
    public StepSettings params() {
        return params;
    }

    /** The policy of {@code network} on this flow's inputs. */
    public MeanFieldSoftmaxPolicy policy(TwoLayerNetwork network) {
        requireNetwork(network);
        return MeanFieldSoftmaxPolicy.of(network, inputs);
    }

    /** The velocity field at {@code network} (one exact evaluation). */
    public VelocityField field(TwoLayerNetwork network) {
        return VelocityField.of(policy(network), evaluator);
    }

    /** One step from {@code network}, whose field {@code here} has already been computed. */
    public TwoLayerNetwork step(TwoLayerNetwork network, VelocityField here) {
        if (here.policy().network() != network) {
            throw new IllegalArgumentException("the field was computed at another network");
        }
        double dt = params.dt();
        double[] f1 = here.particlesArray();
        if (params.integrator() == Integrator.EULER) {
            return network.plus(dt, f1);
        }
        TwoLayerNetwork predictor = network.plus(dt, f1);
        double[] f2 = field(predictor).particlesArray();
        double[] mean = new double[f1.length];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = 0.5 * (f1[j] + f2[j]);
        }
        return network.plus(dt, mean);
    }

    /** One step from {@code network}. */
    public TwoLayerNetwork step(TwoLayerNetwork network) {
        return step(network, field(network));
    }

    /**
     * {@code steps} steps from {@code start}, recording {@code E} after every step; {@code
     * progress} (may be null) receives the number of steps done.
     */
    public Trajectory run(TwoLayerNetwork start, int steps, IntConsumer progress) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        }
        double[] values = new double[steps + 1];
        TwoLayerNetwork net = start;
        VelocityField here = field(net);
        values[0] = here.value();
        for (int k = 1; k <= steps; k++) {
            net = step(net, here);
            here = field(net);
            values[k] = here.value();
            if (progress != null) {
                progress.accept(k);
            }
        }
        double[] times = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            times[k] = k * params.dt();
        }
        return new Trajectory(Curve.single("E(nu_t)", times, values), net, here);
    }

    private void requireNetwork(TwoLayerNetwork network) {
        if (network.inputDim() != inputs.dim()) {
            throw new IllegalArgumentException(
                    "network input dimension "
                            + network.inputDim()
                            + " does not match the input map's "
                            + inputs.dim());
        }
    }
}
