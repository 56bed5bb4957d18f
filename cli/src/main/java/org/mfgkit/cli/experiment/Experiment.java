package org.mfgkit.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One experiment type, run by {@code mfgkit run FILE.json} when the config's {@code "experiment"}
 * field equals {@link #name()}. Register an implementation with one line in {@link
 * Experiments#builtIn()}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Validate the whole config first (see {@link Config}) and throw {@link
 *       IllegalArgumentException} naming the bad field, before any long computation.
 *   <li>Write output files only into {@link RunContext#outDir()} (best through {@link
 *       RunContext#writer()}); they become visible only if {@code run} returns normally. {@code
 *       result.json} is reserved: the frame writes it from the return value.
 *   <li>Take all randomness from seeds in the config and record them in the result.
 *   <li>Write nothing to stdout; report progress through {@link RunContext#progress()}.
 * </ul>
 */
public interface Experiment {

    /** The value of the config's {@code "experiment"} field: lower-case words joined by '-'. */
    String name();

    /** One line for {@code mfgkit list}. */
    String description();

    /**
     * Runs the experiment.
     *
     * @param config the whole config file (an object; it includes the {@code "experiment"} field)
     * @param ctx output directory, progress, thread count
     * @return the result: a record, map or {@link JsonNode}, serialised with {@link
     *     org.mfgkit.cli.output.Json} into {@code result.json} under {@code "result"}. Its
     *     top-level numbers and strings are printed as the human summary.
     */
    Object run(JsonNode config, RunContext ctx) throws Exception;
}
