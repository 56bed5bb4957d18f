package org.mfgkit.core;

/**
 * The power law {@code y ~ prefactor * x^exponent}, fitted by ordinary least squares on {@code log
 * y} against {@code log x} (a straight line on log-log axes), e.g. how the time of an evaluation
 * grows with the number of states.
 *
 * @param exponent the slope on log-log axes ({@code 1}: linear growth)
 * @param prefactor {@code exp} of the intercept
 * @param points how many points entered the fit
 */
public record PowerLawFit(double exponent, double prefactor, int points) {

    /**
     * The least-squares fit through {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException when the lengths differ, fewer than two points are given, a
     *     value is not positive and finite, or all {@code x} are equal
     */
    public static PowerLawFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(
                    "power-law fit needs two or more (x, y) pairs of equal length, got "
                            + x.length
                            + " x and "
                            + y.length
                            + " y");
        }
        int k = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            if (!(x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                throw new IllegalArgumentException(
                        "power-law fit needs positive, finite values, got (x, y) = ("
                                + x[i]
                                + ", "
                                + y[i]
                                + ") at "
                                + i);
            }
            mx += Math.log(x[i]) / k;
            my += Math.log(y[i]) / k;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(x[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(y[i]) - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("power-law fit needs at least two distinct x");
        }
        double slope = sxy / sxx;
        return new PowerLawFit(slope, Math.exp(my - slope * mx), k);
    }

    /** The fitted {@code prefactor * x^exponent}. */
    public double at(double x) {
        return prefactor * Math.pow(x, exponent);
    }
}
