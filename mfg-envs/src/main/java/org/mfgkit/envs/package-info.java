/**
 * Mean-field-game environments (SIS epidemic, linear-quadratic, left-right; stationary and
 * finite-horizon), exact induced mean fields, the regularised best response {@code Gamma1}, exact
 * exploitability (SPEC §2, 004 Appendix D) and the exact reference equilibrium solvers (damped
 * fixed point, fictitious play, online mirror descent).
 */
package org.mfgkit.envs;
