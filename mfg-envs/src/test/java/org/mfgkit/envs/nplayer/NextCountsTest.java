package org.mfgkit.envs.nplayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mfgkit.core.Tolerances;

class NextCountsTest {

    /** Total variation between two rows over ranks {@code 0..size-1}. */
    private static double distance(NextCounts.CountRow a, NextCounts.CountRow b, int size) {
        double[] x = new double[size];
        for (int i = 0; i < a.len; i++) {
            x[a.rank[i]] += a.prob[i];
        }
        for (int i = 0; i < b.len; i++) {
            x[b.rank[i]] -= b.prob[i];
        }
        double d = 0.0;
        for (double v : x) {
            d += Math.abs(v);
        }
        return d;
    }

    /**
     * The reference for two states: the two binomial windows convolved term by term (the direct
     * product, O(width^2)).
     */
    private static NextCounts.CountRow direct(int c0, int c1, double stay, double back) {
        BinomialWindow a = new BinomialWindow().fill(c0, stay, 1e-20);
        BinomialWindow b = new BinomialWindow().fill(c1, back, 1e-20);
        NextCounts.CountRow row = new NextCounts.CountRow();
        row.ensure(a.len + b.len);
        row.len = a.len + b.len - 1;
        for (int i = 0; i < a.len; i++) {
            for (int j = 0; j < b.len; j++) {
                row.prob[i + j] += a.p[i] * b.p[j];
            }
        }
        for (int i = 0; i < row.len; i++) {
            row.rank[i] = a.lo + b.lo + i;
        }
        return row;
    }

    @Test
    void recurrenceMatchesTheDirectConvolutionUpToTenThousandPlayers() {
        int[][] counts = {{6000, 3999}, {9998, 1}, {1, 9998}, {500, 499}, {3, 5}, {0, 9999}};
        double[][] moves = {
            {0.76, 0.3}, {0.5, 0.5001}, {0.99, 0.05}, {1e-4, 0.7}, {0.4, 0.6}, {0.2, 1.0}
        };
        for (int[] c : counts) {
            Configurations configs = new Configurations(c[0] + c[1], 2);
            NextCounts fast = NextCounts.of(configs, CountSpaceEvaluation.TRUNCATION);
            for (double[] m : moves) {
                NextCounts.CountRow row = new NextCounts.CountRow();
                fast.distribution(c, new double[] {m[0], 1 - m[0], m[1], 1 - m[1]}, row);
                double d = distance(row, direct(c[0], c[1], m[0], m[1]), configs.size());
                // measured: at most 8e-15 (round-off of the O(width) recurrence)
                assertTrue(
                        d <= 1e-13,
                        "counts " + c[0] + "," + c[1] + " moves " + m[0] + "," + m[1] + ": " + d);
            }
        }
    }

    @Test
    void twoStatePathMatchesTheGeneralMultinomialPath() {
        Configurations configs = new Configurations(299, 2);
        NextCounts fast = new NextCounts.TwoState(configs, CountSpaceEvaluation.TRUNCATION);
        NextCounts general = new NextCounts.General(configs, CountSpaceEvaluation.TRUNCATION);
        NextCounts.CountRow a = new NextCounts.CountRow();
        NextCounts.CountRow b = new NextCounts.CountRow();
        for (int c0 : new int[] {0, 1, 150, 298, 299}) {
            int[] c = {c0, 299 - c0};
            double[] move = {0.37, 0.63, 0.81, 0.19};
            fast.distribution(c, move, a);
            general.distribution(c, move, b);
            assertTrue(distance(a, b, configs.size()) <= 1e-13, "c0 = " + c0);
        }
    }

    @Test
    void configurationsAreRankedOneToOne() {
        Configurations configs = new Configurations(5, 4);
        assertEquals(56, configs.size()); // C(8, 3)
        boolean[] seen = new boolean[configs.size()];
        int[] c = new int[4];
        for (int r = 0; r < configs.size(); r++) {
            configs.counts(r, c);
            assertEquals(5, c[0] + c[1] + c[2] + c[3]);
            assertEquals(r, configs.rank(c));
            seen[r] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertEquals(1, new Configurations(0, 3).size());
    }

    @Test
    void binomialWindowKeepsAllButEpsOfTheMass() {
        // Binomial(40, 0.3) by the closed form, summed outside the window
        BinomialWindow w = new BinomialWindow().fill(40, 0.3, 1e-10);
        double outside = 0.0;
        double inside = 0.0;
        for (int k = 0; k <= 40; k++) {
            double pk =
                    org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientDouble(
                                    40, k)
                            * Math.pow(0.3, k)
                            * Math.pow(0.7, 40 - k);
            if (k < w.lo || k >= w.lo + w.len) {
                outside += pk;
            } else {
                inside += pk;
                // the window is renormalised: it differs from the closed form by <= 1e-10 relative
                assertEquals(pk, w.p[k - w.lo], Tolerances.TEST_EXACT);
            }
        }
        assertTrue(outside <= 1e-10 && outside > 0, "outside mass " + outside);
        assertEquals(1.0, inside + outside, Tolerances.TEST_EXACT);
    }
}
