package org.mfgkit.faas;

/**
 * A resource manager of the cluster (SPEC §5): before every control interval it sets the functions'
 * reservations (warm containers) and {@code cpu.shares} through the environment.
 */
public interface ResourceManager {
    /**
     * Name used in results ({@code openwhisk}, {@code ensure}, {@code nac-linear}, {@code nac-nn}).
     */
    String name();

    /** Called after {@link FaasEnvironment#reset} at the start of an episode. */
    void begin(FaasEnvironment env, long seed);

    /**
     * Sets the controls for the next interval, knowing the outcome {@code last} of the previous
     * one.
     */
    void act(FaasEnvironment env, FaasEnvironment.Step last);
}
