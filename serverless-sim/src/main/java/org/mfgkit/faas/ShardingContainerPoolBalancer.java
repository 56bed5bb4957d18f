package org.mfgkit.faas;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * OpenWhisk's {@code ShardingContainerPoolBalancer} (core/controller/.../loadBalancer/
 * ShardingContainerPoolBalancer.scala of apache/openwhisk; line numbers in
 * serverless-sim/README.md) for one controller:
 *
 * <ul>
 *   <li>the managed invokers are the first {@code max(1, ceil(N * managedFraction))} nodes (line
 *       518; {@code managed-fraction} 90% in reference.conf and ansible/group_vars/all);
 *   <li>a function's home invoker is {@code hash mod M} with {@code hash = |"guest".hashCode() ^
 *       "guest/<name>".hashCode()|} (lines 264-265, 370-372), its step {@code stepSizes[hash mod
 *       |stepSizes|]} from the pairwise co-prime numbers up to {@code M} (lines 266, 379-384);
 *   <li>each invoker has a slot semaphore of {@code user-memory} MB (line 533, one controller); a
 *       request takes its function's memory from the first invoker along the progression whose
 *       semaphore can give it (lines 399-433) and releases it on completion; when none can, a
 *       uniformly random invoker is forced (line 421, the overload rule).
 * </ul>
 *
 * <p>ENSURE's load concentration ({@link EnsureManager}) narrows the invokers in use to the first
 * {@code k} managed ones ({@link #setInvokersInUse}); homes and steps then follow {@code k}, as
 * they follow the invoker count in OpenWhisk.
 */
final class ShardingContainerPoolBalancer {
    /** OpenWhisk's namespace used in the home-invoker hash. */
    private static final String NAMESPACE = "guest";

    private final int[] hash;
    private final int[] mem;
    private final int managed;
    private final double slotCapacity;
    private final double[] slotMem;
    private final int[] home;
    private final int[] step;
    private int inUse;
    private RandomGenerator rng;

    /**
     * @param names function names (they fix the hashes)
     * @param memoryMb memory limit of each function (the slots a request takes)
     * @param nodes invokers
     * @param managedFraction share of the invokers that run managed (non-blackbox) actions
     * @param userMemoryMb slot capacity of each invoker ({@code user-memory})
     */
    ShardingContainerPoolBalancer(
            String[] names, int[] memoryMb, int nodes, double managedFraction, int userMemoryMb) {
        int nF = names.length;
        hash = new int[nF];
        for (int f = 0; f < nF; f++) {
            hash[f] = homeHash(names[f]);
        }
        mem = memoryMb.clone();
        managed = Math.max(1, Math.min(nodes, (int) Math.ceil(nodes * managedFraction - 1e-12)));
        slotCapacity = userMemoryMb;
        slotMem = new double[nodes];
        home = new int[nF];
        step = new int[nF];
        setInvokersInUse(managed);
    }

    /**
     * OpenWhisk's {@code generateHash(namespace, action)} for action {@code guest/<name>}, made
     * non-negative.
     */
    static int homeHash(String name) {
        int h = NAMESPACE.hashCode() ^ (NAMESPACE + "/" + name).hashCode();
        return h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    }

    /** OpenWhisk's {@code pairwiseCoprimeNumbersUntil(x)}: 1..x co-prime to x and to each other. */
    static int[] pairwiseCoprimeNumbersUntil(int x) {
        int[] out = new int[x];
        int k = 0;
        for (int cur = 1; cur <= x; cur++) {
            if (gcd(cur, x) != 1) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < k && ok; i++) {
                ok = gcd(out[i], cur) == 1;
            }
            if (ok) {
                out[k++] = cur;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Empties the slots, restores all managed invokers and reseeds the overload choice. */
    void reset(RandomGenerator overloadRng) {
        Arrays.fill(slotMem, 0.0);
        rng = overloadRng;
        setInvokersInUse(managed);
    }

    /** Managed invokers. */
    int managedInvokers() {
        return managed;
    }

    /** Invokers requests are routed to now ({@link #managedInvokers()} unless concentrated). */
    int invokersInUse() {
        return inUse;
    }

    /** Routes to the first {@code k} managed invokers only (homes and steps follow {@code k}). */
    void setInvokersInUse(int k) {
        if (k < 1 || k > managed) {
            throw new IllegalArgumentException(
                    "invokers in use must lie in 1.." + managed + ", got " + k);
        }
        inUse = k;
        int[] steps = pairwiseCoprimeNumbersUntil(k);
        for (int f = 0; f < hash.length; f++) {
            home[f] = hash[f] % k;
            step[f] = steps[hash[f] % steps.length];
        }
    }

    int home(int f) {
        return home[f];
    }

    int step(int f) {
        return step[f];
    }

    /** Routes a request of f and takes its slots on the chosen invoker. */
    int route(int f) {
        int idx = home[f];
        double need = mem[f];
        for (int i = 0; i < inUse; i++) {
            if (slotMem[idx] + need <= slotCapacity) {
                slotMem[idx] += need;
                return idx;
            }
            idx += step[f];
            if (idx >= inUse) {
                idx -= inUse;
            }
        }
        int n = rng.nextInt(inUse);
        slotMem[n] += need;
        return n;
    }

    /** The request of f on invoker n completed: its slots are released. */
    void release(int n, int f) {
        slotMem[n] -= mem[f];
    }

    /** Slot memory held by in-flight requests on invoker n (MB). */
    double slotMemory(int n) {
        return slotMem[n];
    }
}
