package org.mfgkit.core;

import java.util.List;
import java.util.Locale;

/**
 * Admission control for sizes: a run estimates the bytes it needs before it allocates anything and
 * is refused, with one line naming the user's setting, when the estimate exceeds the heap this JVM
 * may use ({@link Runtime#maxMemory()}). The estimates are sums of {@code double} products, so they
 * never overflow; {@link #arrayLength} is the overflow-safe length of one array.
 *
 * <pre>{@code
 * MemoryBudget.admit("lq-fh", List.of(new MemoryBudget.Term("T", 1_000_000, 8.0 * 1_000_001 * 605)));
 * // IllegalArgumentException: T = 1000000 needs about 4.8 GB for lq-fh, more than ...
 * }</pre>
 */
public final class MemoryBudget {
    private MemoryBudget() {}

    /**
     * One contribution to a run's memory.
     *
     * @param setting the user's setting that drives it ({@code "T"}, {@code "width"})
     * @param value the setting's value as the user gave it
     * @param bytes the bytes it needs ({@code double}: never overflows)
     */
    public record Term(String setting, Object value, double bytes) {}

    /** The heap this JVM may use, in bytes. */
    public static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /** {@code "6.3 GB"}, {@code "512 MB"}, {@code "4.0e+06 GB"}. */
    public static String format(double bytes) {
        double gb = bytes / 1e9;
        if (gb < 1) {
            return String.format(Locale.ROOT, "%.0f MB", Math.max(1.0, bytes / 1e6));
        }
        if (gb < 10) {
            return String.format(Locale.ROOT, "%.1f GB", gb);
        }
        if (gb < 1e6) {
            return String.format(Locale.ROOT, "%.0f GB", gb);
        }
        return String.format(Locale.ROOT, "%.1e GB", gb);
    }

    /** {@code "more than the 6.3 GB this JVM may use"}: the one phrase for the heap limit. */
    public static String moreThanLimit() {
        return "more than the " + format(limit()) + " this JVM may use";
    }

    /**
     * Refuses a run whose terms together need more than {@link #limit()}, naming the largest term's
     * setting: {@code "T = 1000000 needs about 38 GB for lq-fh, more than the 6.3 GB this JVM may
     * use (raise -Xmx or lower T)"}.
     *
     * @throws IllegalArgumentException when the estimate exceeds the limit
     */
    public static void admit(String what, List<Term> terms) {
        admit(what, terms, limit());
    }

    /** {@link #admit(String, List)} against an explicit limit (tests). */
    public static void admit(String what, List<Term> terms, long limitBytes) {
        double total = 0;
        Term largest = null;
        for (Term t : terms) {
            total += t.bytes();
            if (largest == null || t.bytes() > largest.bytes()) {
                largest = t;
            }
        }
        if (largest != null && !(total <= limitBytes)) {
            throw new IllegalArgumentException(
                    largest.setting()
                            + " = "
                            + largest.value()
                            + " needs about "
                            + format(total)
                            + " for "
                            + what
                            + ", more than the "
                            + format(limitBytes)
                            + " this JVM may use (raise -Xmx or lower "
                            + largest.setting()
                            + ")");
        }
    }

    /**
     * The length of an array of {@code factors[0] * factors[1] * ...} entries, or an {@link
     * IllegalArgumentException} naming {@code what} when the product exceeds what a Java array
     * holds (instead of a wrapped-around negative length).
     */
    public static int arrayLength(String what, long... factors) {
        long n = 1;
        try {
            for (long f : factors) {
                if (f < 0) {
                    throw new IllegalArgumentException(what + ": negative size " + f);
                }
                n = Math.multiplyExact(n, f);
            }
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    what
                            + " would need more than "
                            + (Integer.MAX_VALUE - 8)
                            + " entries in one array (lower the sizes of the run)");
        }
        return (int) n;
    }
}
