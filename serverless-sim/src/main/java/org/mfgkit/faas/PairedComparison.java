package org.mfgkit.faas;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A manager against a baseline on the same evaluation episodes (paired: same seeds, so the same
 * arrival and service-time streams): the mean difference of the per-episode QoS-violation rates and
 * of the per-episode CPU utilisations, with two-sided 95% Student-t confidence intervals.
 *
 * <p>Units: when both managers have one run (heuristics), the units are the evaluation seeds
 * ({@code d_s = v_M(s) - v_B(s)}, {@code S - 1} degrees of freedom). Otherwise the units are the
 * training runs: with {@code m_s} the baseline's mean over its runs on seed s, run r of the manager
 * scores {@code a_r = mean_s (v_M(r,s) - m_s)} and run r' of the baseline {@code b_r' = mean_s
 * (v_B(r',s) - m_s)}; the difference is {@code mean(a) - mean(b)} with standard error {@code
 * sqrt(var(a)/R_M + var(b)/R_B)} and Welch-Satterthwaite degrees of freedom (a baseline with one
 * run contributes no variance). {@code significant}: the violation interval excludes 0.
 *
 * @param manager the manager
 * @param baseline the baseline
 * @param violationDifference mean paired difference of the violation rate (manager - baseline)
 * @param violationCiLow lower end of its 95% interval
 * @param violationCiHigh upper end
 * @param cpuUtilizationDifference mean paired difference of the CPU utilisation
 * @param cpuCiLow lower end of its 95% interval
 * @param cpuCiHigh upper end
 * @param unit {@code seeds} or {@code training runs}
 * @param perUnit the violation differences per unit ({@code a_r} for runs)
 * @param significant whether the violation interval excludes 0
 */
public record PairedComparison(
        String manager,
        String baseline,
        double violationDifference,
        double violationCiLow,
        double violationCiHigh,
        double cpuUtilizationDifference,
        double cpuCiLow,
        double cpuCiHigh,
        String unit,
        double[] perUnit,
        boolean significant) {

    /** {@code manager} against {@code baseline} on their shared evaluation seeds. */
    public static PairedComparison of(
            ManagerEvaluation.ManagerMetrics manager, ManagerEvaluation.ManagerMetrics baseline) {
        double[] v = stats(manager, baseline, true);
        double[] u = stats(manager, baseline, false);
        int units = (int) v[3];
        double[] per = new double[units];
        System.arraycopy(v, 4, per, 0, units);
        boolean sig = v[1] > 0.0 || v[2] < 0.0;
        return new PairedComparison(
                manager.manager(),
                baseline.manager(),
                v[0],
                v[1],
                v[2],
                u[0],
                u[1],
                u[2],
                runs(manager) == 1 && runs(baseline) == 1 ? "seeds" : "training runs",
                per,
                sig);
    }

    private static int runs(ManagerEvaluation.ManagerMetrics r) {
        int k = 0;
        for (ManagerEvaluation.SeedResult s : r.seeds()) {
            k = Math.max(k, s.run() + 1);
        }
        return k;
    }

    /** {mean, lo, hi, units, perUnit...} of the violation rate (or CPU utilisation). */
    private static double[] stats(
            ManagerEvaluation.ManagerMetrics m,
            ManagerEvaluation.ManagerMetrics b,
            boolean violations) {
        TreeMap<Long, double[]> base = new TreeMap<>();
        for (ManagerEvaluation.SeedResult s : b.seeds()) {
            double[] acc = base.computeIfAbsent(s.seed(), k -> new double[2]);
            acc[0] += value(s, violations);
            acc[1]++;
        }
        int rm = runs(m);
        int rb = runs(b);
        List<double[]> a = perRun(m, base, violations, rm);
        List<double[]> bb = perRun(b, base, violations, rb);
        double[] out;
        if (rm == 1 && rb == 1) {
            // units = seeds
            List<Double> d = new ArrayList<>();
            for (ManagerEvaluation.SeedResult s : m.seeds()) {
                double[] acc = base.get(s.seed());
                if (acc == null) {
                    throw new IllegalArgumentException(
                            m.manager()
                                    + " and "
                                    + b.manager()
                                    + " were not evaluated on the same seeds");
                }
                d.add(value(s, violations) - acc[0] / acc[1]);
            }
            double[] x = d.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = mean(x);
            double se = x.length > 1 ? Math.sqrt(var(x) / x.length) : Double.NaN;
            double t = tQuantile(x.length - 1);
            out = new double[4 + x.length];
            out[0] = mean;
            out[1] = mean - t * se;
            out[2] = mean + t * se;
            out[3] = x.length;
            System.arraycopy(x, 0, out, 4, x.length);
            return out;
        }
        double[] ar = a.get(0);
        double[] br = bb.get(0);
        double mean = mean(ar) - mean(br);
        double va = rm > 1 ? var(ar) / rm : 0.0;
        double vb = rb > 1 ? var(br) / rb : 0.0;
        double se = rm > 1 || rb > 1 ? Math.sqrt(va + vb) : Double.NaN;
        double df =
                (va + vb)
                        * (va + vb)
                        / ((rm > 1 ? va * va / (rm - 1) : 0.0)
                                + (rb > 1 ? vb * vb / (rb - 1) : 0.0));
        double t =
                tQuantile(Double.isFinite(df) && df > 0 ? df : Math.max(1, Math.max(rm, rb) - 1));
        out = new double[4 + ar.length];
        out[0] = mean;
        out[1] = mean - t * se;
        out[2] = mean + t * se;
        out[3] = ar.length;
        System.arraycopy(ar, 0, out, 4, ar.length);
        return out;
    }

    /** Per run: mean over its seeds of (value - baseline mean on the seed); one list entry. */
    private static List<double[]> perRun(
            ManagerEvaluation.ManagerMetrics r,
            TreeMap<Long, double[]> base,
            boolean violations,
            int runs) {
        double[] sum = new double[runs];
        int[] n = new int[runs];
        for (ManagerEvaluation.SeedResult s : r.seeds()) {
            double[] acc = base.get(s.seed());
            if (acc == null) {
                throw new IllegalArgumentException(
                        r.manager() + " was evaluated on a seed its baseline was not");
            }
            sum[s.run()] += value(s, violations) - acc[0] / acc[1];
            n[s.run()]++;
        }
        for (int i = 0; i < runs; i++) {
            sum[i] /= Math.max(1, n[i]);
        }
        return List.of(sum);
    }

    private static double value(ManagerEvaluation.SeedResult s, boolean violations) {
        return violations ? s.qosViolationRate() : s.cpuUtilization();
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return x.length > 0 ? s / x.length : 0.0;
    }

    private static double var(double[] x) {
        if (x.length < 2) {
            return 0.0;
        }
        double m = mean(x);
        double s = 0.0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** {@code t(0.975, df)}; {@code +inf} without degrees of freedom. */
    static double tQuantile(double df) {
        return df >= 1
                ? new TDistribution(null, df).inverseCumulativeProbability(0.975)
                : Double.POSITIVE_INFINITY;
    }
}
