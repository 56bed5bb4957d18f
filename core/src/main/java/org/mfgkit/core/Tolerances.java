package org.mfgkit.core;

/**
 * Every numerical tolerance of the toolkit, in one place (as EJML's {@code UtilEjml.TEST_F64}).
 * Library code uses the validation and solver tolerances; tests use the {@code TEST_*} ones.
 */
public final class Tolerances {
    /** A distribution must sum to 1 within this (SPEC §1). */
    public static final double SIMPLEX = 1e-9;

    /** Feature vectors must satisfy {@code ||phi|| <= 1 + FEATURE_NORM}. */
    public static final double FEATURE_NORM = 1e-12;

    /** Sup-norm stopping tolerance of the soft value / policy iterations (SPEC §1). */
    public static final double SOLVER = 1e-12;

    /** L1 stopping tolerance of the mean-field iteration {@code mu <- Gamma2(pi, mu)} (SPEC §2). */
    public static final double MEAN_FIELD = 1e-13;

    /** Tests: two exact computations of the same quantity (double round-off only). */
    public static final double TEST_EXACT = 1e-10;

    /** Tests: an exact quantity against an iterative one stopped at {@link #SOLVER}. */
    public static final double TEST_ITERATIVE = 1e-9;

    /** Tests: analytic gradient against central finite differences. */
    public static final double TEST_FINITE_DIFFERENCE = 1e-6;

    private Tolerances() {}
}
