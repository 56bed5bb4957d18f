/**
 * Entropy-regularised natural actor-critic for stationary mean-field games (004 Algorithm 1 and
 * Appendix C; SPEC §3): single-loop {@link org.mfgkit.nac.NaturalActorCritic NAC} and the
 * double-loop baseline DL-NAC, the projected TD(0) critic ({@link org.mfgkit.nac.TdZeroCritic}) and
 * the projected SGD actor ({@link org.mfgkit.nac.SgdActor}) on plain feature vectors, their oracles
 * on a finite game ({@link org.mfgkit.nac.TdZeroOracle}, {@link org.mfgkit.nac.SgdOracle}), exact
 * oracles for ablation, and the {@link org.mfgkit.nac.LearnerEnvironment} through which the learner
 * sees the game without reading the mean field.
 */
package org.mfgkit.nac;
