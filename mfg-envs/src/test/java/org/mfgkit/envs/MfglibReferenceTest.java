package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.core.Tolerances;

/**
 * The MFGLib-compatible presets against reference numbers from {@code
 * mfg-envs/scripts/mfglib_reference.py} (a float64 numpy transcription of MFGLib's environments,
 * {@code mean_field}, {@code QFn} and {@code exploitability_score}, in MFGLib's joint state-action
 * layout; run {@code python3 mfg-envs/scripts/mfglib_reference.py} to regenerate).
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

    /**
     * MFGLib's FictitiousPlay(alpha=0) and OnlineMirrorDescent(alpha=1) curves, transcribed in the
     * same script. On rock-paper-scissors OMD cycles (Shapley's game) and amplifies round-off, so
     * its curve is compared at iteration 100.
     */
    @ParameterizedTest
    @CsvSource({
        "sis-fh,     200, 1.1168072467972863,   0.7867472983301376,   0.38317088871986726,  0.9804802156689867",
        "lq-fh,      100, 0.19437478423547416,  0.02116953095633889,  0.10071346150587024,  0.0013649552670274012",
        "left-right, 200, 0.030991735537190257, 0.002506126085988214, 1.989844092276094e-06, 7.771561172376096e-16",
        "rock-paper-scissors, 100, 0.2754820936639123, 0.01444302846126333, 1.9231943605006387, 1.9285847706498105",
    })
    void solverCurvesMatchMfglibTranscription(
            String name, int n, double fp10, double fpN, double omd10, double omdN) {
        ExactModel model = Games.create(name).exact();
        var fp = new FictitiousPlay().solve(model, n, null);
        var omd = new OnlineMirrorDescent(1.0).solve(model, n, null);
        assertEquals(fp10, fp.exploitability(10), Tolerances.TEST_EXACT);
        assertEquals(fpN, fp.exploitability(n), Tolerances.TEST_EXACT);
        assertEquals(omd10, omd.exploitability(10), Tolerances.TEST_EXACT);
        assertEquals(omdN, omd.exploitability(n), Tolerances.TEST_EXACT);
    }

    /**
     * Uniform and patterned policies. Rock-paper-scissors by hand: after one step a third of the
     * population holds each hand, so rock earns 1/3, paper 2/3, scissors 1; the uniform policy gets
     * 2/3 and the best response (scissors) 1, hence {@code E = 1/3}.
     */
    @ParameterizedTest
    @CsvSource({
        "sis-fh,     5.4668739132285324, 5.3117958588828",
        "lq-fh,      2.138122626590221,  1.7220088620831637",
        "left-right, 0.25,               1.346938775510204",
        "rock-paper-scissors, 0.33333333333333337, 0.9969135802469136",
    })
    void exploitabilityMatchesMfglibTranscription(String name, double uniform, double patterned) {
        ExactModel model = Games.create(name).exact();
        assertEquals(
                uniform,
                model.exploitability(model.uniformPolicy()).exploitability(),
                Tolerances.TEST_EXACT);
        int horizon = model.steps() - 1;
        assertEquals(
                patterned,
                model.exploitability(patterned(horizon, model.nS(), model.nA())).exploitability(),
                Tolerances.TEST_EXACT);
    }
}
