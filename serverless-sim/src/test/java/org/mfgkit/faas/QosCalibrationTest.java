package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class QosCalibrationTest {
    /**
     * In isolation with warm containers the latency is the service time, so the calibrated p99 is a
     * sample 0.99-quantile of the lognormal: F(p99_hat) must lie within 5 binomial standard errors
     * sqrt(p(1-p)/n) of 0.99, and the target is 1.15 x p99.
     */
    @Test
    void isolatedP99IsTheServiceQuantile() {
        List<FunctionProfile> fns = FunctionProfiles.defaults();
        FaasParams params = FaasParams.defaults();
        QosCalibration cal = QosCalibration.run(ClusterSpec.defaults(), fns, params, 5);
        int n = cal.samples();
        double se = Math.sqrt(0.99 * 0.01 / n);
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        for (int f = 0; f < fns.size(); f++) {
            ServiceTime.LogNormal ln = (ServiceTime.LogNormal) fns.get(f).service();
            double cdf =
                    z.cumulativeProbability(
                            Math.log(cal.isolatedP99Ms()[f] / ln.medianMs()) / ln.sigma());
            assertEquals(0.99, cdf, 5 * se, fns.get(f).name());
            assertEquals(1.15 * cal.isolatedP99Ms()[f], cal.targetsMs()[f], 1e-9);
        }
        assertTrue(n >= 20_000);
    }
}
