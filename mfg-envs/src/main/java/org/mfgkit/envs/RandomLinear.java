package org.mfgkit.envs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.mfgkit.core.Numerics;
import org.mfgkit.core.RandomStreams;
import org.mfgkit.core.param.Checks;
import org.mfgkit.core.param.Param;
import org.mfgkit.core.param.ParamSchema;
import org.mfgkit.core.param.ParamType;
import org.mfgkit.core.param.ParamValues;

/**
 * MFGLib's random linear game (MFGLib v0.3.0, {@code mfglib/env/examples/random_linear.py}, "a
 * custom environment in which the rewards and transition probabilities are random affine functions
 * of the mean-field"; MFGLib cites no paper for it, see Guo et al. 2023, "MFGLib: a library for
 * mean field games", arXiv:2304.08630): {@code n} states and {@code n} actions, and with the
 * state-action mean field {@code L_t}
 *
 * <pre>
 *   P_t(s'|s,a) = softmax_{s'}( sum_k p1[s'][s][k] L_t(k,a) + p2[s'][s][a] ),
 *   r_t(s,a)    = sum_k r1[s][k] L_t(k,a) + r2[s][a].
 * </pre>
 *
 * The coefficients are uniform on {@code [-m, m]}. MFGLib draws them with torch's generator, which
 * mfgkit does not reproduce: by default they come from mfgkit's stream of {@code seed} (in MFGLib's
 * order: {@code r1}, {@code r2}, {@code p1}, {@code p2}, each row-major); {@code coefficients}
 * reads a given instance instead, a JSON object {@code {"p1": [n][n][n], "p2": [n][n][n], "r1":
 * [n][n], "r2": [n][n]}} (an instance exported from MFGLib, numbers for numbers), whose size must
 * be {@code n}; {@code m} and {@code seed} are then unused.
 */
public final class RandomLinear extends GameModel {
    /** Number of states (and of actions). */
    public static final Param<Integer> N =
            Param.integer("n", 5, "number of states and of actions").check(Checks.range(1, 2_000));

    /** Range of the coefficients. */
    public static final Param<Double> M =
            Param.real("m", 10.0, "coefficients are drawn uniformly from [-m, m]")
                    .check(Checks.nonNegative());

    /** Seed of the coefficients' draw. */
    public static final Param<Long> SEED =
            Param.longInteger("seed", 0L, "seed of the coefficients' draw (mfgkit's stream)");

    /** A given instance instead of the draw. */
    public static final Param<Path> COEFFICIENTS =
            Param.file(
                            "coefficients",
                            null,
                            "JSON file {p1: [n][n][n], p2: [n][n][n], r1: [n][n], r2: [n][n]}"
                                    + " (e.g. an MFGLib instance) instead of the seeded draw")
                    .orNone("random");

    /** MFGLib's defaults: {@code T = 3}, {@code n = 5}, {@code m = 10}, undiscounted, uniform. */
    public static final ParamSchema PARAMS =
            schema("random-linear", List.of(N, M, SEED, COEFFICIENTS), "T=3", "gamma=1");

    private final int n;

    /** {@code p1[(s2*n + s)*n + k]}. */
    private final double[] p1;

    /** {@code p2[(s2*n + s)*n + a]}. */
    private final double[] p2;

    /** {@code r1[s*n + k]}. */
    private final double[] r1;

    /** {@code r2[s*n + a]}. */
    private final double[] r2;

    /** The game with the given parameters (of {@link #PARAMS}). */
    public RandomLinear(ParamValues params) {
        super(params, params.get(N), params.get(N));
        this.n = params.get(N);
        Path file = params.get(COEFFICIENTS);
        if (file == null) {
            RandomGenerator rng = RandomStreams.create(params.get(SEED));
            double m = params.get(M);
            this.r1 = uniform(rng, m, n * n);
            this.r2 = uniform(rng, m, n * n);
            this.p1 = uniform(rng, m, n * n * n);
            this.p2 = uniform(rng, m, n * n * n);
        } else {
            JsonNode root = read(file);
            this.p1 = tensor(file, root, "p1", 3, n);
            this.p2 = tensor(file, root, "p2", 3, n);
            this.r1 = tensor(file, root, "r1", 2, n);
            this.r2 = tensor(file, root, "r2", 2, n);
        }
    }

    /** With MFGLib's defaults. */
    public RandomLinear() {
        this(PARAMS.defaults());
    }

    @Override
    public boolean meanFieldIsStateAction() {
        return true;
    }

    @Override
    public void transitions(int t, double[] l, double[] out) {
        double[] z = new double[n];
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < n; a++) {
                for (int s2 = 0; s2 < n; s2++) {
                    int base = (s2 * n + s) * n;
                    double sum = 0.0;
                    for (int k = 0; k < n; k++) {
                        sum += p1[base + k] * l[k * n + a];
                    }
                    z[s2] = sum + p2[base + a];
                }
                Numerics.softmax(z, 0, out, (s * n + a) * n, n, 1.0);
            }
        }
    }

    @Override
    public void rewards(int t, double[] l, double[] out) {
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < n; a++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += r1[s * n + k] * l[k * n + a];
                }
                out[s * n + a] = sum + r2[s * n + a];
            }
        }
    }

    @Override
    protected boolean hasMeanFieldDerivatives() {
        return true;
    }

    /** {@code dr(s,a)/dL(k,a') = r1[s][k] 1{a = a'}}. */
    @Override
    protected void rewardsVjp(int t, double[] l, double[] w, double[] out) {
        for (int k = 0; k < n; k++) {
            for (int a = 0; a < n; a++) {
                double sum = 0.0;
                for (int s = 0; s < n; s++) {
                    sum += w[s * n + a] * r1[s * n + k];
                }
                out[k * n + a] += sum;
            }
        }
    }

    /**
     * Through the softmax: {@code sum_{s'} v(s') dP(s'|s,a)/dz(x) = P(x|s,a) (v(x) - E_P[v])} and
     * {@code dz(x)/dL(k,a) = p1[x][s][k]}, for the same action {@code a}.
     */
    @Override
    protected void transitionsVjp(int t, double[] l, double[] u, double[] v, double[] out) {
        double[] p = new double[n * n * n];
        transitions(t, l, p);
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < n; a++) {
                double weight = u[s * n + a];
                if (weight == 0.0) {
                    continue;
                }
                int row = (s * n + a) * n;
                double mean = 0.0;
                for (int x = 0; x < n; x++) {
                    mean += p[row + x] * v[x];
                }
                for (int x = 0; x < n; x++) {
                    double g = weight * p[row + x] * (v[x] - mean);
                    int base = (x * n + s) * n;
                    for (int k = 0; k < n; k++) {
                        out[k * n + a] += g * p1[base + k];
                    }
                }
            }
        }
    }

    /**
     * MFGLib's {@code r_max = 2 m} (with a {@code coefficients} file, {@code m} should be the range
     * the instance was drawn from).
     */
    @Override
    public double rMax() {
        return 2 * params().get(M);
    }

    /** {@code count} draws of {@code 2 m u - m}, {@code u} uniform on {@code [0,1)}. */
    private static double[] uniform(RandomGenerator rng, double m, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = 2 * m * rng.nextDouble() - m;
        }
        return out;
    }

    private static IllegalArgumentException bad(Path file, String problem) {
        return new IllegalArgumentException(
                "coefficients file " + ParamType.quoted(file.toString()) + ": " + problem);
    }

    /** A JSON value as a message shows it: short, on one line. */
    private static String shown(JsonNode node) {
        if (!node.isValueNode()) {
            return "a JSON " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
        String text = ParamType.escaped(node.toString());
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static JsonNode read(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw bad(file, "not a regular file"); // a directory, a device, a pipe
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw bad(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw bad(
                    file,
                    "not valid JSON"
                            + (where == null
                                    ? ""
                                    : " at line "
                                            + where.getLineNr()
                                            + ", column "
                                            + where.getColumnNr())
                            + " ("
                            + ParamType.escaped(e.getOriginalMessage())
                            + ")");
        } catch (IOException e) {
            throw bad(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "expected a JSON object {\"p1\", \"p2\", \"r1\", \"r2\"}");
        }
        return root;
    }

    /**
     * {@code root.name} as a flat row-major array of {@code n^rank} finite numbers.
     *
     * @throws IllegalArgumentException naming the file, the entry and the problem
     */
    private static double[] tensor(Path file, JsonNode root, String name, int rank, int n) {
        JsonNode node = root.get(name);
        if (node == null) {
            throw bad(file, "missing \"" + name + "\"");
        }
        double[] out = new double[(int) Math.pow(n, rank)];
        fill(file, node, name, rank, n, out, 0);
        return out;
    }

    private static int fill(
            Path file, JsonNode node, String where, int rank, int n, double[] out, int at) {
        if (rank == 0) {
            if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw bad(
                        file,
                        where
                                + " must be a finite number, got "
                                + (node.isNumber()
                                        ? node.asText() + " in double precision"
                                        : shown(node)));
            }
            out[at] = node.asDouble() + 0.0;
            return at + 1;
        }
        if (!node.isArray() || node.size() != n) {
            throw bad(
                    file,
                    where
                            + " must be an array of "
                            + n
                            + " entries (n = "
                            + n
                            + "; the file's tensors are "
                            + ("[n]").repeat(rank)
                            + " at this level), got "
                            + (node.isArray() ? node.size() + " entries" : shown(node)));
        }
        int next = at;
        for (int i = 0; i < n; i++) {
            next = fill(file, node.get(i), where + "[" + i + "]", rank - 1, n, out, next);
        }
        return next;
    }
}
