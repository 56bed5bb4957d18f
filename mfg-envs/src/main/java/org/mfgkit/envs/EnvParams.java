package org.mfgkit.envs;

import java.util.Map;

/**
 * The parameters of an environment, addressable by their SPEC §2 names (SPEC §6 {@code --set}).
 * Implementations are immutable records with {@code defaults()} and {@code withX} methods.
 */
public interface EnvParams {
    /**
     * Every parameter by its SPEC name, in a stable order; values are {@code Double}, {@code
     * Integer} or {@code double[]}.
     */
    Map<String, Object> asMap();

    /**
     * A copy with the parameter {@code key} set from its text form (numbers; {@code mu0} as {@code
     * 0.4,0.6}, a JSON array {@code [0.4, 0.6]} or {@code uniform}).
     *
     * @throws IllegalArgumentException for an unknown key or a value that does not parse or
     *     validate
     */
    EnvParams with(String key, String value);
}
