package org.mfgkit.faas;

/**
 * OpenWhisk's own resource management (004 Appendix E baseline): {@code cpu.shares} proportional to
 * the container's memory, containers created on demand and kept for the 10-minute keep-alive, no
 * reservations. Everything is already done by the simulator's defaults; this manager never acts.
 */
public final class OpenWhiskDefaultManager implements ResourceManager {
    @Override
    public String name() {
        return "openwhisk";
    }

    @Override
    public void begin(FaasEnvironment env, long seed) {
        // defaults set by the simulator's reset
    }

    @Override
    public void act(FaasEnvironment env, FaasEnvironment.Step last) {
        // OpenWhisk does not change anything between intervals
    }
}
