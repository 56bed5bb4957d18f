package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact policy-gradient flow in the bandit case (000 §3, eq. (12)); the MDP case is tested in
 * mdp.
 */
class PolicyGradientFlowTest {
    static final double LAMBDA = 0.2;

    static double[] randomRewards(int nA, RandomGenerator rng) {
        double[] r = new double[nA];
        for (int a = 0; a < nA; a++) {
            r[a] = 0.5 * rng.nextGaussian();
        }
        return r;
    }

    static double value(TwoLayerNetwork net, InputMap inputs, PolicyEvaluator ev) {
        return ev.evaluate(MeanFieldSoftmaxPolicy.of(net, inputs)).value();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void velocityIsNTimesTheGradientOfTheValue(Activation act) {
        // 000 eq. (9): F(w_i) = N dE/dw_i, E = V(nu) of the bandit, eq. (12)
        RandomGenerator rng = RandomStreams.create(21);
        int nA = 9;
        InputMap inputs = InputMap.grid(1, nA);
        BanditEvaluator ev = new BanditEvaluator(randomRewards(nA, rng), LAMBDA);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 6, 3, 1.5, 1.5, rng);
        double[] field = VelocityField.of(MeanFieldSoftmaxPolicy.of(net, inputs), ev).onParticles();
        double[] w = net.parameters();
        double h = 1e-6;
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd =
                    (value(net.withParameters(plus), inputs, ev)
                                    - value(net.withParameters(minus), inputs, ev))
                            / (2 * h);
            assertEquals(
                    net.width() * fd,
                    field[j],
                    Tolerances.TEST_FINITE_DIFFERENCE,
                    act + " parameter " + j);
        }
    }

    @Test
    void addingAConstantToTheEnergyChangesNothing() {
        // the last particle (w0, wbar) = (w0, 0, 0, 1) is the constant w0 * relu(1) = w0 on x = (s,
        // a, 1); with
        // w0 = 0 or w0 = 7 the energies differ by the constant 7/N
        RandomGenerator rng = RandomStreams.create(22);
        int nA = 30;
        InputMap inputs = InputMap.grid(1, nA);
        BanditEvaluator ev = new BanditEvaluator(randomRewards(nA, rng), LAMBDA);
        double[] base =
                TwoLayerNetwork.gaussian(Activation.RELU, 12, 3, 1.0, 2.0, rng).parameters();
        double[] shifted = base.clone();
        int last = 11 * 4;
        base[last] = 0.0;
        shifted[last] = 7.0;
        for (double[] p : new double[][] {base, shifted}) {
            p[last + 1] = 0.0;
            p[last + 2] = 0.0;
            p[last + 3] = 1.0;
        }
        TwoLayerNetwork a = TwoLayerNetwork.of(Activation.RELU, 3, base);
        TwoLayerNetwork b = TwoLayerNetwork.of(Activation.RELU, 3, shifted);
        MeanFieldSoftmaxPolicy pa = MeanFieldSoftmaxPolicy.of(a, inputs);
        MeanFieldSoftmaxPolicy pb = MeanFieldSoftmaxPolicy.of(b, inputs);
        for (int k = 0; k < nA; k++) {
            assertEquals(pa.energy(0, k) + 7.0 / 12, pb.energy(0, k), Tolerances.TEST_EXACT);
            assertEquals(pa.prob(0, k), pb.prob(0, k), Tolerances.TEST_EXACT);
        }
        VelocityField fa = VelocityField.of(pa, ev);
        VelocityField fb = VelocityField.of(pb, ev);
        assertEquals(fa.value(), fb.value(), Tolerances.TEST_EXACT);
        // the field is the same function of omega ...
        double[] va = new double[4];
        double[] vb = new double[4];
        for (int probe = 0; probe < 20; probe++) {
            double[] omega = {
                rng.nextGaussian(),
                2 * rng.nextGaussian(),
                2 * rng.nextGaussian(),
                2 * rng.nextGaussian()
            };
            fa.at(omega, va);
            fb.at(omega, vb);
            assertArrayEquals(va, vb, Tolerances.TEST_EXACT);
        }
        // ... so the other particles move identically
        double[] ma = fa.onParticles();
        double[] mb = fb.onParticles();
        for (int j = 0; j < last; j++) {
            assertEquals(ma[j], mb[j], Tolerances.TEST_EXACT, "component " + j);
        }
    }

    @Test
    void theSoftOptimumIsAFixedPointEverywhereInParameterSpace() {
        // 000 §3 statics: if f = r/lambda + C then pi = pi* and F(omega) = 0 for every omega.
        // Build such a network on 5 actions with hinge units relu(v - v_i + h/2), i = 0..4 (lower
        // triangular).
        RandomGenerator rng = RandomStreams.create(23);
        int nA = 5;
        double[] r = randomRewards(nA, rng);
        double[] v = InputMap.uniform(nA);
        double h = v[1] - v[0];
        double c = 0.37; // arbitrary additive constant
        double[] params = new double[nA * 4];
        double[] fitted = new double[nA];
        for (int j = 0; j < nA; j++) {
            // f(v_j) = (1/N) sum_{i<=j} w0_i (v_j - v_i + h/2) = r_j/lambda + c, solved by forward
            // substitution
            double rest = 0.0;
            for (int i = 0; i < j; i++) {
                rest += params[i * 4] * (v[j] - v[i] + h / 2);
            }
            params[j * 4] = (nA * (r[j] / LAMBDA + c) - rest) / (h / 2);
            params[j * 4 + 2] = 1.0;
            params[j * 4 + 3] = -(v[j] - h / 2);
        }
        TwoLayerNetwork net = TwoLayerNetwork.of(Activation.RELU, 3, params);
        InputMap inputs = InputMap.grid(1, nA);
        BanditEvaluator ev = new BanditEvaluator(r, LAMBDA);
        MeanFieldSoftmaxPolicy pi = MeanFieldSoftmaxPolicy.of(net, inputs);
        for (int a = 0; a < nA; a++) {
            fitted[a] = pi.energy(0, a) - c;
            assertEquals(r[a] / LAMBDA, fitted[a], Tolerances.TEST_EXACT);
            assertEquals(ev.optimalPolicy().prob(0, a), pi.prob(0, a), Tolerances.TEST_EXACT);
        }
        VelocityField field = VelocityField.of(pi, ev);
        assertEquals(ev.optimalValue(), field.value(), Tolerances.TEST_EXACT);
        double[] out = new double[4];
        for (Activation act : Activation.values()) {
            TwoLayerNetwork probeNet = TwoLayerNetwork.of(act, 3, params);
            VelocityField probeField =
                    VelocityField.of(MeanFieldSoftmaxPolicy.of(probeNet, inputs), ev);
            if (act != Activation.RELU) {
                continue; // only the ReLU network realises r/lambda + C exactly
            }
            for (int k = 0; k < 50; k++) {
                double[] omega = {
                    3 * rng.nextGaussian(),
                    3 * rng.nextGaussian(),
                    3 * rng.nextGaussian(),
                    3 * rng.nextGaussian()
                };
                probeField.at(omega, out);
                for (double o : out) {
                    assertEquals(0.0, o, Tolerances.TEST_EXACT);
                }
            }
        }
        assertEquals(0.0, field.maxParticleSpeed(), Tolerances.TEST_EXACT);
    }

    /**
     * 200 particles, w0 uniform on [-1,1], wbar ~ N(0, 4): a spread-out initial measure (000
     * Assumption 1 c).
     */
    static TwoLayerNetwork spreadOut(Activation act, int n, RandomGenerator rng) {
        double[] params = new double[n * 4];
        for (int i = 0; i < n; i++) {
            params[i * 4] = 2 * rng.nextDouble() - 1;
            for (int k = 1; k <= 3; k++) {
                params[i * 4 + k] = 2 * rng.nextGaussian();
            }
        }
        return TwoLayerNetwork.of(act, 3, params);
    }

    static double maxProbeSpeed(VelocityField field, RandomGenerator rng) {
        double[] out = new double[4];
        double max = 0.0;
        for (int k = 0; k < 200; k++) {
            double[] omega = {
                2 * rng.nextGaussian(),
                2 * rng.nextGaussian(),
                2 * rng.nextGaussian(),
                2 * rng.nextGaussian()
            };
            field.at(omega, out);
            max =
                    Math.max(
                            max,
                            Math.sqrt(
                                    out[0] * out[0]
                                            + out[1] * out[1]
                                            + out[2] * out[2]
                                            + out[3] * out[3]));
        }
        return max;
    }

    @Test
    void aStationaryMeasureWithSmoothUnitsIsTheSoftOptimum() {
        // 000 §3 dynamics / Thm 4.2 with sigmoid units (Assumption 1 a-b hold): the flow from a
        // spread-out measure
        // becomes stationary, and stationary means pi = pi* ∝ exp(r/lambda)
        RandomGenerator rng = RandomStreams.create(24);
        int nA = 5;
        double[] r = randomRewards(nA, rng);
        BanditEvaluator ev = new BanditEvaluator(r, LAMBDA);
        TwoLayerNetwork start = spreadOut(Activation.SIGMOID, 200, rng);
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        InputMap.grid(1, nA), ev, PolicyGradientFlow.StepSettings.defaults());
        VelocityField initial = flow.field(start);
        PolicyGradientFlow.Trajectory run = flow.run(start, 40_000, null);
        VelocityField last = run.lastField();
        double[] star = ev.optimalPolicy().table();
        double klStart = Numerics.klDivergence(initial.policy().table(), star);
        double klEnd = Numerics.klDivergence(last.policy().table(), star);
        double probeStart = maxProbeSpeed(initial, RandomStreams.create(1));
        double probeEnd = maxProbeSpeed(last, RandomStreams.create(1));
        // measured (seed 24): KL 6.4e-1 -> 4.2e-9, gap 8.5e-10, probe speed 1.0e-1 -> 2.3e-6;
        // monotone ascent
        assertTrue(klStart > 0.1, "start KL " + klStart);
        assertTrue(klEnd < 1e-7, "final KL " + klEnd);
        assertTrue(ev.optimalValue() - last.value() < 1e-8, "final gap");
        assertTrue(probeEnd < 1e-3 * probeStart, "probe speed " + probeStart + " -> " + probeEnd);
        assertEquals(0.0, run.largestDecrease(), 0.0, "E(nu_t) must not decrease");
    }

    @Test
    void stationaryOnItsSupportOnlyIsNotEnough() {
        // Why 000 §3 needs full support: ReLU units on 5 actions from the same start freeze at a
        // finitely supported
        // measure where every particle is at rest but the field elsewhere is not zero, and pi !=
        // pi*.
        RandomGenerator rng = RandomStreams.create(24);
        int nA = 5;
        double[] r = randomRewards(nA, rng);
        BanditEvaluator ev = new BanditEvaluator(r, LAMBDA);
        TwoLayerNetwork start = spreadOut(Activation.RELU, 200, rng);
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        InputMap.grid(1, nA), ev, PolicyGradientFlow.StepSettings.defaults());
        VelocityField last = flow.run(start, 20_000, null).lastField();
        double kl = Numerics.klDivergence(last.policy().table(), ev.optimalPolicy().table());
        double probe = maxProbeSpeed(last, RandomStreams.create(1));
        // measured (seed 24): particle speed 2.4e-15, KL 3.4e-2, probe speed 4.9e-2
        assertTrue(
                last.maxParticleSpeed() < 1e-12, "particles at rest: " + last.maxParticleSpeed());
        assertTrue(kl > 1e-2, "not optimal: KL " + kl);
        assertTrue(probe > 1e-3, "field off the support: " + probe);
    }

    /**
     * Bandit rewards {@code r = lambda f*} of a width-5 ReLU teacher with N(0,4) weights on {@code
     * nA} grid actions (000 §5 a).
     */
    static BanditEvaluator teacherBandit(int nA, long seed) {
        TwoLayerNetwork teacher =
                TwoLayerNetwork.gaussian(
                        Activation.RELU, 5, 3, 2.0, 2.0, RandomStreams.create(seed));
        double[] r = teacher.energies(InputMap.grid(1, nA));
        for (int a = 0; a < nA; a++) {
            r[a] *= LAMBDA;
        }
        return new BanditEvaluator(r, LAMBDA);
    }

    @Test
    void particleSystemsOfWidthNAnd2NAgreeBetterAsNGrows() {
        // Propagation of chaos (000 Thm 4.1): nu^(N)_t -> nu_t, with fluctuations of order
        // N^{-1/2}. For each N,
        // M independent pairs (N particles, 2N particles; i.i.d. N(0,4) first layer, zero output
        // weights) are run for
        // T steps; D = time average of |E_N(t) - E_2N(t)|. We fit log mean(D) = a + b log N and
        // assert, with the
        // standard error of b derived from the per-N sample standard errors (delta method), that b
        // < 0 at 3 sigma and
        // that b is consistent with -1/2 at 3 sigma.
        int nA = 50;
        int steps = 200;
        int m = 20;
        int[] widths = {8, 32, 128, 512};
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        InputMap.grid(1, nA),
                        teacherBandit(nA, 77),
                        PolicyGradientFlow.StepSettings.defaults());
        double[] x = new double[widths.length];
        double[] y = new double[widths.length];
        double[] sy = new double[widths.length];
        for (int j = 0; j < widths.length; j++) {
            int n = widths[j];
            double[] dev = new double[m];
            for (int k = 0; k < m; k++) {
                double[] a =
                        flow.run(
                                        TwoLayerNetwork.gaussian(
                                                Activation.RELU,
                                                n,
                                                3,
                                                0.0,
                                                2.0,
                                                RandomStreams.derive(k, 2L * n)),
                                        steps,
                                        null)
                                .values();
                double[] b =
                        flow.run(
                                        TwoLayerNetwork.gaussian(
                                                Activation.RELU,
                                                2 * n,
                                                3,
                                                0.0,
                                                2.0,
                                                RandomStreams.derive(k, 2L * n + 1)),
                                        steps,
                                        null)
                                .values();
                for (int t = 0; t <= steps; t++) {
                    dev[k] += Math.abs(a[t] - b[t]) / (steps + 1);
                }
            }
            double mean = 0.0;
            for (double v : dev) {
                mean += v / m;
            }
            double var = 0.0;
            for (double v : dev) {
                var += (v - mean) * (v - mean) / (m - 1);
            }
            x[j] = Math.log(n);
            y[j] = Math.log(mean);
            sy[j] = Math.sqrt(var / m) / mean;
        }
        double xbar = 0.0;
        double ybar = 0.0;
        for (int j = 0; j < x.length; j++) {
            xbar += x[j] / x.length;
            ybar += y[j] / x.length;
        }
        double sxx = 0.0;
        double sxy = 0.0;
        double varNum = 0.0;
        for (int j = 0; j < x.length; j++) {
            sxx += (x[j] - xbar) * (x[j] - xbar);
            sxy += (x[j] - xbar) * (y[j] - ybar);
            varNum += (x[j] - xbar) * (x[j] - xbar) * sy[j] * sy[j];
        }
        double slope = sxy / sxx;
        double se = Math.sqrt(varNum) / sxx;
        // measured: slope -0.50, se 0.06
        assertTrue(
                slope + 3 * se < 0.0,
                "agreement must improve with N: slope " + slope + " +- " + se);
        assertEquals(-0.5, slope, 3 * se, "rate N^{-1/2}: slope " + slope + " +- " + se);
    }

    @Test
    void eulerIsFirstOrderAndHeunSecondOrder() {
        // smooth (tanh) units so that the field is smooth; error at T = 8 against Heun with dt =
        // 1/64
        BanditEvaluator ev = teacherBandit(40, 78);
        InputMap inputs = InputMap.grid(1, 40);
        TwoLayerNetwork start =
                TwoLayerNetwork.gaussian(
                        Activation.TANH, 50, 3, 1.0, 2.0, RandomStreams.create(79));
        double[] reference =
                endpoint(inputs, ev, start, PolicyGradientFlow.Integrator.HEUN, 1.0 / 64, 8.0);
        for (PolicyGradientFlow.Integrator integrator : PolicyGradientFlow.Integrator.values()) {
            double coarse =
                    Numerics.supDistance(
                            reference, endpoint(inputs, ev, start, integrator, 1.0, 8.0));
            double fine =
                    Numerics.supDistance(
                            reference, endpoint(inputs, ev, start, integrator, 0.5, 8.0));
            double order = Math.log(coarse / fine) / Math.log(2);
            double expected = integrator == PolicyGradientFlow.Integrator.EULER ? 1.0 : 2.0;
            assertEquals(expected, order, 0.25, integrator + ": errors " + coarse + ", " + fine);
        }
    }

    static double[] endpoint(
            InputMap inputs,
            PolicyEvaluator ev,
            TwoLayerNetwork start,
            PolicyGradientFlow.Integrator integrator,
            double dt,
            double horizon) {
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        inputs, ev, new PolicyGradientFlow.StepSettings(dt, integrator));
        return flow.run(start, (int) Math.round(horizon / dt), null).last().parameters();
    }

    @Test
    void theDefaultStepAscendsMonotonicallyOnTheTeacherBanditAndIsDeterministic() {
        BanditEvaluator ev = teacherBandit(100, 1);
        PolicyGradientFlow flow =
                new PolicyGradientFlow(
                        InputMap.grid(1, 100), ev, PolicyGradientFlow.StepSettings.defaults());
        TwoLayerNetwork start =
                TwoLayerNetwork.gaussian(
                        Activation.RELU, 800, 3, 0.0, 2.0, RandomStreams.create(2));
        PolicyGradientFlow.Trajectory run = flow.run(start, 2000, null);
        double[] gap = new double[run.values().length];
        for (int k = 0; k < gap.length; k++) {
            gap[k] = ev.optimalValue() - run.values()[k];
            assertTrue(gap[k] >= -Tolerances.TEST_EXACT, "E(nu) <= E(nu*) at step " + k);
        }
        assertEquals(0.0, run.largestDecrease(), 0.0, "gap must not increase");
        assertTrue(
                gap[2000] < 1e-2 * gap[0],
                "two orders of magnitude in 2000 steps: " + gap[0] + " -> " + gap[2000]);
        assertEquals(2000, run.steps());
        // same seeds, same numbers (the kernels run in parallel)
        assertArrayEquals(run.values(), flow.run(start, 2000, null).values(), 0.0);
        assertArrayEquals(
                run.last().parameters(), flow.run(start, 2000, null).last().parameters(), 0.0);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        BanditEvaluator ev = new BanditEvaluator(new double[] {0, 1, 2}, LAMBDA);
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new PolicyGradientFlow.StepSettings(
                                                0.0, PolicyGradientFlow.Integrator.EULER))
                        .getMessage()
                        .contains("dt"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        new PolicyGradientFlow(
                                                InputMap.grid(1, 4),
                                                ev,
                                                PolicyGradientFlow.StepSettings.defaults()))
                        .getMessage()
                        .contains("does not match"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PolicyGradientFlow.Integrator.parse("rk4"))
                        .getMessage()
                        .contains("rk4"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new BanditEvaluator(new double[] {0, 1}, -1))
                        .getMessage()
                        .contains("lambda"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ev.evaluate(TabularPolicy.uniform(2, 3)))
                        .getMessage()
                        .contains("does not match"));
        assertEquals(
                PolicyGradientFlow.Integrator.HEUN, PolicyGradientFlow.Integrator.parse("RK2"));
    }

    @Test
    void banditClosedForms() {
        double[] r = {0.1, -0.3, 0.7};
        BanditEvaluator ev = new BanditEvaluator(r, LAMBDA);
        double z = Math.exp(0.5) + Math.exp(-1.5) + Math.exp(3.5);
        assertEquals(LAMBDA * Math.log(z), ev.optimalValue(), 1e-14);
        assertEquals(Math.exp(3.5) / z, ev.optimalPolicy().prob(0, 2), 1e-15);
        // the soft optimum attains the optimal value; the uniform policy has value mean(r) + lambda
        // log 3
        assertEquals(ev.optimalValue(), ev.evaluate(ev.optimalPolicy()).value(), 1e-14);
        assertEquals(
                (0.1 - 0.3 + 0.7) / 3 + LAMBDA * Math.log(3),
                ev.evaluate(TabularPolicy.uniform(1, 3)).value(),
                1e-15);
    }
}
