package org.mfgkit.core;

import java.util.Locale;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamType;
import org.mfgkit.core.param.ParamValues;

/**
 * A NaN or infinity appeared where a finite number is needed (a softmax, a reward, a value). The
 * numerical kernels throw it with a message about their own inputs; a study or a command that knows
 * the user's settings rethrows it with {@link #inTermsOf}, which names the setting that most likely
 * caused it. An {@link IllegalArgumentException}: the cause is an input, not a bug.
 */
public final class NonFiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A factor between a real setting and its default beyond which it is a suspect. */
    private static final double SUSPECT_FACTOR = 1e3;

    private final boolean explained;

    /** A kernel's report ({@code "softmax: NaN at index 1"}). */
    public NonFiniteException(String message) {
        this(message, false);
    }

    private NonFiniteException(String message, boolean explained) {
        super(message);
        this.explained = explained;
    }

    /**
     * The same failure in the user's terms: {@code "a number became NaN or infinite in WHERE
     * (softmax: NaN at index 1): lambda = 1.0E308 is far above its default 0.1; lower it"}. The
     * suspect is the real setting of {@code settings} that exceeds its default by the largest
     * factor (at least 1000); without one the message asks to check the settings' magnitudes.
     * Already explained failures are returned unchanged.
     *
     * @param where the computation, in the user's words ({@code "the exploitability of sis"})
     */
    public NonFiniteException inTermsOf(String where, ParamValues... settings) {
        if (explained) {
            return this;
        }
        String suspect = null;
        double worst = SUSPECT_FACTOR;
        for (ParamValues values : settings) {
            if (values == null) {
                continue;
            }
            ParamValues defaults = values.schema().defaults();
            for (Param<?> p : values.schema().params()) {
                if (p.type() != ParamType.REAL) {
                    continue;
                }
                Object d = defaults.get(p);
                if (d == null || values.get(p) == null) {
                    continue;
                }
                double v = Math.abs((Double) values.get(p));
                double ref = Math.max(Math.abs((Double) d), 1e-3);
                double factor = v / ref;
                if (factor > worst) {
                    worst = factor;
                    suspect =
                            p.name()
                                    + " = "
                                    + values.text(p.name())
                                    + " is far above its default "
                                    + defaults.text(p.name())
                                    + "; lower it";
                }
            }
        }
        String message =
                String.format(
                        Locale.ROOT,
                        "a number became NaN or infinite in %s (%s): %s",
                        where,
                        getMessage(),
                        suspect == null
                                ? "check the magnitudes of the settings (steps, weights, scales)"
                                : suspect);
        NonFiniteException out = new NonFiniteException(message, true);
        out.setStackTrace(getStackTrace());
        return out;
    }
}
