package org.mfgkit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfgkit.envs.GamePreset;
import org.mfgkit.envs.Games;
import picocli.CommandLine.Option;

/**
 * The {@code --env NAME} and {@code --set key=value} options shared by {@code exploitability} and
 * {@code solve} (a picocli mixin). {@code --env} names a registered game ({@link Games}); {@code
 * --set} names any parameter the game declares (its {@code GamePreset} schema), for {@code solve}
 * also the algorithm's settings.
 */
public final class EnvOptions {

    @Option(
            names = "--env",
            required = true,
            paramLabel = "ENV",
            completionCandidates = EnvOptions.Names.class,
            description = "Environment: ${COMPLETION-CANDIDATES} (see 'mfgkit list').")
    String env;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a parameter by name, e.g. --set gamma=0.95 --set mu0=0.4,0.6 (repeatable).")
    Map<String, String> sets = new LinkedHashMap<>();

    /** The registered game names, for the {@code --env} help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Games.builtIn().names().iterator();
        }
    }

    /** The registered game preset (unknown names fail with the known ones). */
    public GamePreset preset() {
        return Games.preset(env);
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
        List<String> envKeys = preset().keys();
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
