package org.mfgkit.envs;

import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamValues;

/**
 * An {@link EquilibriumSolver} whose settings are the values of its declared schema: it keeps them,
 * and its {@link #name()} is the schema's owner (the registry name). The solvers of this module
 * extend it and write only their update.
 */
public abstract class DeclaredSolver implements EquilibriumSolver {
    private final ParamValues params;

    /**
     * Keeps {@code params}, which must be values of {@code schema}.
     *
     * @throws IllegalArgumentException when they belong to another schema
     */
    protected DeclaredSolver(ParamSchema schema, ParamValues params) {
        if (!params.schema().owner().equals(schema.owner())) {
            throw new IllegalArgumentException(
                    schema.owner()
                            + ": settings of "
                            + params.schema().owner()
                            + " given instead of its own");
        }
        this.params = params;
    }

    @Override
    public final String name() {
        return params.schema().owner();
    }

    @Override
    public final ParamValues params() {
        return params;
    }
}
