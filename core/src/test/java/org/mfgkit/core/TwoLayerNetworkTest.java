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
 * The mean-field two-layer network: values by hand, gradients by finite differences, fast path vs
 * dense path.
 */
class TwoLayerNetworkTest {
    static InputMap randomInputs(int nS, int nA, int d, RandomGenerator rng) {
        double[] x = new double[nS * nA * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return InputMap.ofTable(nS, nA, d, x);
    }

    static void assertClose(double expected, double actual, double relTol, String what) {
        assertEquals(expected, actual, relTol * Math.max(1.0, Math.abs(expected)), what);
    }

    @Test
    void valueByHand() {
        // N = 2, d = 2: f(x) = (1/2) [3 relu(1*x0 - 2*x1) + (-1) relu(0.5*x0 + 1*x1)]
        TwoLayerNetwork net =
                TwoLayerNetwork.of(Activation.RELU, 2, new double[] {3, 1, -2, -1, 0.5, 1});
        assertEquals(2, net.width());
        // x = (4, 1): units relu(2) = 2 and relu(3) = 3 -> (3*2 - 3)/2 = 1.5
        assertEquals(1.5, net.value(new double[] {4, 1}), 0.0);
        // x = (0, 1): relu(-2) = 0, relu(1) = 1 -> -1/2
        assertEquals(-0.5, net.value(new double[] {0, 1}), 0.0);
        // gradient at x = (4, 1): block of particle 0 = (relu 2, 3*1*4, 3*1*1)/2, particle 1 = (3,
        // -1*4, -1*1)/2
        double[] g = new double[6];
        assertEquals(1.5, net.gradient(new double[] {4, 1}, g), 0.0);
        assertArrayEquals(new double[] {1, 6, 1.5, 1.5, -2, -0.5}, g, 0.0);
    }

    @Test
    void activationsByHand() {
        assertEquals(0.0, Activation.RELU.value(-1.0), 0.0);
        assertEquals(2.0, Activation.RELU.value(2.0), 0.0);
        assertEquals(0.0, Activation.RELU.derivative(0.0), 0.0);
        assertEquals(0.5, Activation.SIGMOID.value(0.0), 0.0);
        assertEquals(0.25, Activation.SIGMOID.derivative(0.0), 0.0);
        assertEquals(1.0 / (1.0 + Math.exp(-30)), Activation.SIGMOID.value(30), 1e-16);
        assertEquals(Math.exp(-800) / (1 + Math.exp(-800)), Activation.SIGMOID.value(-800), 0.0);
        assertEquals(Math.tanh(0.3), Activation.TANH.value(0.3), 1e-15);
        assertEquals(Math.exp(-1.0), Activation.GAUSSIAN_RBF.value(2.0), 1e-16);
        // radial unit: phi(x; c) = exp(-||x - c||^2 / 2)
        TwoLayerNetwork rbf =
                TwoLayerNetwork.of(Activation.GAUSSIAN_RBF, 2, new double[] {2, 1, 1});
        assertEquals(2 * Math.exp(-0.5 * (4 + 1)), rbf.value(new double[] {-1, 2}), 1e-15);
        for (double z : new double[] {-2.5, -0.1, 0.4, 3.0}) {
            for (Activation a :
                    new Activation[] {
                        Activation.TANH, Activation.SIGMOID, Activation.GAUSSIAN_RBF
                    }) {
                double h = 1e-6;
                double fd = (a.value(z + h) - a.value(z - h)) / (2 * h);
                assertEquals(
                        fd, a.derivative(z), Tolerances.TEST_FINITE_DIFFERENCE, a + " at " + z);
            }
        }
        assertEquals(Activation.GAUSSIAN_RBF, Activation.parse("RBF"));
        assertEquals(Activation.TANH, Activation.parse(" tanh "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Activation.parse("softplus"));
        assertTrue(e.getMessage().contains("softplus"));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientEqualsFiniteDifferences(Activation act) {
        RandomGenerator rng = RandomStreams.create(3);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 7, 4, 1.0, 1.0, rng);
        double[] x = {0.3, -1.2, 0.8, 1.0};
        double[] g = new double[net.parameterCount()];
        double f = net.gradient(x, g);
        assertClose(net.value(x), f, Tolerances.TEST_EXACT, "value");
        double h = 1e-6;
        double[] w = net.parameters();
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd =
                    (net.withParameters(plus).value(x) - net.withParameters(minus).value(x))
                            / (2 * h);
            assertEquals(fd, g[j], Tolerances.TEST_FINITE_DIFFERENCE, act + " parameter " + j);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void batchKernelsEqualUnitByUnitSums(Activation act) {
        RandomGenerator rng = RandomStreams.create(4);
        int nS = 7;
        int nA = 150; // more pairs than one block
        int d = 3;
        InputMap inputs = randomInputs(nS, nA, d, rng);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 21, d, 1.0, 1.0, rng);
        double[] c = new double[nS * nA];
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextGaussian();
        }
        double[] f = net.energies(inputs);
        double[] sums = net.unitGradientSums(inputs, c);
        double[] x = new double[d];
        double[] g = new double[d + 1];
        double[] expected = new double[net.parameterCount()];
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                inputs.input(s, a, x);
                assertClose(
                        net.value(x),
                        f[s * nA + a],
                        Tolerances.TEST_EXACT,
                        "f(" + s + "," + a + ")");
                for (int i = 0; i < net.width(); i++) {
                    TwoLayerNetwork.unitGradient(act, net.parameters(), i * (d + 1), x, 0, d, g, 0);
                    for (int k = 0; k <= d; k++) {
                        expected[i * (d + 1) + k] += c[s * nA + a] * g[k];
                    }
                }
            }
        }
        for (int j = 0; j < expected.length; j++) {
            assertClose(expected[j], sums[j], Tolerances.TEST_EXACT, "sum " + j);
        }
        // the single-particle probe agrees with the batch kernel
        double[] probe = new double[d + 1];
        TwoLayerNetwork.unitGradientSum(act, net.particle(5), inputs, c, probe);
        for (int k = 0; k <= d; k++) {
            assertClose(sums[5 * (d + 1) + k], probe[k], Tolerances.TEST_EXACT, "probe " + k);
        }
    }

    @Test
    void reluGridPathEqualsDensePath() {
        RandomGenerator rng = RandomStreams.create(5);
        for (int[] shape : new int[][] {{1, 100}, {13, 37}, {100, 100}}) {
            InputMap grid = InputMap.grid(shape[0], shape[1]);
            assertTrue(grid.isProductGrid());
            double[] params =
                    TwoLayerNetwork.gaussian(Activation.RELU, 60, 3, 2.0, 2.0, rng).parameters();
            // edge cases: zero slope along the action axis (active everywhere / nowhere), zero
            // output weight
            params[1 * 4 + 2] = 0.0;
            params[1 * 4 + 3] = 1.0;
            params[2 * 4 + 2] = 0.0;
            params[2 * 4 + 3] = -1.0;
            params[2 * 4 + 1] = 0.0;
            params[3 * 4] = 0.0;
            TwoLayerNetwork net = TwoLayerNetwork.of(Activation.RELU, 3, params);
            double[] c = new double[grid.nS() * grid.nA()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rng.nextGaussian();
            }
            double[] fast = net.energies(grid);
            double[] dense =
                    DenseKernels.energiesDense(
                            Activation.RELU, net.parameters(), net.width(), 3, grid, false);
            for (int j = 0; j < fast.length; j++) {
                assertClose(dense[j], fast[j], Tolerances.TEST_EXACT, "energy " + j);
            }
            double[] fastSums = net.unitGradientSums(grid, c);
            double[] denseSums =
                    DenseKernels.sumsDense(
                            Activation.RELU, net.parameters(), net.width(), 3, grid, c, false);
            for (int j = 0; j < fastSums.length; j++) {
                assertClose(denseSums[j], fastSums[j], Tolerances.TEST_EXACT, "sum " + j);
            }
        }
    }

    @Test
    void activeIntervalSearchEqualsALinearScan() {
        RandomGenerator rng = RandomStreams.create(7);
        double[][] grids = {
            InputMap.uniform(100),
            InputMap.uniform(1),
            InputMap.uniform(2),
            {-1.0, -0.2, 0.0, 0.05, 3.0, 3.5}
        };
        for (double[] v : grids) {
            double invH = v.length > 1 ? (v.length - 1) / (v[v.length - 1] - v[0]) : 0.0;
            for (int trial = 0; trial < 4000; trial++) {
                double w2 = (trial % 2 == 0 ? 1 : -1) * Math.exp(3 * rng.nextGaussian());
                // about half the trials put the sign change exactly on a grid point
                double b = trial % 4 < 2 ? -w2 * v[rng.nextInt(v.length)] : 3 * rng.nextGaussian();
                int expectedPositive = v.length;
                int expectedNonPositive = v.length;
                for (int j = v.length - 1; j >= 0; j--) {
                    if (b + w2 * v[j] > 0.0) {
                        expectedPositive = j;
                    } else {
                        expectedNonPositive = j;
                    }
                }
                if (w2 > 0) {
                    assertEquals(
                            expectedPositive,
                            ReluGridKernels.firstPositive(b, w2, v, invH),
                            "b=" + b + " w2=" + w2);
                } else {
                    assertEquals(
                            expectedNonPositive,
                            ReluGridKernels.firstNonPositive(b, w2, v, invH),
                            "b=" + b + " w2=" + w2);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void parallelAndSerialKernelsAreBitIdentical(Activation act) {
        RandomGenerator rng = RandomStreams.create(6);
        InputMap inputs =
                act == Activation.RELU ? InputMap.grid(40, 50) : randomInputs(40, 50, 3, rng);
        TwoLayerNetwork net = TwoLayerNetwork.gaussian(act, 300, 3, 1.0, 2.0, rng);
        double[] c = new double[40 * 50];
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextGaussian();
        }
        assertArrayEquals(net.energies(inputs, false), net.energies(inputs, true), 0.0);
        assertArrayEquals(
                net.unitGradientSums(inputs, c, false), net.unitGradientSums(inputs, c, true), 0.0);
    }

    @Test
    void gaussianInitialisationIsSeededAndHonoursZeroOutputWeights() {
        TwoLayerNetwork a =
                TwoLayerNetwork.gaussian(Activation.RELU, 50, 3, 0.0, 2.0, RandomStreams.create(9));
        TwoLayerNetwork b =
                TwoLayerNetwork.gaussian(Activation.RELU, 50, 3, 0.0, 2.0, RandomStreams.create(9));
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        double sumSq = 0.0;
        for (int i = 0; i < 50; i++) {
            assertEquals(0.0, a.parameter(i, 0), 0.0);
            for (int k = 1; k <= 3; k++) {
                sumSq += a.parameter(i, k) * a.parameter(i, k);
            }
        }
        // sample variance of 150 N(0,4) draws: 4 +- 3 standard errors (sd of s^2 is 4*sqrt(2/150))
        assertEquals(4.0, sumSq / 150, 3 * 4 * Math.sqrt(2.0 / 150));
        // f = 0 everywhere: the uniform policy
        double[] f = a.energies(InputMap.grid(5, 6));
        assertArrayEquals(new double[30], f, 0.0);
    }

    @Test
    void gridInputsAreTheDefaultStateActionOneTriple() {
        InputMap x = InputMap.grid(3, 5);
        assertEquals(3, x.dim());
        assertEquals(0.5, x.get(1, 0, 0), 0.0);
        assertEquals(0.75, x.get(1, 3, 1), 0.0);
        assertEquals(1.0, x.get(2, 4, 2), 0.0);
        assertArrayEquals(new double[] {0.0}, InputMap.grid(1, 4).gridStates(), 0.0);
        assertTrue(!InputMap.ofTable(3, 5, 3, x.tableArray()).isProductGrid());
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TwoLayerNetwork.of(Activation.RELU, 3, new double[7]))
                        .getMessage()
                        .contains("multiple of inputDim+1"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        TwoLayerNetwork.of(
                                                Activation.RELU, 1, new double[] {1, Double.NaN}))
                        .getMessage()
                        .contains("parameter 1"));
        TwoLayerNetwork net = TwoLayerNetwork.of(Activation.TANH, 2, new double[] {1, 1, 1});
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> net.value(new double[3]))
                        .getMessage()
                        .contains("d = 2"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> net.energies(InputMap.grid(2, 2)))
                        .getMessage()
                        .contains("dimension"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> InputMap.productGrid(new double[] {0}, new double[] {1, 1}))
                        .getMessage()
                        .contains("strictly increasing"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        TwoLayerNetwork.gaussian(
                                                Activation.RELU,
                                                0,
                                                3,
                                                1,
                                                1,
                                                RandomStreams.create(1)))
                        .getMessage()
                        .contains("width"));
    }
}
