/**
 * Numerics shared by every mfgkit module: stable log-sum-exp and softmax, simplex checks,
 * Euclidean-ball projection, seeded random streams, and the policy parameterisations over finite
 * action sets (tabular, tabular softmax, log-linear softmax) with their score functions and
 * entropy, and the mean-field two-layer network with its softmax policy and exact policy-gradient
 * flow (000).
 *
 * <p>Conventions (SPEC §1): states {@code 0..nS-1}, actions {@code 0..nA-1}; a per-state table is
 * stored flat with index {@code s*nA + a}.
 */
package org.mfgkit.core;
