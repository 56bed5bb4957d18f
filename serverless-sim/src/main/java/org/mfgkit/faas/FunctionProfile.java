package org.mfgkit.faas;

/**
 * One function benchmark of 004 (Appendix E) as the simulator sees it (SPEC §5).
 *
 * @param name benchmark name (also the OpenWhisk action name used for home-invoker hashing)
 * @param functionClass resource class (004's grouping)
 * @param memoryMb memory limit of one container (MB); it is also the OpenWhisk scheduling slot size
 * @param cpuDemand cores a running invocation can use at most (its cap in processor sharing)
 * @param service service time in isolation (ms), i.e. while it receives {@code cpuDemand} cores
 * @param coldStartMs container start latency (ms) before the first invocation can run
 */
public record FunctionProfile(
        String name,
        FunctionClass functionClass,
        int memoryMb,
        double cpuDemand,
        ServiceTime service,
        double coldStartMs) {
    public FunctionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("function name must be non-empty");
        }
        if (functionClass == null) {
            throw new IllegalArgumentException("function " + name + ": functionClass is missing");
        }
        if (memoryMb <= 0) {
            throw new IllegalArgumentException(
                    "function " + name + ": memoryMb must be > 0, got " + memoryMb);
        }
        if (!(cpuDemand > 0.0) || Double.isInfinite(cpuDemand)) {
            throw new IllegalArgumentException(
                    "function " + name + ": cpuDemand must be finite and > 0, got " + cpuDemand);
        }
        if (service == null) {
            throw new IllegalArgumentException(
                    "function " + name + ": service time distribution is missing");
        }
        if (!(coldStartMs >= 0.0) || Double.isInfinite(coldStartMs)) {
            throw new IllegalArgumentException(
                    "function "
                            + name
                            + ": coldStartMs must be finite and >= 0, got "
                            + coldStartMs);
        }
    }

    /** Mean CPU work of one invocation in core-milliseconds: {@code E[S] * cpuDemand}. */
    public double meanWorkCoreMs() {
        return service.mean() * cpuDemand;
    }

    /** A copy with another service-time distribution. */
    public FunctionProfile withService(ServiceTime newService) {
        return new FunctionProfile(
                name, functionClass, memoryMb, cpuDemand, newService, coldStartMs);
    }

    /** A copy with another cold-start latency. */
    public FunctionProfile withColdStartMs(double newColdStartMs) {
        return new FunctionProfile(
                name, functionClass, memoryMb, cpuDemand, service, newColdStartMs);
    }

    /** A copy with another CPU demand. */
    public FunctionProfile withCpuDemand(double newCpuDemand) {
        return new FunctionProfile(
                name, functionClass, memoryMb, newCpuDemand, service, coldStartMs);
    }

    /** A copy with another memory limit. */
    public FunctionProfile withMemoryMb(int newMemoryMb) {
        return new FunctionProfile(
                name, functionClass, newMemoryMb, cpuDemand, service, coldStartMs);
    }
}
