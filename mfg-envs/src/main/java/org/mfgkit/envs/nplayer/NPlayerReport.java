package org.mfgkit.envs.nplayer;

import java.util.List;
import org.mfgkit.core.param.ParamValues;

/**
 * The outcome of an {@link NPlayerStudy}.
 *
 * @param meanFieldExploitability {@code E_inf(pi)}, the exploitability of SPEC §2
 * @param points one per {@code N}, in the order asked
 * @param rate the fitted power law of {@code |E_N - E_inf|}, or null with fewer than two usable
 *     points
 * @param params the study's parameters
 */
public record NPlayerReport(
        double meanFieldExploitability,
        List<NPlayerPoint> points,
        RateFit rate,
        ParamValues params) {
    /** Copies the list. */
    public NPlayerReport {
        points = List.copyOf(points);
    }
}
