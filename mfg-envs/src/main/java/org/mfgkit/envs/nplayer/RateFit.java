package org.mfgkit.envs.nplayer;

import java.util.List;

/**
 * The power law {@code |E_N - E_inf| ~ constant * N^rate}, fitted by least squares on {@code
 * log|E_N - E_inf|} against {@code log N}.
 *
 * @param rate the exponent (about -1 when the gap closes like {@code 1/N})
 * @param constant the prefactor
 * @param points how many points entered the fit
 * @param method which points: {@code "exact"} when at least two exact ones exist, else {@code
 *     "all"}
 */
public record RateFit(double rate, double constant, int points, String method) {

    /**
     * The fit over {@code points} (exact ones if there are two with a non-zero gap, else all with a
     * non-zero gap); null when fewer than two qualify.
     */
    public static RateFit of(List<NPlayerPoint> points, double limit) {
        List<NPlayerPoint> exact =
                points.stream().filter(p -> p.isExact() && gap(p, limit) > 0).toList();
        boolean onlyExact = exact.size() >= 2;
        List<NPlayerPoint> use =
                onlyExact ? exact : points.stream().filter(p -> gap(p, limit) > 0).toList();
        if (use.size() < 2) {
            return null;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (NPlayerPoint p : use) {
            double x = Math.log(p.n());
            double y = Math.log(gap(p, limit));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        int k = use.size();
        double denom = k * sxx - sx * sx;
        if (denom == 0.0) {
            return null;
        }
        double slope = (k * sxy - sx * sy) / denom;
        double intercept = (sy - slope * sx) / k;
        return new RateFit(slope, Math.exp(intercept), k, onlyExact ? "exact" : "all");
    }

    /** {@code |E_N - E_inf|} of a point. */
    public static double gap(NPlayerPoint p, double limit) {
        return Math.abs(p.exploitability() - limit);
    }

    /** The fitted {@code constant * n^rate}. */
    public double at(double n) {
        return constant * Math.pow(n, rate);
    }
}
