package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * The MFGLib-compatible presets against reference numbers from {@code mfg-envs/scripts/mfglib_reference.py}
 * (a float64 numpy transcription of MFGLib's environments, {@code mean_field}, {@code QFn} and
 * {@code exploitability_score}, in MFGLib's joint state-action layout; run
 * {@code python3 mfg-envs/scripts/mfglib_reference.py} to regenerate).
 */
class MfglibReferenceTest {
    /** {@code pi_t(a|s) ∝ 1 + ((7t + 3s + 5a) mod 11)}, as in the script. */
    static TabularPolicy[] patterned(int horizon, int nS, int nA) {
        TabularPolicy[] pis = new TabularPolicy[horizon + 1];
        for (int t = 0; t <= horizon; t++) {
            double[] table = new double[nS * nA];
            for (int s = 0; s < nS; s++) {
                double sum = 0;
                for (int a = 0; a < nA; a++) {
                    table[s * nA + a] = 1 + Math.floorMod(7 * t + 3 * s + 5 * a, 11);
                    sum += table[s * nA + a];
                }
                for (int a = 0; a < nA; a++) {
                    table[s * nA + a] /= sum;
                }
            }
            pis[t] = TabularPolicy.ofTable(nS, nA, table);
        }
        return pis;
    }

    @ParameterizedTest
    @CsvSource({
        "sis-fh,     5.4668739132285324, 5.3117958588828",
        "lq-fh,      2.138122626590221,  1.7220088620831637",
        "left-right, 0.25,               1.346938775510204",
    })
    void exploitabilityMatchesMfglibTranscription(String name, double uniform, double patterned) {
        Environment env = Environments.create(name);
        ExactModel model = env.model();
        assertEquals(uniform, model.exploitability(model.uniformPolicy()).exploitability(), Tolerances.TEST_EXACT);
        int horizon = model.steps() - 1;
        assertEquals(patterned, model.exploitability(patterned(horizon, model.nS(), model.nA())).exploitability(),
                Tolerances.TEST_EXACT);
    }
}
