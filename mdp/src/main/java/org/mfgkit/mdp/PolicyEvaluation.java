package org.mfgkit.mdp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.mfgkit.core.Policy;

/**
 * Exact entropy-regularised policy evaluation (SPEC §1): {@code V^pi = (I - gamma P_pi)^{-1} (r_pi
 * + lambda H_pi)} by LU (EJML), and the Q-function {@code Q^pi(s,a) = r(s,a) + gamma sum_s'
 * P(s'|s,a) V^pi(s')}. Also an iterative evaluation (fixed-point iteration of the Bellman
 * operator), kept as an independent cross-check.
 */
public final class PolicyEvaluation {
    private PolicyEvaluation() {}

    /** {@code P_pi[s*nS + s2] = sum_a pi(a|s) P(s2|s,a)}. */
    public static double[] policyTransition(FiniteMdp mdp, Policy pi) {
        requireShape(mdp, pi);
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[] p = mdp.transitionArray();
        double[] out = new double[nS * nS];
        double[] row = new double[nA];
        for (int s = 0; s < nS; s++) {
            pi.probabilities(s, row);
            for (int a = 0; a < nA; a++) {
                double w = row[a];
                if (w == 0.0) {
                    continue;
                }
                int base = (s * nA + a) * nS;
                for (int s2 = 0; s2 < nS; s2++) {
                    out[s * nS + s2] += w * p[base + s2];
                }
            }
        }
        return out;
    }

    /** Regularised one-step reward {@code r_pi(s) + lambda H(pi(.|s))}. */
    public static double[] regularisedReward(FiniteMdp mdp, Policy pi, double lambda) {
        requireShape(mdp, pi);
        requireLambda(lambda);
        int nS = mdp.nS();
        int nA = mdp.nA();
        double[] out = new double[nS];
        double[] row = new double[nA];
        for (int s = 0; s < nS; s++) {
            pi.probabilities(s, row);
            double sum = 0.0;
            for (int a = 0; a < nA; a++) {
                sum += row[a] * mdp.r(s, a);
            }
            out[s] = lambda == 0.0 ? sum : sum + lambda * pi.entropy(s);
        }
        return out;
    }

    /** {@code V^{pi,lambda}} by solving {@code (I - gamma P_pi) V = r_pi + lambda H_pi} with LU. */
    public static double[] evaluate(FiniteMdp mdp, Policy pi, double lambda) {
        int nS = mdp.nS();
        double[] pPi = policyTransition(mdp, pi);
        double[] b = regularisedReward(mdp, pi, lambda);
        DMatrixRMaj a = new DMatrixRMaj(nS, nS);
        double[] data = a.data;
        double gamma = mdp.gamma();
        for (int i = 0; i < nS * nS; i++) {
            data[i] = -gamma * pPi[i];
        }
        for (int s = 0; s < nS; s++) {
            data[s * nS + s] += 1.0;
        }
        return solve(a, b);
    }

    /**
     * {@code V^{pi,lambda}} by iterating {@code V <- r_pi + lambda H_pi + gamma P_pi V} from 0
     * until the sup-norm change is at most {@code tolerance}. Independent of the LU path; for
     * checks.
     */
    public static double[] evaluateIteratively(
            FiniteMdp mdp, Policy pi, double lambda, double tolerance) {
        int nS = mdp.nS();
        double[] pPi = policyTransition(mdp, pi);
        double[] b = regularisedReward(mdp, pi, lambda);
        double gamma = mdp.gamma();
        double[] v = new double[nS];
        double[] next = new double[nS];
        for (int it = 0; it < 10_000_000; it++) {
            double change = 0.0;
            for (int s = 0; s < nS; s++) {
                double sum = 0.0;
                for (int s2 = 0; s2 < nS; s2++) {
                    sum += pPi[s * nS + s2] * v[s2];
                }
                next[s] = b[s] + gamma * sum;
                change = Math.max(change, Math.abs(next[s] - v[s]));
            }
            double[] t = v;
            v = next;
            next = t;
            if (change <= tolerance) {
                return v;
            }
        }
        throw new IllegalStateException(
                "iterative evaluation did not reach tolerance " + tolerance);
    }

    /** {@code Q(s,a) = r(s,a) + gamma sum_s' P(s'|s,a) V(s')}, flat {@code [s*nA + a]}. */
    public static double[] qValues(FiniteMdp mdp, double[] v) {
        int nS = mdp.nS();
        int nA = mdp.nA();
        if (v.length != nS) {
            throw new IllegalArgumentException(
                    "value vector has length " + v.length + ", expected nS = " + nS);
        }
        double[] q = new double[nS * nA];
        bellmanRows(mdp.transitionArray(), mdp.rewardArray(), mdp.gamma(), v, nS, nS * nA, q);
        return q;
    }

    /**
     * {@code q[i] = r[i] + gamma sum_k p[i*n + k] v[k]} for rows {@code i < rows} (written into
     * {@code q}). This is one pass over the transition table, the cost of every Q-function; two
     * rows are summed together so that each load of {@code v} serves both, each with the
     * accumulators of {@link #dotRow} in the same order, so the numbers are those of {@code dotRow}
     * bit for bit.
     */
    static void bellmanRows(
            double[] p, double[] r, double gamma, double[] v, int n, int rows, double[] q) {
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int b0 = i * n;
            int b1 = b0 + n;
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            double t0 = 0.0;
            double t1 = 0.0;
            double t2 = 0.0;
            double t3 = 0.0;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                double v0 = v[k];
                double v1 = v[k + 1];
                double v2 = v[k + 2];
                double v3 = v[k + 3];
                s0 += p[b0 + k] * v0;
                s1 += p[b0 + k + 1] * v1;
                s2 += p[b0 + k + 2] * v2;
                s3 += p[b0 + k + 3] * v3;
                t0 += p[b1 + k] * v0;
                t1 += p[b1 + k + 1] * v1;
                t2 += p[b1 + k + 2] * v2;
                t3 += p[b1 + k + 3] * v3;
            }
            for (; k < n; k++) {
                s0 += p[b0 + k] * v[k];
                t0 += p[b1 + k] * v[k];
            }
            q[i] = r[i] + gamma * ((s0 + s1) + (s2 + s3));
            q[i + 1] = r[i + 1] + gamma * ((t0 + t1) + (t2 + t3));
        }
        if (i < rows) {
            q[i] = r[i] + gamma * dotRow(p, i * n, v, n);
        }
    }

    /**
     * {@code sum_k p[base + k] * v[k]} for {@code k < n}, with four independent accumulators (the
     * JIT does not reorder floating-point sums itself); the expectation {@code E_{s'~P(.|s,a)}
     * v(s')}.
     */
    static double dotRow(double[] p, int base, double[] v, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += p[base + k] * v[k];
            s1 += p[base + k + 1] * v[k + 1];
            s2 += p[base + k + 2] * v[k + 2];
            s3 += p[base + k + 3] * v[k + 3];
        }
        for (; k < n; k++) {
            s0 += p[base + k] * v[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code V(rho) = sum_s rho(s) V(s)}. */
    public static double value(double[] v, double[] rho) {
        if (v.length != rho.length) {
            throw new IllegalArgumentException(
                    "rho has length " + rho.length + ", expected " + v.length);
        }
        double sum = 0.0;
        for (int s = 0; s < v.length; s++) {
            sum += rho[s] * v[s];
        }
        return sum;
    }

    /** Solves {@code A x = b} by LU; {@code a} is not modified. */
    static double[] solve(DMatrixRMaj a, double[] b) {
        return solveWithTranspose(a, b, null)[0];
    }

    /**
     * Solves {@code A x = b} and, when {@code c} is not null, {@code A^T y = c}, with one LU
     * factorisation {@code P A = L U} (EJML's, partial pivoting; the {@code x} of {@link #solve}):
     * {@code A^T y = c} is {@code U^T w = c}, {@code L^T z = w}, {@code y = P^T z}, by substitution
     * along the rows of the factors. Returns {@code {x, y}} ({@code y} null without {@code c});
     * {@code a} is not modified.
     */
    static double[][] solveWithTranspose(DMatrixRMaj a, double[] b, double[] c) {
        int n = a.numRows;
        LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
        LinearSolverLu_DDRM solver =
                new LinearSolverLu_DDRM(lu); // = LinearSolverFactory_DDRM.lu(n)
        if (!solver.setA(a)) {
            throw new IllegalStateException("singular system in exact evaluation");
        }
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(rhs, x);
        if (c == null) {
            return new double[][] {x.data, null};
        }
        double[] f = lu.getLU().data; // L below the diagonal (unit diagonal), U on and above it
        int[] pivot = lu.getPivot(); // row i of P A is row pivot[i] of A
        double[] w = c.clone();
        for (int i = 0; i < n; i++) { // U^T w = c, forward: w_i final once rows < i are subtracted
            int row = i * n;
            double wi = w[i] / f[row + i];
            w[i] = wi;
            for (int j = i + 1; j < n; j++) {
                w[j] -= f[row + j] * wi;
            }
        }
        for (int i = n - 1; i >= 0; i--) { // L^T z = w, backward, in place
            int row = i * n;
            double zi = w[i];
            for (int j = 0; j < i; j++) {
                w[j] -= f[row + j] * zi;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[pivot[i]] = w[i];
        }
        return new double[][] {x.data, y};
    }

    static void requireShape(FiniteMdp mdp, Policy pi) {
        if (pi.nS() != mdp.nS() || pi.nA() != mdp.nA()) {
            throw new IllegalArgumentException(
                    "policy shape "
                            + pi.nS()
                            + "x"
                            + pi.nA()
                            + " does not match the MDP's "
                            + mdp.nS()
                            + "x"
                            + mdp.nA());
        }
    }

    /** Throws unless {@code lambda} is finite and non-negative. */
    public static double requireLambda(double lambda) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        return lambda;
    }
}
