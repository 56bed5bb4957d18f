package org.mfgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.mfgkit.cli.output.Json;
import org.mfgkit.cli.output.Npy;
import org.mfgkit.cli.output.ResultWriter;
import org.mfgkit.core.TabularPolicy;
import org.mfgkit.envs.GameModel;

/**
 * The policy and mean field of a result ({@code mfgkit solve}): inline JSON arrays up to {@link
 * #INLINE_LIMIT} numbers each (the format of SPEC §6, unchanged), else a NumPy {@code .npy} side
 * file in the output directory, streamed, which {@code result.json} references:
 *
 * <pre>
 * "policy": {"env": "crowd-motion", "file": "policy.npy", "shape": [11, 1000000, 5],
 *            "dtype": "float64", "axes": "[t][s][a]"}
 * "mean_field": {"file": "mean_field.npy", "shape": [11, 1000000], "dtype": "float64",
 *                "axes": "[t][s]"}
 * </pre>
 *
 * Without an output directory (and in {@code mfgkit exploitability}, which has none) a large array
 * is left out, with {@code "omitted"} saying why. The shape follows the inline form: {@code
 * [nS][nA]} and {@code [nS]} for a stationary game, with a leading {@code T+1} for a finite-horizon
 * one. {@code numpy.load} reads the files; {@code mfgkit exploitability --policy DIR/result.json}
 * reads the policy back ({@link PolicyFile}).
 */
final class ResultArrays {
    /**
     * Most numbers an array is written inline with: a million doubles are about 20 MB of JSON text
     * (and ten times that as a JSON tree in memory).
     */
    static final long INLINE_LIMIT = 1_000_000;

    /** Side-file name of the policy. */
    static final String POLICY_FILE = "policy.npy";

    /** Side-file name of the mean field. */
    static final String MEAN_FIELD_FILE = "mean_field.npy";

    /** The note's advice when a command can write the side file. */
    private static final String OUT_HINT = ": --out DIR writes them to DIR/FILE";

    /** The arrays of the commands: {@link #INLINE_LIMIT}. */
    static final ResultArrays DEFAULT = new ResultArrays(INLINE_LIMIT);

    /** Most numbers an array is written inline with. */
    private final long limit;

    /** With another limit (tests: side files of small games). */
    ResultArrays(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("inline limit must be >= 0, got " + limit);
        }
        this.limit = limit;
    }

    /**
     * The {@code "policy"} value: the policy-file object when small, else a reference to {@link
     * #POLICY_FILE} written into {@code out} (or a note when {@code out} is null).
     */
    JsonNode policy(GameModel env, TabularPolicy[] pi, ResultWriter out) throws IOException {
        int[] shape =
                env.isStationary()
                        ? new int[] {env.nS(), env.nA()}
                        : new int[] {pi.length, env.nS(), env.nA()};
        if (size(shape) <= limit) {
            return PolicyFile.toJson(env, pi);
        }
        ObjectNode node = Json.object();
        node.put("env", env.name());
        // one step's table at a time (a copy of it), never the whole policy as text
        return reference(
                node,
                shape,
                env.isStationary() ? "[s][a]" : "[t][s][a]",
                POLICY_FILE,
                out,
                OUT_HINT,
                t -> pi[t].table(),
                pi.length);
    }

    /**
     * The {@code "mean_field"} value of a command without an output directory ({@code mfgkit
     * exploitability}): inline when small, else its shape and a note.
     */
    JsonNode meanField(GameModel env, double[][] mu) {
        try {
            return meanField(env, mu, null, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // nothing is written without a writer
        }
    }

    /** The {@code "mean_field"} value: inline when small, else {@link #MEAN_FIELD_FILE}. */
    JsonNode meanField(GameModel env, double[][] mu, ResultWriter out) throws IOException {
        return meanField(env, mu, out, OUT_HINT);
    }

    private JsonNode meanField(GameModel env, double[][] mu, ResultWriter out, String hint)
            throws IOException {
        int[] shape = env.isStationary() ? new int[] {env.nS()} : new int[] {mu.length, env.nS()};
        if (size(shape) <= limit) {
            return EnvJson.perStep(env, mu);
        }
        return reference(
                Json.object(),
                shape,
                env.isStationary() ? "[s]" : "[t][s]",
                MEAN_FIELD_FILE,
                out,
                hint,
                t -> mu[t],
                mu.length);
    }

    private JsonNode reference(
            ObjectNode node,
            int[] shape,
            String axes,
            String fileName,
            ResultWriter out,
            String hint,
            java.util.function.IntFunction<double[]> block,
            int blocks)
            throws IOException {
        if (out != null) {
            Path file = out.file(fileName);
            Npy.write(file, shape, block, blocks);
            node.put("file", fileName);
        }
        var dims = node.putArray("shape");
        for (int d : shape) {
            dims.add(d);
        }
        node.put("dtype", "float64");
        node.put("axes", axes);
        if (out == null) {
            node.put(
                    "omitted",
                    String.format(
                                    Locale.ROOT,
                                    "%d numbers, more than the %d written inline",
                                    size(shape),
                                    limit)
                            + hint.replace("FILE", fileName));
        }
        return node;
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
