package org.mfgkit.faas;

/**
 * Adam (Kingma and Ba, 2015) for maximisation on a flat parameter vector, as PPO-style
 * implementations run their KL-penalised policy step (004 Appendix E: "a standard gradient descent
 * method with adaptive KL divergence penalty", learning rate 3e-4). Defaults {@code beta1 = 0.9,
 * beta2 = 0.999, eps = 1e-8}.
 */
final class Adam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private long t;

    Adam(int size, double lr) {
        if (!(lr > 0.0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        this.lr = lr;
        this.beta1 = 0.9;
        this.beta2 = 0.999;
        this.eps = 1e-8;
        this.m = new double[size];
        this.v = new double[size];
    }

    /**
     * The ascent step for gradient {@code g} (not modified): returns the increment to add to the
     * parameters.
     */
    double[] step(double[] g) {
        if (g.length != m.length) {
            throw new IllegalArgumentException(
                    "gradient has length " + g.length + ", expected " + m.length);
        }
        t++;
        double c1 = 1.0 - Math.pow(beta1, t);
        double c2 = 1.0 - Math.pow(beta2, t);
        double[] delta = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            m[j] = beta1 * m[j] + (1.0 - beta1) * g[j];
            v[j] = beta2 * v[j] + (1.0 - beta2) * g[j] * g[j];
            delta[j] = lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + eps);
        }
        return delta;
    }
}
