package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One row per kind of bad input (issue 13): each exits with its code, writes exactly one stderr
 * line that names the input, prints no stack trace, leaves no file behind, and leaves an existing
 * result directory (the target of every writing command) byte-identical. In-process ({@link
 * CliRunner}); every row fails before any long computation.
 */
class BadInputTableTest {
    @TempDir Path dir;

    /** A bandit config with one field replaced ({@code null} value: the field removed). */
    private static String bandit(String field, String json) {
        return config(
                "meanfield-bandit",
                "\"seeds\": 1, \"actions\": 10, \"width\": 20, \"steps\": 5",
                field,
                json);
    }

    private static String grid(String field, String json) {
        return config(
                "meanfield-grid",
                "\"seeds\": 1, \"grid\": 5, \"width\": 20, \"steps\": 5",
                field,
                json);
    }

    private static String nac(String field, String json) {
        String params =
                "\"params\": {\"critic_samples\": 100, \"actor_samples\": 100"
                        + (field.startsWith("params.")
                                ? ", \"" + field.substring(7) + "\": " + json
                                : "")
                        + "}";
        String base =
                "\"env\": \"lq\", \"seeds\": 1, \"iterations\": 3, "
                        + params
                        + ", \"variants\": [{\"name\": \"NAC\", \"algorithm\": \"nac\"}]";
        return field.startsWith("params.")
                ? "{\"experiment\": \"nac\", " + base + "}"
                : config("nac", base, field, json);
    }

    /** {@code base} (JSON members) with {@code field} set to {@code json}. */
    private static String config(String experiment, String base, String field, String json) {
        StringBuilder b = new StringBuilder("{\"experiment\": \"" + experiment + "\"");
        for (String member : base.split(", ")) {
            if (!member.startsWith("\"" + field + "\"")) {
                b.append(", ").append(member);
            }
        }
        return b.append(", \"").append(field).append("\": ").append(json).append("}").toString();
    }

    private static final String TRAIN =
            "\"rows\": [0,1,2,3,4,5,6,7,8,9,10,11], \"start_minute\": 0, \"minutes\": 60,"
                    + " \"episode_minutes\": 10";
    private static final String EVAL =
            "\"rows\": [12,13,14,15,16,17,18,19,20,21,22,23], \"start_minute\": 600,"
                    + " \"minutes\": 12, \"warmup_minutes\": 2";

    /**
     * A small faas-compare config (4 nodes, the shipped trace, OpenWhisk only) with {@code member}
     * (a JSON member replacing the one of the same name).
     */
    private static String small(String member) {
        Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put("seed", "3");
        members.put("cluster", "{\"nodes\": 4, \"cores\": 8, \"memory_mb\": 16384}");
        members.put("load", "0.2");
        members.put("managers", "[\"openwhisk\"]");
        members.put("train", "{" + TRAIN + "}");
        members.put("eval", "{" + EVAL + "}");
        int colon = member.indexOf(':');
        members.put(member.substring(1, colon - 1), member.substring(colon + 1).trim());
        StringBuilder b = new StringBuilder("{\"experiment\": \"faas-compare\"");
        members.forEach((k, v) -> b.append(", \"").append(k).append("\": ").append(v));
        return b.append("}").toString();
    }

    /** A small faas-compare config replaying the trace file {@code DATA}. */
    private static String faas() {
        return "{\"experiment\": \"faas-compare\", \"trace\": \"DATA\", \"managers\": [\"openwhisk\"],"
                + " \"train\": {\"rows\": [0,1,2,3,4,5,6,7,8,9,10,11], \"start_minute\": 0,"
                + " \"minutes\": 30, \"episode_minutes\": 10},"
                + " \"eval\": {\"rows\": [12,13,14,15,16,17,18,19,20,21,22,23],"
                + " \"start_minute\": 30, \"minutes\": 20, \"warmup_minutes\": 2}}";
    }

    /** The header of a trace of {@code minutes} minute columns, with its line end. */
    private static String traceHeader(int minutes) {
        StringBuilder b = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= minutes; m++) {
            b.append(',').append(m);
        }
        return b.append('\n').toString();
    }

    /** A trace of {@code rows} functions without a single invocation. */
    private static String zeroTrace(int rows, int minutes) {
        StringBuilder b = new StringBuilder(traceHeader(minutes));
        for (int f = 0; f < rows; f++) {
            b.append("o,a,f").append(f).append(",http");
            b.append(",0".repeat(minutes)).append('\n');
        }
        return b.toString();
    }

    /** {@code text} in ISO-8859-1: each non-ASCII character one byte that is not UTF-8. */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final String SIS_POLICY = "{\"env\": \"sis\", \"probabilities\": ";

    /**
     * The rows: name, expected exit code, a phrase the one stderr line contains, the config or
     * policy file text ({@code null}: none), the arguments ({@code CFG} is the config's path,
     * {@code POL} the policy's, {@code OUT} the existing result directory, {@code DIR} the
     * temporary directory, {@code FILE} a regular file).
     */
    private static List<Object[]> rows() {
        List<Object[]> r = new ArrayList<>();
        // sizes (admission control, overflow-safe arithmetic)
        run(r, "bandit seeds 1e9", bandit("seeds", "1e9"), "\"seeds\"");
        // found by ParserFuzzTest#config in CI's bounded fuzzing run (was an OutOfMemoryError)
        run(
                r,
                "nac seeds 555554554",
                nac("seeds", "555554554"),
                "asks for 555554554 seeds, more than the 1000000 a run may have");
        run(r, "bandit steps 1e9", bandit("steps", "1e9"), "steps = 1000000000 needs about");
        run(r, "bandit actions 1e8", bandit("actions", "1e8"), "actions = 100000000 needs about");
        run(r, "bandit width 1e9", bandit("width", "1e9"), "width = 1000000000 needs about");
        run(
                r,
                "bandit steps 2^40",
                bandit("steps", "1099511627776"),
                "steps must be >= 1 and <= 2147483647, got 1099511627776");
        run(r, "grid 100000", grid("grid", "100000"), "grid = 100000 needs about");
        run(
                r,
                "bandit points 2e9",
                bandit("points", "2e9").replace("\"steps\": 5", "\"steps\": 2e9"),
                "points = 2000000000 needs about");
        run(
                r,
                "bandit teacher_width 1e9",
                bandit("teacher_width", "1e9"),
                "teacher_width = 1000000000 needs about");
        run(r, "nac iterations 2e9", nac("iterations", "2e9"), "iterations = 2000000000 needs");
        run(
                r,
                "nac polynomial:100000",
                nac("params.features", "\"polynomial:100000\""),
                "features = 'polynomial:100000' needs about");
        cmd(
                r,
                "lq-fh T=1e6",
                "T = 1000000 needs about",
                "exploitability",
                "--env",
                "lq-fh",
                "--set",
                "T=1000000");
        cmd(
                r,
                "lq L=10000",
                "20001 states x 7 actions needs about",
                "exploitability",
                "--env",
                "lq",
                "--set",
                "L=10000");
        cmd(
                r,
                "solve lq L=10000",
                "needs about",
                "solve",
                "--env",
                "lq",
                "--set",
                "L=10000",
                "--algorithm",
                "fixed-point",
                "--out",
                "OUT");
        // numbers that become NaN or infinite
        run(
                r,
                "bandit dt 1e307",
                bandit("dt", "1e307").replace("\"steps\": 5", "\"steps\": 100"),
                "steps x dt = 100 x 1.0E307 is not a finite time; lower dt");
        run(r, "bandit init_std 1e300", bandit("init_std", "1e300"), "init_std = 1.0E300");
        cmd(
                r,
                "sis lambda 1e308",
                "lambda = 1.0E308 is far above",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "lambda=1e308");
        cmd(
                r,
                "lq dt 1e308",
                "dt = 1.0E308 is far above",
                "exploitability",
                "--env",
                "lq",
                "--set",
                "dt=1e308");
        cmd(
                r,
                "omd alpha 1e308",
                "alpha = 1.0E308 is far above",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "omd",
                "--set",
                "alpha=1e308",
                "--set",
                "lambda=0",
                "--out",
                "OUT");
        // config files
        run(r, "unknown config key", bandit("frobnicate", "1"), "frobnicate");
        run(r, "unknown experiment", "{\"experiment\": \"nope\"}", "nope");
        run(r, "no experiment field", "{\"seeds\": 1}", "experiment");
        run(r, "malformed JSON", "{\"experiment\": ", "cannot parse CFG");
        run(r, "empty config", "", "CFG");
        run(r, "config is an array", "[1, 2]", "object");
        run(r, "negative lambda", bandit("lambda", "-1"), "lambda must be > 0");
        run(r, "zero steps", bandit("steps", "0"), "steps must be >= 1");
        run(r, "fractional steps", bandit("steps", "1.5"), "steps must be an integer");
        run(r, "text for a number", bandit("dt", "\"abc\""), "dt must be a finite number");
        run(r, "zero dt", bandit("dt", "0"), "dt must be > 0");
        run(r, "width 0", bandit("width", "0"), "width must be >= 1");
        run(r, "one action", bandit("actions", "1"), "actions must be >= 2");
        run(r, "one curve point", bandit("points", "1"), "points must be >= 2");
        run(r, "unknown activation", bandit("activation", "\"swish\""), "activation must be");
        run(r, "unknown integrator", bandit("integrator", "\"rk9\""), "integrator must be");
        run(r, "duplicate seeds", bandit("seeds", "[1, 1]"), "seeds");
        run(r, "grid gamma 1", grid("gamma", "1.0"), "gamma must be in [0,1)");
        run(r, "grid stay 1.5", grid("stay", "1.5"), "stay must be in [0,1]");
        run(r, "nac unknown env", nac("env", "\"nope\""), "nope");
        run(r, "nac no variants", nac("variants", "[]"), "variant");
        run(r, "nac bad features", nac("params.features", "\"bogus\""), "features must be");
        run(r, "nac negative critic_step", nac("params.critic_step", "-1"), "critic_step");
        run(r, "nac unknown param", nac("params.frob", "1"), "frob");
        cmd(r, "missing config file", "DIR", "run", "DIR/missing.json", "--out", "OUT");
        cmd(r, "config path empty", "empty", "run", "", "--out", "OUT");
        cmd(r, "config path is a directory", "is a directory", "run", "DIR", "--out", "OUT");
        // games and --set
        cmd(r, "unknown env", "nope", "exploitability", "--env", "nope");
        cmd(r, "unknown --set key", "frob", "exploitability", "--env", "sis", "--set", "frob=1");
        cmd(r, "--set without =", "lambda", "exploitability", "--env", "sis", "--set", "lambda");
        cmd(
                r,
                "--set text for a number",
                "lambda must be a finite number",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "lambda=abc");
        cmd(
                r,
                "gamma 1 stationary",
                "gamma must be in [0,1)",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "gamma=1");
        cmd(
                r,
                "gamma negative",
                "gamma must be in [0,1]",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "gamma=-0.1");
        cmd(
                r,
                "negative lambda --set",
                "lambda must be >= 0",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "lambda=-1");
        cmd(
                r,
                "mu0 not summing to 1",
                "mu0 must be a distribution",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "mu0=0.5,0.6");
        cmd(
                r,
                "mu0 wrong length",
                "mu0 must be a list of 2 numbers",
                "exploitability",
                "--env",
                "sis",
                "--set",
                "mu0=1,0,0");
        cmd(
                r,
                "T beyond range",
                "T must be in 0..1000000",
                "exploitability",
                "--env",
                "sis-fh",
                "--set",
                "T=2000000");
        cmd(
                r,
                "T negative",
                "T must be in 0..1000000",
                "exploitability",
                "--env",
                "sis-fh",
                "--set",
                "T=-1");
        cmd(
                r,
                "T integer overflow",
                "T must be in 0..1000000, got '1099511627776'",
                "exploitability",
                "--env",
                "sis-fh",
                "--set",
                "T=1099511627776");
        // policy files
        cmd(
                r,
                "empty --policy",
                "--policy is empty",
                "exploitability",
                "--env",
                "sis",
                "--policy",
                "");
        cmd(
                r,
                "missing policy file",
                "missing.json",
                "exploitability",
                "--env",
                "sis",
                "--policy",
                "DIR/missing.json");
        pol(
                r,
                "policy wrong state count",
                SIS_POLICY + "[[1, 0], [1, 0], [1, 0]]}",
                "expected 2 state rows, got 3");
        pol(
                r,
                "policy wrong action count",
                SIS_POLICY + "[[1, 0], [1]]}",
                "state 1 has 1 action probabilities");
        pol(
                r,
                "policy row not summing to 1",
                SIS_POLICY + "[[0.5, 0.4], [1, 0]]}",
                "state 0 sums to 0.9");
        pol(
                r,
                "policy negative entry",
                SIS_POLICY + "[[1.5, -0.5], [1, 0]]}",
                "entry 1 is negative");
        pol(
                r,
                "policy of another env",
                "{\"env\": \"lq\", \"probabilities\": [[1, 0], [1, 0]]}",
                "is for environment 'lq', not 'sis'");
        pol(r, "policy malformed JSON", SIS_POLICY + "[[1, 0]", "policy.json");
        pol(r, "policy not a number", SIS_POLICY + "[[\"a\", 0], [1, 0]]}", "is not a number");
        // solve options
        cmd(
                r,
                "unknown algorithm",
                "nope",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "nope",
                "--out",
                "OUT");
        cmd(
                r,
                "beta 0",
                "beta must be in (0,1]",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "fixed-point",
                "--set",
                "beta=0",
                "--out",
                "OUT");
        cmd(
                r,
                "negative iterations",
                "iterations",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "fixed-point",
                "--iterations",
                "-1",
                "--out",
                "OUT");
        cmd(
                r,
                "key of another algorithm",
                "alpha",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "fixed-point",
                "--set",
                "alpha=1",
                "--out",
                "OUT");
        cmd(
                r,
                "nac on a finite horizon",
                "sis-fh",
                "solve",
                "--env",
                "sis-fh",
                "--algorithm",
                "nac",
                "--out",
                "OUT");
        cmd(
                r,
                "out below a regular file",
                "FILE",
                "solve",
                "--env",
                "sis",
                "--algorithm",
                "fixed-point",
                "--iterations",
                "1",
                "--out",
                "FILE/sub");
        // games whose mean field is over state-action pairs, and random-linear's instance file
        cmd(
                r,
                "equilibrium-price T=inf",
                "equilibrium-price is finite-horizon only (its mean field is over state-action"
                        + " pairs): T must be a number, got T = inf",
                "exploitability",
                "--env",
                "equilibrium-price",
                "--set",
                "T=inf");
        cmd(
                r,
                "n-player on a state-action game",
                "meanFieldIsStateDistribution() is false",
                "n-player",
                "--env",
                "random-linear",
                "--n",
                "2");
        cmd(
                r,
                "nac on a state-action game",
                "'conservative-treasure-hunting' is finite-horizon",
                "solve",
                "--env",
                "conservative-treasure-hunting",
                "--algorithm",
                "nac",
                "--out",
                "OUT");
        cmd(
                r,
                "coefficients file missing",
                "coefficients file 'DIR/none.json': no such file",
                "solve",
                "--env",
                "random-linear",
                "--set",
                "coefficients=DIR/none.json",
                "--algorithm",
                "omd",
                "--out",
                "OUT");
        String[] coefficients = {
            "exploitability", "--env", "random-linear", "--set", "n=1", "--set", "coefficients=CFG"
        };
        r.add(
                new Object[] {
                    "coefficients malformed JSON",
                    "coefficients file 'CFG': not valid JSON at line 1",
                    "{\"p1\": [",
                    null,
                    coefficients
                });
        r.add(
                new Object[] {
                    "coefficients wrong shape",
                    "coefficients file 'CFG': p1[0] must be an array of 1 entries",
                    "{\"p1\": [[1, 2]], \"p2\": [[[0]]], \"r1\": [[0]], \"r2\": [[0]]}",
                    null,
                    coefficients
                });
        r.add(
                new Object[] {
                    "coefficients not finite",
                    "coefficients file 'CFG': r2[0][0] must be a finite number",
                    "{\"p1\": [[[1]]], \"p2\": [[[0]]], \"r1\": [[0]], \"r2\": [[1e999]]}",
                    null,
                    coefficients
                });
        r.add(
                new Object[] {
                    "coefficients missing tensor",
                    "coefficients file 'CFG': missing \"r1\"",
                    "{\"p1\": [[[1]]], \"p2\": [[[0]]], \"r2\": [[0]]}",
                    null,
                    coefficients
                });
        // found by ParserFuzzTest#set: a huge exponent took minutes (BigDecimal to BigInteger)
        cmd(
                r,
                "T huge exponent",
                "T must be in 0..1000000, got '9e94799929'",
                "exploitability",
                "--env",
                "sis-fh",
                "--set",
                "T=9e94799929");
        // text that is not UTF-8 (one shared reader: TextFiles)
        r.add(
                new Object[] {
                    "config not UTF-8",
                    "CFG: line 2: not UTF-8 text",
                    latin1("{\"experiment\": \"meanfield-bandit\",\n \"title\": \"caf\u00e9\"}"),
                    null,
                    new String[] {"run", "CFG", "--out", "OUT"}
                });
        r.add(
                new Object[] {
                    "policy not UTF-8",
                    "POL: line 1: not UTF-8 text",
                    null,
                    new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'},
                    new String[] {"exploitability", "--env", "sis", "--policy", "POL"}
                });
        r.add(
                new Object[] {
                    "trace not UTF-8",
                    "DATA: line 2: not UTF-8 text",
                    faas(),
                    null,
                    new String[] {"run", "CFG", "--out", "OUT"},
                    latin1(traceHeader(60) + "o,a,f,http\u00ff")
                });
        r.add(
                new Object[] {
                    "profiles not UTF-8",
                    "DATA: line 1: not UTF-8 text",
                    null,
                    null,
                    new String[] {"faas", "profiles", "--file", "DATA"},
                    new byte[] {(byte) 0x80, '[', ']'}
                });
        r.add(
                new Object[] {
                    "trace count 1e12",
                    "DATA: line 2, column 5 (minute 1): invocation count 1000000000000 is above the"
                            + " largest count a trace may hold, 2147483647",
                    faas(),
                    null,
                    new String[] {"run", "CFG", "--out", "OUT"},
                    (traceHeader(1) + "o,a,f,http,1000000000000\n").getBytes(StandardCharsets.UTF_8)
                });
        run(
                r,
                "faas config integer 2^40",
                small(
                        "\"cluster\": {\"nodes\": 1099511627776, \"cores\": 8, \"memory_mb\": 16384}"),
                "config field \"cluster\" field \"nodes\": expected an integer <= 2147483647, got"
                        + " 1099511627776");
        // FaaS: nothing to evaluate is an error, never a perfect score
        r.add(
                new Object[] {
                    "faas empty evaluation window",
                    "eval: trace DATA has no invocation in rows [12, 13, 14, 15, 16, 17, 18, 19,"
                            + " 20, 21, 22, 23] over minutes [32, 50)",
                    faas(),
                    null,
                    new String[] {"faas", "run", "CFG", "--out", "OUT"},
                    zeroTrace(24, 60).getBytes(StandardCharsets.UTF_8)
                });
        // a trace that cannot fit on the disk is refused before a byte is written (2e9 rows)
        cmd(
                r,
                "faas trace 2e9 rows",
                "--rows 2000000000 x --minutes 1440 needs at least 6160 GB for DIR/t.csv",
                "faas",
                "trace",
                "--rows",
                "2000000000",
                "--out",
                "DIR/t.csv");
        // faas-compare sizes (admission: FaasComparison.Spec.admit) and non-finite training
        run(
                r,
                "faas nodes x cores overflow",
                small("\"cluster\": {\"nodes\": 4, \"cores\": 1000000000, \"memory_mb\": 16384}"),
                "cluster nodes x cores must be at most 2147483647, got 4 x 1000000000");
        run(
                r,
                "faas eval seeds 1e9",
                small("\"eval\": {" + EVAL + ", \"seeds\": 1000000000}"),
                "eval.seeds = 1000000000 needs about");
        run(
                r,
                "faas train seeds 1e9",
                small("\"train\": {" + TRAIN + ", \"seeds\": 1000000000}")
                        .replace("[\"openwhisk\"]", "[\"nac-linear\"]"),
                "train.seeds = 1000000000 needs about");
        run(
                r,
                "faas nac_nn hidden 1e9",
                small("\"nac_nn\": {\"hidden\": 1000000000}")
                        .replace("[\"openwhisk\"]", "[\"nac-nn\"]"),
                "nac_nn.hidden = 1000000000 needs about");
        run(
                r,
                "faas nac_nn iterations 2e9",
                small("\"nac_nn\": {\"iterations\": 2000000000}")
                        .replace("[\"openwhisk\"]", "[\"nac-nn\"]"),
                "nac_nn.iterations = 2000000000 needs about");
        run(
                r,
                "faas nac_linear episodes 2e9",
                small("\"nac_linear\": {\"episodes_per_iteration\": 2000000000}")
                        .replace("[\"openwhisk\"]", "[\"nac-linear\"]"),
                "nac_linear.episodes_per_iteration = 2000000000 needs about");
        run(
                r,
                "faas ensure candidates 2e9",
                small("\"ensure_tuning\": {\"candidates\": 2000000000}")
                        .replace("[\"openwhisk\"]", "[\"ensure-tuned\"]"),
                "ensure_tuning.candidates = 2000000000 needs about");
        run(
                r,
                "faas learning_rate 1e300",
                small("\"nac_nn\": {\"iterations\": 2, \"learning_rate\": 1e300}")
                        .replace("[\"openwhisk\"]", "[\"nac-nn\"]"),
                "in training nac-nn (parameter 0 (particle 0) is not finite (NaN)): learning_rate ="
                        + " 1.0E300 is far above its default 3.0E-4; lower it");
        cmd(
                r,
                "nac critic_step 1e10 radius 1e300",
                "a number became NaN or infinite in nac on lq (theta[0] is not finite (NaN)):"
                        + " critic_radius = 1.0E300 is far above",
                "solve",
                "--env",
                "lq",
                "--algorithm",
                "nac",
                "--iterations",
                "20",
                "--set",
                "critic_step=1e10",
                "--set",
                "critic_radius=1e300",
                "--set",
                "critic_samples=100",
                "--set",
                "actor_samples=100",
                "--out",
                "OUT");
        // commands and options
        cmd(r, "unknown command", "frobnicate", "frobnicate");
        cmd(r, "unknown option", "--frob", "exploitability", "--env", "sis", "--frob");
        cmd(r, "n-player n 0", "n", "n-player", "--env", "sis-fh", "--n", "0");
        return r;
    }

    private static void run(List<Object[]> r, String name, String config, String phrase) {
        r.add(
                new Object[] {
                    name, phrase, config, null, new String[] {"run", "CFG", "--out", "OUT"}
                });
    }

    private static void pol(List<Object[]> r, String name, String policy, String phrase) {
        r.add(
                new Object[] {
                    name,
                    phrase,
                    null,
                    policy,
                    new String[] {"exploitability", "--env", "sis", "--policy", "POL"}
                });
    }

    private static void cmd(List<Object[]> r, String name, String phrase, String... args) {
        r.add(new Object[] {name, phrase, null, null, args});
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputFailsCleanly() {
        List<Object[]> rows = rows();
        assertTrue(rows.size() >= 60, "rows: " + rows.size());
        return rows.stream().map(row -> DynamicTest.dynamicTest((String) row[0], () -> check(row)));
    }

    private void check(Object[] row) throws IOException {
        String name = (String) row[0];
        Path root = Files.createDirectories(dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_")));
        Path out = root.resolve("existing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("result.json"), "{\"old\": true}\n");
        Files.writeString(out.resolve("curve.csv"), "time,value\n0,1\n");
        Path file = Files.writeString(root.resolve("plain.txt"), "a regular file\n");
        Path cfg = root.resolve("config.json");
        Path pol = root.resolve("policy.json");
        Path data = root.resolve("data.csv");
        write(cfg, row[2], data);
        write(pol, row[3], data);
        write(data, row.length > 5 ? row[5] : null, data);
        Path work = Files.createDirectories(root.resolve("work"));
        String[] args =
                Stream.of((String[]) row[4])
                        .map(
                                a ->
                                        a.replace("CFG", cfg.toString())
                                                .replace("POL", pol.toString())
                                                .replace("DATA", data.toString())
                                                .replace("OUT", out.toString())
                                                .replace("FILE", file.toString())
                                                .replace("DIR", work.toString()))
                        .toArray(String[]::new);
        Map<String, byte[]> before = snapshot(root);

        CliRunner.Outcome o = CliRunner.run(args);

        String phrase =
                ((String) row[1])
                        .replace("CFG", cfg.toString())
                        .replace("POL", pol.toString())
                        .replace("DATA", data.toString())
                        .replace("FILE", file.toString())
                        .replace("DIR", work.toString());
        Map<String, byte[]> after = snapshot(root);
        assertAll(
                name,
                () -> assertEquals(ExitCode.USAGE, o.status(), o.err()),
                () -> assertEquals(1, o.errLines().size(), o.err()),
                () -> assertTrue(o.err().contains(phrase), phrase + " in: " + o.err()),
                () -> assertTrue(o.err().startsWith("mfgkit: error: "), o.err()),
                () -> assertFalse(o.err().contains("\tat "), o.err()),
                () -> assertFalse(o.err().contains("Exception"), o.err()),
                () -> assertEquals(before.keySet(), after.keySet(), "files left behind"),
                () -> {
                    for (String k : before.keySet()) {
                        assertArrayEquals(before.get(k), after.get(k), k);
                    }
                });
    }

    /**
     * Writes {@code content} (text with {@code DATA} standing for the data file's path, or bytes)
     * to {@code file}; nothing for {@code null}.
     */
    private static void write(Path file, Object content, Path data) throws IOException {
        if (content instanceof String text) {
            Files.writeString(file, text.replace("DATA", data.toString()));
        } else if (content instanceof byte[] bytes) {
            Files.write(file, bytes);
        }
    }

    /**
     * Every file and directory under {@code root}, relative, with its bytes (directories: none).
     */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(
                    p -> {
                        try {
                            out.put(
                                    root.relativize(p).toString(),
                                    Files.isDirectory(p)
                                            ? "dir".getBytes(StandardCharsets.UTF_8)
                                            : Files.readAllBytes(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return out;
    }
}
