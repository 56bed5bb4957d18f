package org.mfgkit.envs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mfgkit.mdp.SparseKernel;

/**
 * Euclidean projection onto the occupation measures of a finite-horizon flow: {@code argmin_d ||d -
 * y||} over {@code d_t(s,a) >= 0} with {@code sum_a d_0(s,a) = mu0(s)} and {@code sum_a
 * d_{t+1}(s',a) = sum_{s,a} P_t(s'|s,a) d_t(s,a)} for {@code t < T} (MF-OMO's {@code A_L d = b},
 * Guo, Hu & Zhang 2023, with the kernels held fixed). MFGLib hands this quadratic program to OSQP;
 * here it is solved to machine precision by a semismooth Newton method on the dual (Qi & Sun 2006,
 * "A quadratically convergent Newton method for computing the nearest correlation matrix", the same
 * scheme for a polyhedron): {@code d(lambda) = max(y + A^T lambda, 0)} and Newton steps on {@code A
 * d(lambda) = b} with the generalised Jacobian {@code A D A^T + reg I} (D the support of {@code
 * d(lambda)}, {@code reg = min(1e-3, |A d - b|)}): a full step is taken when it cuts the residual
 * {@code |A d - b|} by 10 %, else an Armijo search on the dual objective (whose decrease is lost in
 * rounding close to the solution). The Newton system is assembled and factorised (Cholesky) when
 * the dual has at most {@link #DENSE_LIMIT} entries, and otherwise applied matrix-free through the
 * sparse kernels and solved by conjugate gradients (a few {@code O(T*S*A*k)} products per CG
 * iteration).
 *
 * <p>Layout: {@code d[t][s*nA + a]}; dual {@code lambda[t][s]}, {@code t < T} for the flow rows
 * from {@code t} to {@code t+1}, {@code lambda[T]} for the initial marginal.
 */
final class FlowPolytopeProjection {
    /** Stop when {@code max |A d - b| <= TOLERANCE}. */
    static final double TOLERANCE = 1e-14;

    /** Largest dual dimension {@code (T+1)*S} for which the Newton system is factorised. */
    static final int DENSE_LIMIT = 2500;

    /** Accept a stalled line search below this residual (rounding of large flows). */
    private static final double STALL_TOLERANCE = 1e-12;

    private static final int MAX_NEWTON = 200;

    private final int nS;
    private final int nA;
    private final int horizon;
    private final double[] mu0;

    /** {@code P_t}, {@code t < T}. */
    private final SparseKernel[] kernels;

    /** Dual of the last projection (for tests: the KKT conditions). */
    private double[][] lastDual;

    /** Dual dimension up to which the Newton system is factorised. */
    private final int denseLimit;

    FlowPolytopeProjection(double[] mu0, SparseKernel[] kernels, int nS, int nA) {
        this(mu0, kernels, nS, nA, DENSE_LIMIT);
    }

    /** With another threshold between the factorised and the CG Newton step (for tests). */
    FlowPolytopeProjection(double[] mu0, SparseKernel[] kernels, int nS, int nA, int denseLimit) {
        this.denseLimit = denseLimit;
        this.nS = nS;
        this.nA = nA;
        this.horizon = kernels.length;
        this.mu0 = mu0.clone();
        this.kernels = kernels;
    }

    /** {@code A^T lambda}, written into {@code out[t][s*nA + a]}. */
    void adjoint(double[][] lambda, double[][] out) {
        for (int t = 0; t <= horizon; t++) {
            double[] o = out[t];
            for (int s = 0; s < nS; s++) {
                double own = (t == 0 ? lambda[horizon][s] : 0.0) - (t > 0 ? lambda[t - 1][s] : 0.0);
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    o[i] = t < horizon ? own + kernels[t].expect(i, lambda[t]) : own;
                }
            }
        }
    }

    /** {@code A d}, written into {@code out[t][s]} (without {@code -b}). */
    void apply(double[][] d, double[][] out) {
        for (int t = 0; t <= horizon; t++) {
            java.util.Arrays.fill(out[t], 0.0);
        }
        for (int t = 0; t <= horizon; t++) {
            double[] dt = d[t];
            for (int s = 0; s < nS; s++) {
                double marginal = 0.0;
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    marginal += dt[i];
                    if (t < horizon && dt[i] != 0.0) {
                        kernels[t].push(i, dt[i], out[t]);
                    }
                }
                if (t == 0) {
                    out[horizon][s] += marginal;
                } else {
                    out[t - 1][s] -= marginal;
                }
            }
        }
    }

    /** The projection of {@code y[t][s*nA + a]} (not modified). */
    double[][] project(double[][] y) {
        int steps = horizon + 1;
        double[][] lambda = new double[steps][nS];
        double[][] x = new double[steps][nS * nA];
        double[][] work = new double[steps][nS * nA];
        double[][] g = new double[steps][nS];
        double theta = primal(y, lambda, x, work);
        for (int it = 0; ; it++) {
            residual(x, g);
            double gMax = maxAbs(g);
            if (gMax <= TOLERANCE) {
                break;
            }
            if (it == MAX_NEWTON) {
                throw new IllegalStateException(
                        "flow-polytope projection: no convergence in "
                                + MAX_NEWTON
                                + " Newton steps (residual "
                                + gMax
                                + ")");
            }
            // the support D of d(lambda) and the regularised Newton system (A D A^T + mu I) dl = -g
            boolean[][] active = new boolean[steps][nS * nA];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < nS * nA; i++) {
                    active[t][i] = x[t][i] > 0.0;
                }
            }
            double gNorm = Math.sqrt(dot(g, g));
            double reg = Math.min(1e-3, gNorm);
            double[][] step =
                    steps * nS <= denseLimit
                            ? factorised(active, reg, g)
                            : conjugateGradient(active, reg, g, Math.min(0.1, Math.sqrt(gNorm)));
            double slope = dot(g, step);
            double s = 1.0;
            double[][] trial = new double[steps][nS];
            double[][] xTrial = new double[steps][nS * nA];
            double[][] gTrial = new double[steps][nS];
            double thetaTrial;
            while (true) {
                for (int t = 0; t < steps; t++) {
                    for (int k = 0; k < nS; k++) {
                        trial[t][k] = lambda[t][k] + s * step[t][k];
                    }
                }
                thetaTrial = primal(y, trial, xTrial, work);
                if (s == 1.0) {
                    // a full step that cuts the residual by 10 % is taken: near the solution the
                    // dual objective's decrease is lost in rounding
                    residual(xTrial, gTrial);
                    if (Math.sqrt(dot(gTrial, gTrial)) <= 0.9 * gNorm) {
                        break;
                    }
                }
                if (thetaTrial <= theta + 1e-4 * s * slope) {
                    break;
                }
                s *= 0.5;
                if (s < 1e-12) {
                    if (gMax <= STALL_TOLERANCE) {
                        lastDual = lambda;
                        return x;
                    }
                    throw new IllegalStateException(
                            "flow-polytope projection: line search failed at residual " + gMax);
                }
            }
            lambda = trial;
            x = xTrial;
            theta = thetaTrial;
        }
        lastDual = lambda;
        return x;
    }

    /** The dual of the last {@link #project} ({@code x = max(y + A^T lambda, 0)}). */
    double[][] lastDual() {
        return lastDual;
    }

    /**
     * {@code x = max(y + A^T lambda, 0)}; returns the dual objective {@code |x|^2/2 - b.lambda}.
     */
    private double primal(double[][] y, double[][] lambda, double[][] x, double[][] work) {
        adjoint(lambda, work);
        double sq = 0.0;
        for (int t = 0; t <= horizon; t++) {
            for (int i = 0; i < nS * nA; i++) {
                double v = Math.max(y[t][i] + work[t][i], 0.0);
                x[t][i] = v;
                sq += v * v;
            }
        }
        double bl = 0.0;
        for (int s = 0; s < nS; s++) {
            bl += mu0[s] * lambda[horizon][s];
        }
        return 0.5 * sq - bl;
    }

    /** {@code g = A x - b}. */
    private void residual(double[][] x, double[][] g) {
        apply(x, g);
        for (int s = 0; s < nS; s++) {
            g[horizon][s] -= mu0[s];
        }
    }

    /** Solves {@code (A D A^T + reg I) p = -g} by assembling the matrix and a Cholesky solve. */
    private double[][] factorised(boolean[][] active, double reg, double[][] g) {
        int m = (horizon + 1) * nS;
        DMatrixRMaj h = new DMatrixRMaj(m, m);
        int[] rows = new int[nS + 2];
        double[] vals = new double[nS + 2];
        for (int t = 0; t <= horizon; t++) {
            for (int s = 0; s < nS; s++) {
                for (int a = 0; a < nA; a++) {
                    int i = s * nA + a;
                    if (!active[t][i]) {
                        continue;
                    }
                    // column (t,s,a) of A: P_t(.|s,a) in rows (t,.), -1 at (t-1,s), +1 at (T,s)
                    int n = 0;
                    if (t < horizon) {
                        SparseKernel p = kernels[t];
                        for (int k = p.start(i); k < p.start(i + 1); k++) {
                            rows[n] = t * nS + p.next(k);
                            vals[n++] = p.prob(k);
                        }
                    }
                    if (t > 0) {
                        rows[n] = (t - 1) * nS + s;
                        vals[n++] = -1.0;
                    } else {
                        rows[n] = horizon * nS + s;
                        vals[n++] = 1.0;
                    }
                    for (int u = 0; u < n; u++) {
                        for (int w = 0; w < n; w++) {
                            h.data[rows[u] * m + rows[w]] += vals[u] * vals[w];
                        }
                    }
                }
            }
        }
        for (int j = 0; j < m; j++) {
            h.data[j * m + j] += reg;
        }
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int t = 0; t <= horizon; t++) {
            for (int s = 0; s < nS; s++) {
                rhs.data[t * nS + s] = -g[t][s];
            }
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(m);
        if (!chol.setA(h)) {
            throw new IllegalStateException("flow-polytope projection: Newton system not SPD");
        }
        DMatrixRMaj sol = new DMatrixRMaj(m, 1);
        chol.solve(rhs, sol);
        double[][] p = new double[horizon + 1][nS];
        for (int t = 0; t <= horizon; t++) {
            System.arraycopy(sol.data, t * nS, p[t], 0, nS);
        }
        return p;
    }

    /** Solves {@code (A D A^T + reg I) p = -g} to relative residual {@code forcing}, from 0. */
    private double[][] conjugateGradient(
            boolean[][] active, double reg, double[][] g, double forcing) {
        int steps = horizon + 1;
        double[][] p = new double[steps][nS];
        double[][] r = new double[steps][nS];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < nS; k++) {
                r[t][k] = -g[t][k];
            }
        }
        double[][] dir = copy(r);
        double[][] hd = new double[steps][nS];
        double[][] cols = new double[steps][nS * nA];
        double rr = dot(r, r);
        double stop = forcing * forcing * rr;
        int max = 2 * steps * nS + 100;
        for (int k = 0; k < max && rr > stop && rr > 0.0; k++) {
            adjoint(dir, cols);
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < nS * nA; i++) {
                    if (!active[t][i]) {
                        cols[t][i] = 0.0;
                    }
                }
            }
            apply(cols, hd);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < nS; j++) {
                    hd[t][j] += reg * dir[t][j];
                }
            }
            double alpha = rr / dot(dir, hd);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < nS; j++) {
                    p[t][j] += alpha * dir[t][j];
                    r[t][j] -= alpha * hd[t][j];
                }
            }
            double rrNext = dot(r, r);
            double beta = rrNext / rr;
            rr = rrNext;
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < nS; j++) {
                    dir[t][j] = r[t][j] + beta * dir[t][j];
                }
            }
        }
        return p;
    }

    private static double dot(double[][] a, double[][] b) {
        double sum = 0.0;
        for (int t = 0; t < a.length; t++) {
            for (int j = 0; j < a[t].length; j++) {
                sum += a[t][j] * b[t][j];
            }
        }
        return sum;
    }

    private static double maxAbs(double[][] a) {
        double m = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            c[t] = a[t].clone();
        }
        return c;
    }
}
