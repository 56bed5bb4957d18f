package org.mfgkit.faas;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison over a grid of loads x invoker user memories (issue 12: load {0.15, 0.3, 0.6} x
 * user-memory {2048 MB, node}): one full {@link FaasComparison} per cell, every cell with the base
 * spec's managers, protocol and seeds (calibration, training and evaluation seeds derive from the
 * same master seed, so cells differ only in the load and the user memory).
 */
public final class FaasSweep {
    private FaasSweep() {}

    /**
     * One cell.
     *
     * @param load offered load
     * @param userMemoryMb the invokers' user memory, {@code null} = the node's memory
     * @param result the comparison
     */
    public record Cell(double load, Integer userMemoryMb, FaasComparison.Result result) {
        /** {@code 2048} or {@code node}. */
        public String userMemoryLabel() {
            return userMemoryMb == null ? "node" : Integer.toString(userMemoryMb);
        }
    }

    /** Progress of a sweep. */
    public interface CellListener {
        /** Cell {@code index} of {@code cells} starts. */
        default void cellStarted(int index, int cells, double load, Integer userMemoryMb) {}

        /** The comparison listener of the running cell. */
        default FaasComparison.Listener comparison() {
            return new FaasComparison.Listener() {};
        }
    }

    /** Runs {@code base} at every (load, user memory), loads outermost. */
    public static List<Cell> run(
            FaasComparison.Spec base,
            List<Double> loads,
            List<Integer> userMemoriesMb,
            CellListener listener,
            int threads)
            throws Exception {
        if (loads.isEmpty() || userMemoriesMb.isEmpty()) {
            throw new IllegalArgumentException("sweep: need at least one load and one user memory");
        }
        List<Cell> out = new ArrayList<>();
        int cells = loads.size() * userMemoriesMb.size();
        for (double load : loads) {
            for (Integer mem : userMemoriesMb) {
                listener.cellStarted(out.size(), cells, load, mem);
                FaasComparison.Spec spec =
                        base.withLoad(load)
                                .withParams(base.params().with(FaasParams.USER_MEMORY_MB, mem));
                out.add(
                        new Cell(
                                load,
                                mem,
                                FaasComparison.run(spec, listener.comparison(), threads)));
            }
        }
        return out;
    }
}
