/**
 * Finite MDPs (discounted and finite-horizon), exact entropy-regularised evaluation and
 * soft-optimal solvers, discounted occupancy measures, a seeded sampler, and the mean-field-game
 * interfaces of SPEC §2 ({@link org.mfgkit.mdp.MeanFieldGame}, the population operator {@link
 * org.mfgkit.mdp.PopulationOperator}, the MDP induced by a mean field).
 *
 * <p>Flat layouts: transitions {@code p[(s*nA + a)*nS + s2] = P(s2|s,a)}, rewards {@code r[s*nA +
 * a]}, Q-values {@code q[s*nA + a]}.
 */
package org.mfgkit.mdp;
