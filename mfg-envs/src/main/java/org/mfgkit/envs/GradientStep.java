package org.mfgkit.envs;

/**
 * The first-order steps MF-OMO descends with, as torch implements them ({@code torch.optim.Adam}
 * and {@code torch.optim.SGD} with their defaults): SGD {@code x <- x - lr g}; Adam (Kingma &amp;
 * Ba 2015) with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}: {@code m <- beta1 m
 * + (1 - beta1) g}, {@code v <- beta2 v + (1 - beta2) g^2}, {@code x <- x - (lr / (1 - beta1^k)) m
 * / (sqrt(v) / sqrt(1 - beta2^k) + eps)} at step {@code k}, in torch's order of operations. The
 * moments persist across steps, also when the caller projects {@code x} in between (as MFGLib
 * does). The parameters are blocks {@code x[b][i]}, updated in place.
 */
final class GradientStep {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final boolean adam;
    private final double lr;
    private double[][] m;
    private double[][] v;
    private int k;

    private GradientStep(boolean adam, double lr) {
        this.adam = adam;
        this.lr = lr;
    }

    /** Adam with learning rate {@code lr}. */
    static GradientStep adam(double lr) {
        return new GradientStep(true, lr);
    }

    /** Plain gradient descent with learning rate {@code lr}. */
    static GradientStep sgd(double lr) {
        return new GradientStep(false, lr);
    }

    /** By MFGLib's optimizer name, {@code Adam} or {@code SGD}. */
    static GradientStep of(String name, double lr) {
        return switch (name) {
            case "Adam" -> adam(lr);
            case "SGD" -> sgd(lr);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'");
        };
    }

    /** One descent step of {@code x} (modified) along the gradient {@code g} (same shape). */
    void apply(double[][] x, double[][] g) {
        if (!adam) {
            for (int b = 0; b < x.length; b++) {
                for (int i = 0; i < x[b].length; i++) {
                    x[b][i] -= lr * g[b][i];
                }
            }
            return;
        }
        if (m == null) {
            m = new double[x.length][];
            v = new double[x.length][];
            for (int b = 0; b < x.length; b++) {
                m[b] = new double[x[b].length];
                v[b] = new double[x[b].length];
            }
        }
        k++;
        double stepSize = lr / (1.0 - Math.pow(BETA1, k));
        double correction2 = Math.sqrt(1.0 - Math.pow(BETA2, k));
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < x[b].length; i++) {
                double gi = g[b][i];
                m[b][i] = BETA1 * m[b][i] + (1.0 - BETA1) * gi;
                v[b][i] = BETA2 * v[b][i] + (1.0 - BETA2) * gi * gi;
                double denom = Math.sqrt(v[b][i]) / correction2 + EPS;
                x[b][i] -= stepSize * (m[b][i] / denom);
            }
        }
    }
}
