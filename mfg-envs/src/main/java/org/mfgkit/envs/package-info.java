/**
 * Mean-field-game models (SIS epidemic, linear-quadratic, left-right, rock-paper-scissors), each
 * one {@link org.mfgkit.envs.GameModel} class whose horizon {@code T} is a declared parameter
 * ({@code inf} = stationary, discounted), registered by name in {@link org.mfgkit.envs.Games};
 * exact induced mean fields, the regularised best response {@code Gamma1}, exact exploitability
 * (SPEC §2, 004 Appendix D) and the exact reference equilibrium solvers (damped fixed point,
 * fictitious play, online mirror descent).
 */
package org.mfgkit.envs;
