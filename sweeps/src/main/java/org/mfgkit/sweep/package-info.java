/**
 * Parameter sweeps and tuning as Apache Spark jobs (SPEC §0, module {@code sweeps}; issue 11).
 *
 * <p>A sweep file names a base ({@code mfgkit run CONFIG} or {@code mfgkit solve ...}) and what
 * varies: grid axes (lists, linear or log ranges), random samples and seeds. {@link SweepGrid}
 * enumerates the points in a fixed order; {@link SparkSweep} runs each point as one Spark task,
 * which calls the public in-process entry of the {@code mfgkit} command ({@link PointRun}); the
 * driver gathers the rows into {@code sweep.csv}, {@code result.json} and plots ({@link
 * SweepOutputs}). {@link SuccessiveHalving} tunes on the same tasks. This is the only module that
 * depends on Spark.
 */
package org.mfgkit.sweep;
