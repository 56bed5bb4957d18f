/**
 * Serverless FaaS cluster (004, Appendix E; SPEC §5): a deterministic discrete-event simulator of
 * an OpenWhisk-like cluster ({@link org.mfgkit.faas.ClusterSimulator}), its gym-like wrapper in
 * which every function is an agent of a mean-field game ({@link org.mfgkit.faas.FaasEnvironment}),
 * arrival processes (Poisson with time-varying rates, Azure Functions 2019 trace replay), QoS
 * calibration, and the resource managers compared in 004 (OpenWhisk default, ENSURE, NAC-Linear,
 * NAC-NN).
 */
package org.mfgkit.faas;
