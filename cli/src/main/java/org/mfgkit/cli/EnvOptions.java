package org.mfgkit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.envs.EnvironmentType;
import org.mfgkit.envs.Environments;
import picocli.CommandLine.Option;

/**
 * The {@code --env NAME} and {@code --set key=value} options shared by {@code exploitability} and
 * {@code solve} (a picocli mixin). {@code --set} names any parameter of SPEC §2 ({@code gamma},
 * {@code lambda}, {@code c}, {@code L}, {@code M}, {@code T}, {@code sigma}, {@code dt}, {@code q},
 * {@code kappa}, {@code k}, {@code c_term}, {@code mu0}) that the environment has; for {@code
 * solve} also the algorithm's settings.
 */
public final class EnvOptions {

    @Option(
            names = "--env",
            required = true,
            paramLabel = "ENV",
            description = "Environment: sis, sis-fh, lq, lq-fh, left-right (see 'mfgkit list').")
    String env;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a parameter by name, e.g. --set gamma=0.95 --set mu0=0.4,0.6 (repeatable).")
    Map<String, String> sets = new LinkedHashMap<>();

    /** The registered environment type (unknown names fail with the known ones). */
    public EnvironmentType<?> type() {
        return Environments.type(env);
    }

    /** The {@code --set} pairs, in the order given. */
    public Map<String, String> sets() {
        return sets == null ? Map.of() : sets;
    }

    /**
     * Splits {@code --set} into environment parameters and the keys in {@code otherKeys} (an
     * algorithm's settings); any other key fails, naming both lists.
     *
     * @return {@code [environment overrides, other settings]}
     */
    public List<Map<String, String>> split(List<String> otherKeys, String otherName) {
        List<String> envKeys = type().keys();
        Map<String, String> envSets = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sets().entrySet()) {
            if (envKeys.contains(e.getKey())) {
                envSets.put(e.getKey(), e.getValue());
            } else if (otherKeys.contains(e.getKey())) {
                other.put(e.getKey(), e.getValue());
            } else {
                throw new IllegalArgumentException(
                        "unknown --set key '"
                                + e.getKey()
                                + "' (environment "
                                + env
                                + ": "
                                + String.join(", ", envKeys)
                                + (otherName == null
                                        ? ""
                                        : "; "
                                                + otherName
                                                + ": "
                                                + (otherKeys.isEmpty()
                                                        ? "none"
                                                        : String.join(", ", otherKeys)))
                                + ")");
            }
        }
        return List.of(envSets, other);
    }
}
