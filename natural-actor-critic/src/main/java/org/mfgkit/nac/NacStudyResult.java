package org.mfgkit.nac;

import java.util.List;
import org.mfgkit.core.Curve;

/**
 * The outcome of a {@link NacStudy}: per variant, the curves over seeds and the runs, with the
 * summaries results report.
 *
 * @param uniformExploitability the measure at the uniform policy (the scale of "% of uniform")
 * @param seeds the run seeds, in the order of each curve's runs
 * @param variants per variant, in the study's order
 */
public record NacStudyResult(
        double uniformExploitability, long[] seeds, List<VariantResult> variants) {

    /** Copies. */
    public NacStudyResult {
        seeds = seeds.clone();
        variants = List.copyOf(variants);
    }

    /**
     * One variant over every seed.
     *
     * @param name the variant's name
     * @param settings its settings
     * @param exploitability the measure at {@code pi_t}, one run per seed
     * @param averageExploitability the measure at the running average policy, one run per seed
     * @param meanFieldGap the gap in the learner's own mean field, one run per seed ({@code null}
     *     unless the study asked for it)
     * @param runs the runs, one per seed
     */
    public record VariantResult(
            String name,
            NacSettings settings,
            Curve exploitability,
            Curve averageExploitability,
            Curve meanFieldGap,
            List<NacResult> runs) {

        /** Copies the list. */
        public VariantResult {
            runs = List.copyOf(runs);
        }

        /** {@code E(pi_T)} per seed. */
        public double[] finalExploitability() {
            return runs.stream().mapToDouble(NacResult::finalExploitability).toArray();
        }

        /** The measure at the final running average policy, per seed. */
        public double[] finalAverageExploitability() {
            return runs.stream().mapToDouble(NacResult::finalAverageExploitability).toArray();
        }

        /** Wall-clock seconds per seed (not reproducible). */
        public double[] seconds() {
            return runs.stream().mapToDouble(NacResult::seconds).toArray();
        }

        /** The final policies' tables {@code [seed][s][a]}. */
        public double[][][] finalPolicies() {
            return runs.stream()
                    .map(r -> r.policy().toTabular().toArray())
                    .toArray(double[][][]::new);
        }

        /** {@link #largestRise} of the mean exploitability curve. */
        public double largestRiseDecades() {
            return largestRise(exploitability.mean());
        }
    }

    /** Mean of {@code a}, summed in index order. */
    public static double mean(double[] a) {
        double s = 0.0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** Smallest entry of {@code a}. */
    public static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** Largest entry of {@code a}. */
    public static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The largest rise of {@code log10} of a mean curve from one record to the next, in decades: a
     * smooth curve rises by little between records, a zigzag jumps (DL-NAC's gap in its own mean
     * field jumps at every full {@code Gamma2} step). Non-positive values are skipped; {@code NaN}
     * for fewer than two.
     */
    public static double largestRise(double[] mean) {
        double rise = Double.NaN;
        double previous = Double.NaN;
        for (double e : mean) {
            if (!(e > 0.0)) {
                continue;
            }
            double y = Math.log10(e);
            if (!Double.isNaN(previous)) {
                rise = Double.isNaN(rise) ? y - previous : Math.max(rise, y - previous);
            }
            previous = y;
        }
        return rise;
    }
}
