package org.mfgkit.cli.bench;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A named operation that {@code mfgkit bench} times: {@code setup} runs once (untimed) and builds
 * the state; {@code operation} is then called many times on it. The operation's return value is
 * consumed so the JIT cannot drop the work: return the thing computed (a double, an array).
 *
 * <pre>{@code
 * BenchTask.of("exploitability/sis", "exact exploitability of the uniform policy on SIS",
 *     () -> new SisEpidemic(SisEpidemic.Params.defaults()),
 *     game -> Exploitability.of(game, Policies.uniform(game)));
 * }</pre>
 *
 * @param <S> the state built by {@code setup}
 * @param name unique name, lower-case words joined by '-' or '/' (e.g. {@code nac-iteration/sis})
 * @param description one line for {@code mfgkit list} and {@code mfgkit bench}
 * @param setup builds the state, untimed
 * @param operation the timed operation on the state; must not modify it in a way that changes later
 *     calls' cost
 */
public record BenchTask<S>(
        String name,
        String description,
        Supplier<? extends S> setup,
        Function<? super S, ?> operation) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([-/.][a-z0-9]+)*");

    /** Validates; names the offending field. */
    public BenchTask {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "bench task name must be lower-case words joined by '-', '/' or '.', got \""
                            + name
                            + "\"");
        }
        if (description == null || setup == null || operation == null) {
            throw new IllegalArgumentException(
                    "bench task \""
                            + name
                            + "\": description, setup and operation must not be null");
        }
    }

    /** A task (reads better than the constructor at registration sites). */
    public static <S> BenchTask<S> of(
            String name,
            String description,
            Supplier<? extends S> setup,
            Function<? super S, ?> operation) {
        return new BenchTask<>(name, description, setup, operation);
    }

    /** A task without state. */
    public static BenchTask<Void> of(String name, String description, Supplier<?> operation) {
        return new BenchTask<Void>(name, description, () -> null, state -> operation.get());
    }
}
