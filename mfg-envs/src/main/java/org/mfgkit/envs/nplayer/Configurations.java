package org.mfgkit.envs.nplayer;

/**
 * The count configurations of {@code n} players over {@code m} states: the compositions {@code c =
 * (c_0..c_{m-1})}, {@code c_s >= 0}, {@code sum c_s = n}, of which there are {@code C(n+m-1, m-1)}.
 * Ranked in colex order of their stars-and-bars positions {@code b_j = c_0 + .. + c_{j-1} + j - 1}
 * ({@code j = 1..m-1}): {@code rank(c) = sum_j C(b_j, j)}. With two states the rank is {@code c_0},
 * the number in state 0.
 */
final class Configurations {
    private final int n;
    private final int m;
    private final int size;

    /** {@code binom[i*m + j] = C(i, j)} for {@code i <= n+m-1}, {@code j <= m-1}. */
    private final long[] binom;

    /** {@code counts[r*m + s]}: configuration of rank {@code r}. */
    private final int[] counts;

    /**
     * All configurations of {@code n} players over {@code m} states.
     *
     * @throws IllegalArgumentException when there are more than {@code Integer.MAX_VALUE / m}
     */
    Configurations(int n, int m) {
        if (n < 0 || m < 1) {
            throw new IllegalArgumentException("configurations need n >= 0 and m >= 1");
        }
        double count = count(n, m);
        if (count * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "too many count configurations (" + count + ") to enumerate");
        }
        this.n = n;
        this.m = m;
        this.size = (int) count;
        this.binom = new long[(n + m) * m];
        for (int i = 0; i < n + m; i++) {
            binom[i * m] = 1;
            for (int j = 1; j < m && j <= i; j++) {
                binom[i * m + j] =
                        binom[(i - 1) * m + j - 1] + (j <= i - 1 ? binom[(i - 1) * m + j] : 0);
            }
        }
        this.counts = new int[size * m];
        int[] c = new int[m];
        fill(c, 0, n);
    }

    private void fill(int[] c, int s, int left) {
        if (s == m - 1) {
            c[s] = left;
            int r = rank(c);
            System.arraycopy(c, 0, counts, r * m, m);
            return;
        }
        for (int k = 0; k <= left; k++) {
            c[s] = k;
            fill(c, s + 1, left - k);
        }
    }

    /** {@code C(n+m-1, m-1)} as a double (exact below {@code 2^53}). */
    static double count(int n, int m) {
        double c = 1.0;
        for (int j = 1; j < m; j++) {
            c = c * (n + j) / j;
        }
        return Math.rint(c);
    }

    /** Number of players {@code n}. */
    int players() {
        return n;
    }

    /** Number of states {@code m}. */
    int states() {
        return m;
    }

    /** Number of configurations. */
    int size() {
        return size;
    }

    /** The rank of configuration {@code c} (not checked). */
    int rank(int[] c) {
        long r = 0;
        int b = -1;
        for (int j = 1; j < m; j++) {
            b += c[j - 1] + 1;
            if (b >= j) {
                r += binom[b * m + j];
            }
        }
        return (int) r;
    }

    /** The count of state {@code s} in configuration {@code rank}. */
    int countOf(int rank, int s) {
        return counts[rank * m + s];
    }

    /** Copies configuration {@code rank} into {@code out[0..m)}. */
    void counts(int rank, int[] out) {
        System.arraycopy(counts, rank * m, out, 0, m);
    }
}
