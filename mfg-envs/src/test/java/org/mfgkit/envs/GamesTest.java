package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry and the presets of the SPEC names; the generic checks are in GameContractTest. */
class GamesTest {
    @Test
    void specNamesArePresetsOfOneClassEach() {
        assertTrue(
                Games.builtIn()
                        .names()
                        .containsAll(List.of("sis", "sis-fh", "lq", "lq-fh", "left-right")));
        assertEquals(Games.create("sis").getClass(), Games.create("sis-fh").getClass());
        assertEquals(Games.create("lq").getClass(), Games.create("lq-fh").getClass());
        assertTrue(Games.create("sis").isStationary());
        assertFalse(Games.create("sis-fh").isStationary());
        assertEquals(51, Games.create("sis-fh").exact().steps());
        assertEquals(
                Map.of("T", "50", "gamma", "1", "lambda", "0"), Games.preset("sis-fh").overrides());
        assertEquals(
                List.of(
                        "T",
                        "L",
                        "M",
                        "sigma",
                        "dt",
                        "k",
                        "q",
                        "kappa",
                        "c_term",
                        "eps_grid",
                        "gamma",
                        "lambda",
                        "mu0"),
                Games.preset("lq-fh").keys());
    }

    /** The presets' values as SPEC §2 lists them, read back through the declarations. */
    @Test
    void presetValuesAreTheSpecs() {
        assertEquals(
                "sis[T=inf, c=0.81, gamma=0.9, lambda=0.1, mu0=0.4,0.6]",
                Games.create("sis").params().toString());
        assertEquals(
                "sis-fh[T=50, c=0.81, gamma=1.0, lambda=0.0, mu0=0.4,0.6]",
                Games.create("sis-fh").params().toString());
        assertEquals(
                "lq[T=inf, L=12, M=3, sigma=1.0, dt=1.0, k=0.0, q=0.01, kappa=0.5, c_term=0.0,"
                        + " eps_grid=unit, gamma=0.9, lambda=0.1, mu0=uniform]",
                Games.create("lq").params().toString());
        assertEquals(
                "lq-fh[T=3, L=5, M=2, sigma=3.0, dt=0.1, k=1.0, q=0.01, kappa=0.5, c_term=1.0,"
                        + " eps_grid=sigma, gamma=1.0, lambda=0.0, mu0=uniform]",
                Games.create("lq-fh").params().toString());
        assertEquals(
                "left-right[T=1, gamma=1.0, lambda=0.0, mu0=1.0,0.0,0.0]",
                Games.create("left-right").params().toString());
    }

    /** Every parameter by name, in any order: checks that depend on others run at build. */
    @Test
    void everyParameterCanBeOverriddenInAnyOrder() {
        GameModel g =
                Fixtures.game(
                        "lq-fh",
                        "mu0=[0.5, 0.25, 0.25, 0, 0, 0, 0]",
                        "L=3",
                        "M=1",
                        "T=4",
                        "sigma=2",
                        "dt=0.5",
                        "k=0.3",
                        "q=0.2",
                        "kappa=1.5",
                        "c_term=2",
                        "gamma=0.9",
                        "lambda=0.05");
        assertEquals(7, g.nS());
        assertEquals(3, g.nA());
        assertEquals(4, g.finiteHorizon().horizon());
        assertArrayEquals(new double[] {0.5, 0.25, 0.25, 0, 0, 0, 0}, g.mu0());
        assertEquals(
                Fixtures.game("lq-fh", "L=3", "M=1", "T=4", "sigma=2", "dt=0.5", "k=0.3")
                        .params()
                        .with(LinearQuadratic.Q, 0.2)
                        .with(LinearQuadratic.KAPPA, 1.5)
                        .with(LinearQuadratic.C_TERM, 2.0)
                        .with(GameModel.GAMMA, 0.9)
                        .with(GameModel.LAMBDA, 0.05)
                        .with(GameModel.MU0, new double[] {0.5, 0.25, 0.25, 0, 0, 0, 0}),
                g.params());
        // the horizon is a parameter: sis-fh made stationary, sis made finite
        assertTrue(Fixtures.game("sis-fh", "T=inf", "gamma=0.9").isStationary());
        assertEquals(7, Fixtures.finite("sis", "T=7").horizon());
    }

    /** JSON numbers stay numbers; text and JSON give equal games. */
    @Test
    void jsonAndTextAgree() {
        GameModel fromJson =
                Games.preset("lq-fh")
                        .createFromJson(Map.of("T", 1e1, "sigma", 2, "mu0", "uniform"));
        GameModel fromText = Fixtures.game("lq-fh", "T=10", "sigma=2", "mu0=uniform");
        assertEquals(fromText.params(), fromJson.params());
        assertEquals(10, fromJson.finiteHorizon().horizon());
    }

    @Test
    void badInputNamesTheProblem() {
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> Games.create("sir"))
                        .getMessage()
                        .startsWith("unknown environment 'sir' (known: sis, sis-fh, lq, lq-fh,"));
        assertEquals(
                "unknown parameter 'C' for sis (known: T, c, gamma, lambda, mu0)",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("sis", "C=1"))
                        .getMessage());
        assertEquals(
                "gamma must be in [0,1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("lq", "gamma=1"))
                        .getMessage());
        assertEquals(
                "mu0 must be a list of 3 numbers, got 0.5,0.5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("left-right", "mu0=0.5,0.5"))
                        .getMessage());
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("sis", "mu0=1.5,-0.5"))
                        .getMessage()
                        .startsWith("mu0 must be a distribution"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("sis", "mu0=[0.5, 0.5"))
                        .getMessage()
                        .contains("malformed"));
        assertEquals(
                "T must be an integer or inf, got '2.5'",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.game("sis-fh", "T=2.5"))
                        .getMessage());
        assertEquals(
                "gamma must be in [0,1], got 1.1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Fixtures.game("sis-fh", "gamma=1.1"))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalStateException.class, () -> Games.create("sis-fh").stationary())
                        .getMessage()
                        .startsWith("sis-fh is finite-horizon (T = 50)"));
        assertThrows(
                IllegalArgumentException.class, () -> Games.builtIn().with(Games.preset("sis")));
    }
}
