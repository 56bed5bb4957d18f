package org.mfgkit.nac;

import org.mfgkit.core.Policy;

/**
 * A caller-supplied measurement of a policy recorded along a run, typically the exact
 * exploitability {@code E(pi)} of 004 Appendix D (mfg-envs' {@code Exploitability}). The learner
 * never sees the value: it is written to the trace only.
 */
@FunctionalInterface
public interface PolicyMeasure {
    /** The measurement of {@code pi}. */
    double evaluate(Policy pi);
}
