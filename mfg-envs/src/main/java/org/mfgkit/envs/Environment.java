package org.mfgkit.envs;

/**
 * A built environment: registry name, the parameters it was built with, and its exact model ({@link
 * StationaryModel} or {@link FiniteHorizonModel}, which hold the game itself).
 */
public record Environment(String name, EnvParams params, ExactModel model) {
    /** Validates the fields. */
    public Environment {
        if (name == null || params == null || model == null) {
            throw new IllegalArgumentException("environment: name, params and model are required");
        }
    }

    /** True for a finite-horizon game (policies have {@code T+1} steps). */
    public boolean finiteHorizon() {
        return model instanceof FiniteHorizonModel;
    }
}
