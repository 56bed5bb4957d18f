package org.mfgkit.sweep;

import java.io.Serializable;

/**
 * What one point gave: its metrics, or the one-line error that stopped it.
 *
 * @param index the point's index
 * @param ok whether the command succeeded and every metric is a finite number
 * @param error the one-line error ({@code ""} when ok)
 * @param metrics the metric values in the sweep's metric order ({@code NaN} where missing)
 * @param seconds wall time of the point (the one column that is not reproducible)
 */
public record PointResult(int index, boolean ok, String error, double[] metrics, double seconds)
        implements Serializable {

    /** Validates the fields. */
    public PointResult {
        error = error == null ? "" : error.replaceAll("[\\r\\n]+", " ").strip();
        metrics = metrics.clone();
        if (!ok && error.isEmpty()) {
            throw new IllegalArgumentException("a failed point needs its error");
        }
    }

    /** The status column: {@code ok} or {@code failed}. */
    public String status() {
        return ok ? "ok" : "failed";
    }
}
