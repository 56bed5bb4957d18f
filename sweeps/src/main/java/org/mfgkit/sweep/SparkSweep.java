package org.mfgkit.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Function1;
import scala.Function2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * A Spark application that runs sweep points, one Spark task per point. Results reach the driver
 * one by one as tasks finish ({@code SparkContext.runJob} with a result handler), so the caller can
 * journal each row at once. A task whose executor is lost is run again by Spark (standalone and
 * cluster masters retry a task up to {@code spark.task.maxFailures} = 4 times); {@link
 * #failedTaskAttempts} counts such losses.
 *
 * <p>Masters: {@code local}, {@code local[N]}, {@code local[*]} (in process), {@code
 * spark://host:port} (a standalone cluster; the port is probed first, and at least one executor
 * must register within the wait, else one error line instead of a hang), or any other URL Spark
 * knows. In process and on loopback masters the driver binds to 127.0.0.1 unless {@code
 * spark.driver.host} is set. On a non-local master, the module's application jar (when this class
 * was loaded from a jar) is shipped with {@code spark.jars} unless that is set (spark-submit).
 */
public final class SparkSweep implements AutoCloseable {

    private final JavaSparkContext sc;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicInteger executorsLost = new AtomicInteger();

    private SparkSweep(JavaSparkContext sc) {
        this.sc = sc;
        sc.sc()
                .addSparkListener(
                        new SparkListener() {
                            @Override
                            public void onTaskEnd(SparkListenerTaskEnd end) {
                                if (!end.taskInfo().successful()) {
                                    failedAttempts.incrementAndGet();
                                }
                            }

                            @Override
                            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                                executorsLost.incrementAndGet();
                            }
                        });
    }

    /**
     * Starts the application on {@code master}.
     *
     * @param waitSeconds how long a cluster master may take to give the first executor
     * @throws IllegalArgumentException naming {@code --master} when it cannot be reached or gives
     *     no executor in time
     */
    public static SparkSweep start(String master, String appName, int waitSeconds) {
        checkReachable(master);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("mfgkit " + appName);
        if (!conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        if (isLoopback(master) && !conf.contains("spark.driver.host")) {
            conf.set("spark.driver.host", "127.0.0.1");
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!isLocal(master) && !conf.contains("spark.jars")) {
            Path jar = applicationJar();
            if (jar != null) {
                conf.set("spark.jars", jar.toString());
            }
        }
        if (isLocal(master)) {
            return new SparkSweep(new JavaSparkContext(conf));
        }
        // On a cluster the constructor blocks until the master accepts the application (Spark's
        // client retries for about a minute), so it runs aside and is given up after the wait.
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        FutureTask<JavaSparkContext> start = new FutureTask<>(() -> new JavaSparkContext(conf));
        Thread starter = new Thread(start, "mfgkit-spark-start");
        starter.setDaemon(true);
        starter.start();
        JavaSparkContext sc;
        try {
            sc = start.get(waitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            Thread cleanup =
                    new Thread(
                            () -> {
                                try {
                                    start.get().stop();
                                } catch (Exception ignored) {
                                    // it failed to start: nothing to stop
                                }
                            },
                            "mfgkit-spark-abandon");
            cleanup.setDaemon(true);
            cleanup.start();
            throw noExecutor(master, waitSeconds);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Spark", e);
        }
        SparkSweep s = new SparkSweep(sc);
        s.awaitExecutor(master, waitSeconds, deadline);
        return s;
    }

    private static IllegalArgumentException noExecutor(String master, int waitSeconds) {
        return new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "--master %s: no executor registered within %d s (is it a Spark master, with a worker that has free cores and memory?)",
                        master,
                        waitSeconds));
    }

    /**
     * Runs {@code task} on every point, one Spark task each, calling {@code onResult} on the driver
     * as each finishes (in completion order, from one thread at a time).
     *
     * @return the results in the order of {@code points}
     */
    public List<PointResult> run(
            List<SweepPoint> points, PointTask task, Consumer<PointResult> onResult) {
        if (points.isEmpty()) {
            return List.of();
        }
        JavaRDD<SweepPoint> rdd = sc.parallelize(points, points.size());
        PointResult[] results = new PointResult[points.size()];
        Function1<scala.collection.Iterator<SweepPoint>, PointResult> process =
                (Function1<scala.collection.Iterator<SweepPoint>, PointResult> & Serializable)
                        it -> task.run(it.next());
        Function2<Object, PointResult, BoxedUnit> handler =
                (partition, result) -> {
                    results[(Integer) partition] = result;
                    onResult.accept(result);
                    return BoxedUnit.UNIT;
                };
        ClassTag<PointResult> tag = ClassTag$.MODULE$.apply(PointResult.class);
        sc.sc().runJob(rdd.rdd(), process, handler, tag);
        return List.of(results);
    }

    /** Task attempts that failed (a lost executor, a killed task), over this application. */
    public int failedTaskAttempts() {
        return failedAttempts.get();
    }

    /** Executors removed (lost or killed) while this application ran. */
    public int executorsLost() {
        return executorsLost.get();
    }

    /** The master URL. */
    public String master() {
        return sc.master();
    }

    /** The number of task slots Spark uses by default. */
    public int parallelism() {
        return sc.defaultParallelism();
    }

    /** Stops the application. */
    @Override
    public void close() {
        sc.stop();
    }

    /** Whether {@code master} runs in this JVM. */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    private static boolean isLoopback(String master) {
        if (isLocal(master)) {
            return true;
        }
        for (InetSocketAddress a : standaloneAddresses(master)) {
            String h = a.getHostString();
            if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("::1"))) {
                return false;
            }
        }
        return master.startsWith("spark://");
    }

    /** The host:port pairs of a {@code spark://h1:p1,h2:p2} URL (empty for other masters). */
    static List<InetSocketAddress> standaloneAddresses(String master) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (!master.startsWith("spark://")) {
            return out;
        }
        for (String hp : master.substring("spark://".length()).split(",")) {
            URI u = URI.create("spark://" + hp);
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException(
                        "--master " + master + ": expected spark://HOST:PORT");
            }
            out.add(InetSocketAddress.createUnresolved(u.getHost(), u.getPort()));
        }
        return out;
    }

    /** Probes a standalone master's port (5 s per address), so a wrong URL fails at once. */
    static void checkReachable(String master) {
        if (!isLocal(master)
                && !master.startsWith("spark://")
                && !master.matches("(yarn|k8s://.*|mesos://.*)")) {
            throw new IllegalArgumentException(
                    "--master "
                            + master
                            + ": expected local, local[N], local[*], spark://HOST:PORT, yarn or k8s://...");
        }
        List<InetSocketAddress> addrs = standaloneAddresses(master);
        String last = null;
        for (InetSocketAddress a : addrs) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), 5000);
                return;
            } catch (IOException e) {
                last = a.getHostString() + ":" + a.getPort() + " (" + e.getMessage() + ")";
            }
        }
        if (!addrs.isEmpty()) {
            throw new IllegalArgumentException(
                    "--master " + master + ": cannot reach the Spark master at " + last);
        }
    }

    private void awaitExecutor(String master, int waitSeconds, long deadline) {
        while (System.nanoTime() < deadline) {
            // The driver is listed too: one more entry is the first executor.
            if (sc.sc().statusTracker().getExecutorInfos().length > 1) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sc.stop();
        throw noExecutor(master, waitSeconds);
    }

    /** The jar this class was loaded from, or null (classes directories, tests). */
    static Path applicationJar() {
        try {
            var src = SparkSweep.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }
}
