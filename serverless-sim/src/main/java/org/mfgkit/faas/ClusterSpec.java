package org.mfgkit.faas;

/**
 * The worker nodes of the cluster (SPEC §5; 004 Appendix E: 21 worker nodes with 8 cores each).
 *
 * @param nodes number of worker nodes (OpenWhisk invokers)
 * @param cores cores per node
 * @param memoryMb memory per node available to function containers (MB); also the OpenWhisk load
 *     balancer's slot capacity ({@code user-memory})
 */
public record ClusterSpec(int nodes, int cores, int memoryMb) {
    public ClusterSpec {
        if (nodes <= 0) {
            throw new IllegalArgumentException("cluster nodes must be > 0, got " + nodes);
        }
        if (cores <= 0) {
            throw new IllegalArgumentException("cluster cores must be > 0, got " + cores);
        }
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("cluster memoryMb must be > 0, got " + memoryMb);
        }
        if ((long) nodes * cores > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "cluster nodes x cores must be at most "
                            + Integer.MAX_VALUE
                            + ", got "
                            + nodes
                            + " x "
                            + cores);
        }
    }

    /** 21 nodes x 8 cores x 16384 MB (SPEC §5, 004 Appendix E). */
    public static ClusterSpec defaults() {
        return new ClusterSpec(21, 8, 16384);
    }

    public ClusterSpec withNodes(int n) {
        return new ClusterSpec(n, cores, memoryMb);
    }

    public ClusterSpec withCores(int c) {
        return new ClusterSpec(nodes, c, memoryMb);
    }

    public ClusterSpec withMemoryMb(int m) {
        return new ClusterSpec(nodes, cores, m);
    }

    /** Total cores. */
    public int totalCores() {
        return nodes * cores;
    }
}
