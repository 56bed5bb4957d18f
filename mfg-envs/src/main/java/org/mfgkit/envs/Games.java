package org.mfgkit.envs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of games by name (SPEC §6 {@code --env}), immutable like every mfgkit registry.
 * Adding a game is one class (a {@link GameModel} with its {@code PARAMS}) and one line in {@link
 * #builtIn()}; everything that lists or tests games ({@code mfgkit list}, {@code --env} help, the
 * contract tests) finds it here.
 */
public final class Games {
    private static final Games BUILT_IN = builtIn();

    private final Map<String, GamePreset> byName;

    private Games(List<GamePreset> presets) {
        Map<String, GamePreset> map = new LinkedHashMap<>();
        for (GamePreset p : presets) {
            if (map.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two games are named \"" + p.name() + "\"");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /**
     * The games shipped with mfgkit: one {@code register} statement per game or preset (a preset of
     * a game registered above is made with {@link GamePreset#preset}).
     */
    public static Games builtIn() {
        List<GamePreset> games = new ArrayList<>();
        GamePreset sis =
                register(
                        games,
                        GamePreset.of(
                                SisEpidemic.PARAMS,
                                SisEpidemic::new,
                                "SIS epidemic, stationary, discounted, entropy-regularised",
                                "004 Appendix D; Cui & Koeppl (2021)"));
        register(
                games,
                sis.preset(
                        "sis-fh",
                        "SIS epidemic, finite horizon T = 50 (= MFGLib susceptible_infected)",
                        "MFGLib Environment.susceptible_infected; Cui & Koeppl (2021)",
                        "T=50",
                        "gamma=1",
                        "lambda=0"));
        GamePreset lq =
                register(
                        games,
                        GamePreset.of(
                                LinearQuadratic.PARAMS,
                                LinearQuadratic::new,
                                "linear-quadratic, 25 positions x 7 controls, stationary, discounted",
                                "004 Appendix D; Perrin et al. (2020)"));
        register(
                games,
                lq.preset(
                        "lq-fh",
                        "linear-quadratic, finite horizon T = 3 (= MFGLib linear_quadratic)",
                        "MFGLib Environment.linear_quadratic; Perrin et al. (2020)",
                        "T=3",
                        "L=5",
                        "M=2",
                        "sigma=3",
                        "dt=0.1",
                        "k=1",
                        "c_term=1",
                        "eps_grid=sigma",
                        "gamma=1",
                        "lambda=0"));
        register(
                games,
                GamePreset.of(
                        LeftRight.PARAMS,
                        LeftRight::new,
                        "left-right crowd aversion, T = 1 (= MFGLib left_right)",
                        "Cui & Koeppl (2021); MFGLib Environment.left_right"));
        register(
                games,
                GamePreset.of(
                        RockPaperScissors.PARAMS,
                        RockPaperScissors::new,
                        "rock-paper-scissors, T = 1 (= MFGLib rock_paper_scissors)",
                        "MFGLib Environment.rock_paper_scissors; Shapley (1964)"));
        register(
                games,
                GamePreset.of(
                        BeachBar.PARAMS,
                        BeachBar::new,
                        "beach bar on a line of n places, T = 2 (= MFGLib beach_bar)",
                        "MFGLib Environment.beach_bar; Perrin et al. (2020)"));
        register(
                games,
                GamePreset.of(
                        BuildingEvacuation.PARAMS,
                        BuildingEvacuation::new,
                        "building evacuation, 5 floors of 10 x 10, T = 3 (= MFGLib"
                                + " building_evacuation)",
                        "MFGLib Environment.building_evacuation; Perolat et al. (2022)"));
        register(
                games,
                GamePreset.of(
                        CrowdMotion.PARAMS,
                        CrowdMotion::new,
                        "crowd motion on a 20 x 20 grid with a moving bar, T = 3, sparse"
                                + " (= MFGLib crowd_motion)",
                        "MFGLib Environment.crowd_motion; Perolat et al. (2022)"));
        register(
                games,
                GamePreset.of(
                        ConservativeTreasureHunting.PARAMS,
                        ConservativeTreasureHunting::new,
                        "conservative treasure hunting on n = 3 sites, T = 5, state-action mean"
                                + " field (= MFGLib conservative_treasure_hunting)",
                        "MFGLib Environment.conservative_treasure_hunting; Guo, Hu & Zhang (2022)"));
        register(
                games,
                GamePreset.of(
                        EquilibriumPrice.PARAMS,
                        EquilibriumPrice::new,
                        "equilibrium price of firms' production and inventory, T = 4,"
                                + " state-action mean field (= MFGLib equilibrium_price)",
                        "MFGLib Environment.equilibrium_price; Guo, Hu & Zhang (2022)"));
        register(
                games,
                GamePreset.of(
                        RandomLinear.PARAMS,
                        RandomLinear::new,
                        "random affine rewards and softmax-affine transitions in the state-action"
                                + " mean field, n = 5, T = 3 (= MFGLib random_linear)",
                        "MFGLib Environment.random_linear; Guo et al. (2023), MFGLib"));
        return new Games(games);
    }

    private static GamePreset register(List<GamePreset> games, GamePreset preset) {
        games.add(preset);
        return preset;
    }

    /** A registry of exactly these presets. */
    public static Games of(GamePreset... presets) {
        return new Games(List.of(presets));
    }

    /** This registry plus {@code extra}. */
    public Games with(GamePreset extra) {
        List<GamePreset> all = new ArrayList<>(byName.values());
        all.add(extra);
        return new Games(all);
    }

    /** Every preset, in registration order. */
    public List<GamePreset> all() {
        return List.copyOf(byName.values());
    }

    /** The registered names, in order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The preset called {@code name}; unknown names fail with the list of known ones. */
    public GamePreset get(String name) {
        GamePreset p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException(
                    "unknown environment '"
                            + name
                            + "' (known: "
                            + String.join(", ", byName.keySet())
                            + ")");
        }
        return p;
    }

    /** The built-in preset called {@code name}. */
    public static GamePreset preset(String name) {
        return BUILT_IN.get(name);
    }

    /** The built-in game {@code name} at its defaults. */
    public static GameModel create(String name) {
        return preset(name).create();
    }

    /** The built-in game {@code name} with {@code --set} overrides ({@code name -> text}). */
    public static GameModel create(String name, Map<String, String> overrides) {
        return preset(name).create(overrides);
    }
}
