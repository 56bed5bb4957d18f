package org.mfgkit.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed sweep file (see {@link SweepFile} for the format).
 *
 * @param name the sweep's name (plot titles, the Spark application name)
 * @param base what every point runs
 * @param grid the grid axes, first axis varying slowest
 * @param random the randomly drawn parameters (empty: none)
 * @param samples the number of random samples (1 when {@code random} is empty)
 * @param randomSeed the seed of the random samples
 * @param seeds the seeds every (grid, sample) combination runs with, varying fastest
 * @param metrics metric name to JSON pointer into the {@code --json} output of the point's command
 */
public record SweepSpec(
        String name,
        Base base,
        List<Axis> grid,
        List<RandomParam> random,
        int samples,
        long randomSeed,
        long[] seeds,
        Map<String, String> metrics) {

    /** The most points a sweep may have. */
    public static final long MAX_POINTS = 1_000_000L;

    /** Validates the fields. */
    public SweepSpec {
        grid = List.copyOf(grid);
        random = List.copyOf(random);
        seeds = seeds.clone();
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds: empty list");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics: at least one metric is needed");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("random.samples must be >= 1, got " + samples);
        }
        long n = pointCount(grid, random.isEmpty() ? 1 : samples, seeds.length);
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException(
                    "grid: "
                            + n
                            + " points (grid x samples x seeds) exceed the limit of "
                            + MAX_POINTS);
        }
    }

    /** The names of the varied parameters: grid axes, then random parameters. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        grid.forEach(a -> names.add(a.path()));
        random.forEach(r -> names.add(r.path()));
        return names;
    }

    /** Grid size x samples x seeds. */
    public int pointCount() {
        return (int) pointCount(grid, random.isEmpty() ? 1 : samples, seeds.length);
    }

    /** The product, saturating at {@code Long.MAX_VALUE} (no overflow). */
    private static long pointCount(List<Axis> grid, int samples, int seeds) {
        long n = (long) samples * seeds;
        for (Axis a : grid) {
            if (n > MAX_POINTS) {
                return n;
            }
            n = n * a.values().size();
        }
        return n;
    }

    /** This spec with another base (the tuner sets the budget). */
    public SweepSpec withBase(Base newBase) {
        return new SweepSpec(name, newBase, grid, random, samples, randomSeed, seeds, metrics);
    }
}
