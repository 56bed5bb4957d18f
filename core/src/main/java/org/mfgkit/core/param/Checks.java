package org.mfgkit.core.param;

import java.util.List;
import org.mfgkit.core.FeatureMap;
import org.mfgkit.core.Simplex;
import org.mfgkit.core.param.Param.Check;

/**
 * The checks parameters use, each written once (the phrase completes "NAME must be ..."). A check
 * that is not here is added here, not inlined at a call site.
 */
public final class Checks {
    private Checks() {}

    /** {@code 0 <= x < 1}: a discount factor of a stationary game. */
    public static Check<Double> discount() {
        return new Check<>("in [0,1)", x -> x >= 0.0 && x < 1.0);
    }

    /** {@code 0 <= x <= 1}: a probability, a mixing weight, a finite-horizon discount. */
    public static Check<Double> unitInterval() {
        return new Check<>("in [0,1]", x -> x >= 0.0 && x <= 1.0);
    }

    /** {@code 0 < x <= 1}: a step of a damped iteration. */
    public static Check<Double> openClosedUnit() {
        return new Check<>("in (0,1]", x -> x > 0.0 && x <= 1.0);
    }

    /** {@code x > 0}. */
    public static Check<Number> positive() {
        return new Check<>("> 0", x -> x.doubleValue() > 0.0);
    }

    /** {@code x >= 0}. */
    public static Check<Number> nonNegative() {
        return new Check<>(">= 0", x -> x.doubleValue() >= 0.0);
    }

    /** {@code lo <= x <= hi} for integers. */
    public static Check<Number> range(long lo, long hi) {
        return new Check<>("in " + lo + ".." + hi, x -> x.longValue() >= lo && x.longValue() <= hi);
    }

    /** {@code lo <= x <= hi} for reals. */
    public static Check<Number> between(double lo, double hi) {
        return new Check<>(
                "in [" + lo + "," + hi + "]", x -> x.doubleValue() >= lo && x.doubleValue() <= hi);
    }

    /** {@code x <= hi}. */
    public static Check<Number> atMost(double hi) {
        return new Check<>("<= " + hi, x -> x.doubleValue() <= hi);
    }

    /** One of {@code choices}. */
    public static Check<String> oneOf(List<String> choices) {
        List<String> c = List.copyOf(choices);
        return new Check<>("one of " + String.join(", ", c), c::contains);
    }

    /** Non-negative entries summing to 1 (to {@code 1e-9}). */
    public static Check<double[]> distribution() {
        return new Check<>(
                "a distribution (entries >= 0 summing to 1)",
                p -> p.length > 0 && Simplex.isDistribution(p, 0, p.length));
    }

    /** Exactly {@code n} entries. */
    public static Check<double[]> length(int n) {
        return new Check<>("a list of " + n + " numbers", p -> p.length == n);
    }

    /** Every entry {@code >= 0}. */
    public static Check<double[]> nonNegativeEntries() {
        return new Check<>(
                "a list of numbers >= 0",
                p -> {
                    for (double x : p) {
                        if (!(x >= 0.0)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** A non-empty list of whole numbers, each in {@code 1..Integer.MAX_VALUE} (player counts). */
    public static Check<double[]> positiveIntegers() {
        return new Check<>(
                "a non-empty list of integers >= 1",
                p -> {
                    if (p.length == 0) {
                        return false;
                    }
                    for (double x : p) {
                        if (!(x >= 1.0 && x <= Integer.MAX_VALUE && x == Math.rint(x))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** A feature-map spec ({@link FeatureMap#fromSpec}): one-hot, polynomial:D, radial:CX:CA:W. */
    public static Check<String> featureSpec() {
        return new Check<>(FeatureMap.SPEC_SYNTAX, FeatureMap::isSpec);
    }

    /** {@code x >= lo} for integers (a count with a lower bound, e.g. at least two points). */
    public static Check<Number> atLeast(long lo) {
        return new Check<>(">= " + lo, x -> x.longValue() >= lo);
    }

    /**
     * Checks a real argument that is not a declared parameter (a constructor argument) with the
     * message format of {@link Param#validate}: {@code "NAME must be PHRASE, got X"} (also for
     * {@code NaN}), or {@code "NAME must be a finite number, got X"} for an infinity the check lets
     * through. Returns {@code value}.
     */
    public static double requireReal(String name, double value, Check<? super Double> check) {
        if (!check.test().test(value + 0.0)) {
            throw new IllegalArgumentException(
                    name + " must be " + check.phrase() + ", got " + (value + 0.0));
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be " + ParamType.REAL.description() + ", got " + value);
        }
        return value;
    }

    /**
     * Checks a real argument against {@code check} only (an infinity the check lets through is
     * accepted, e.g. an unbounded projection radius): {@code "NAME must be PHRASE, got X"}.
     */
    public static double require(String name, double value, Check<? super Double> check) {
        if (!check.test().test(value + 0.0)) {
            throw new IllegalArgumentException(
                    name + " must be " + check.phrase() + ", got " + (value + 0.0));
        }
        return value;
    }
}
