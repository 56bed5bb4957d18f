package org.mfgkit.envs.nplayer;

/**
 * The probabilities of {@code Binomial(n, p)} on the window that holds all but a given share of the
 * mass: computed outward from the mode by the ratio {@code f(k+1)/f(k) = (n-k)/(k+1) * p/(1-p)}
 * (relative round-off {@code O(width * 1e-16)}, no overflow or {@code lgamma} cancellation), down
 * to {@code 1e-30} of the mode, then trimmed from each tail while the trimmed mass stays within
 * {@code eps/2} of the total, and normalised to sum 1. So the window holds all but at most {@code
 * eps} of the mass, and its width is {@code O(sqrt(n p (1-p)))}.
 *
 * <p>A reusable buffer: {@link #lo} is the first value of the window, {@link #p}{@code [0..len)}
 * its probabilities.
 */
final class BinomialWindow {
    /** Terms below this fraction of the mode's are not computed (their total is below 1e-25). */
    private static final double NEGLIGIBLE = 1e-30;

    /** First value of the window. */
    int lo;

    /** Number of values in the window. */
    int len;

    /** {@code p[i] = P(X = lo + i)}, normalised over the window. */
    double[] p = new double[16];

    private double[] scratch = new double[16];

    /** Fills this window with {@code Binomial(n, prob)} truncated at {@code eps} of the mass. */
    BinomialWindow fill(int n, double prob, double eps) {
        if (n == 0 || prob <= 0.0) {
            return point(0);
        }
        if (prob >= 1.0) {
            return point(n);
        }
        double odds = prob / (1.0 - prob);
        int mode = (int) Math.min(n, Math.floor((n + 1) * prob));
        if (scratch.length < n + 1) {
            scratch = new double[Math.max(n + 1, 2 * scratch.length)];
        }
        // unnormalised terms scratch[k], k in [first, last], relative to the mode's
        scratch[mode] = 1.0;
        int last = mode;
        double t = 1.0;
        for (int k = mode; k < n; k++) {
            t *= (double) (n - k) / (k + 1) * odds;
            if (t < NEGLIGIBLE) {
                break;
            }
            scratch[++last] = t;
        }
        int first = mode;
        t = 1.0;
        for (int k = mode; k > 0; k--) {
            t *= (double) k / (n - k + 1) / odds;
            if (t < NEGLIGIBLE) {
                break;
            }
            scratch[--first] = t;
        }
        double total = 0.0;
        for (int k = first; k <= last; k++) {
            total += scratch[k];
        }
        double allowed = 0.5 * eps * total;
        double cut = 0.0;
        while (first < last && cut + scratch[first] <= allowed) {
            cut += scratch[first++];
        }
        cut = 0.0;
        while (last > first && cut + scratch[last] <= allowed) {
            cut += scratch[last--];
        }
        double kept = 0.0;
        for (int k = first; k <= last; k++) {
            kept += scratch[k];
        }
        lo = first;
        len = last - first + 1;
        if (p.length < len) {
            p = new double[Math.max(len, 2 * p.length)];
        }
        for (int i = 0; i < len; i++) {
            p[i] = scratch[first + i] / kept;
        }
        return this;
    }

    private BinomialWindow point(int k) {
        lo = k;
        len = 1;
        p[0] = 1.0;
        return this;
    }
}
