package org.mfgkit.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfgkit.sweep.SweepTestSupport.M;
import static org.mfgkit.sweep.SweepTestSupport.sweeps;
import static org.mfgkit.sweep.SweepTestSupport.withoutSeconds;
import static org.mfgkit.sweep.SweepTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mfgkit.sweep.SweepTestSupport.Outcome;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and one Worker started as separate JVMs
 * from the Spark jars on the test class path. The same sweep on {@code local[*]} and on {@code
 * spark://127.0.0.1:PORT} gives the same table; killing the executor mid-sweep loses tasks that
 * Spark runs again, with the same table; a killed sweep process keeps its finished rows and {@code
 * --resume} on one core ({@code local[1]}) completes the same table; a silent master is one error
 * line within the wait.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {

    /** NAC on SIS, 2 x 2 x 4 = 16 points of about a second each. */
    static final String SWEEP =
            "{\"name\": \"nac-small\", \"base\": {\"solve\": {\"env\": \"sis\", \"algorithm\": \"nac\","
                    + " \"iterations\": 150, \"set\": {\"critic_samples\": 2500, \"actor_samples\": 250}}},"
                    + " \"grid\": {\"set.eta\": [0.05, 0.2], \"set.beta\": [0.01, 0.05]}, \"seeds\": 4}";

    static final List<String> OPENS =
            List.of(
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED");

    @TempDir static Path tmp;
    static Process master;
    static Process worker;
    static int masterPort;
    static Path sweepFile;
    static List<String> localTable;

    static String classPath() {
        return System.getProperty(
                "surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static Process java(String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(OPENS);
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", tmp.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve(name + ".log").toFile());
        return pb.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitPort(int port, Process p, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(
                    p.isAlive(), name + " died: " + Files.readString(tmp.resolve(name + ".log")));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(name + " did not open port " + port);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        Files.createDirectories(tmp.resolve("spark-home/jars"));
        masterPort = freePort();
        master =
                java(
                        "master",
                        List.of(
                                "org.apache.spark.deploy.master.Master",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(masterPort),
                                "--webui-port",
                                Integer.toString(freePort())));
        awaitPort(masterPort, master, "master");
        int workerPort = freePort();
        worker =
                java(
                        "worker",
                        List.of(
                                "org.apache.spark.deploy.worker.Worker",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(workerPort),
                                "--webui-port",
                                Integer.toString(freePort()),
                                "--cores",
                                "2",
                                "--memory",
                                "1g",
                                "--work-dir",
                                tmp.resolve("work").toString(),
                                "spark://127.0.0.1:" + masterPort));
        awaitPort(workerPort, worker, "worker");
        // The executors the worker starts load mfgkit and Spark from the test class path.
        System.setProperty("spark.executor.extraClassPath", classPath());
        System.setProperty("spark.executor.memory", "512m");
        sweepFile = write(tmp, "nac-small.json", SWEEP);
        Outcome local =
                sweeps(
                        "sweep",
                        sweepFile.toString(),
                        "--out",
                        tmp.resolve("local").toString(),
                        "--json");
        assertEquals(0, local.status(), local.err());
        assertEquals(0, M.readTree(local.out()).get("failed").asInt());
        localTable = withoutSeconds(tmp.resolve("local/sweep.csv"));
        assertEquals(17, localTable.size());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        System.clearProperty("spark.executor.extraClassPath");
        System.clearProperty("spark.executor.memory");
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(1)
    void clusterTableEqualsTheLocalOne() throws Exception {
        Path out = tmp.resolve("cluster");
        Outcome o =
                sweeps(
                        "sweep",
                        sweepFile.toString(),
                        "--master",
                        "spark://127.0.0.1:" + masterPort,
                        "--out",
                        out.toString(),
                        "--json");
        assertEquals(0, o.status(), o.err());
        assertEquals(localTable, withoutSeconds(out.resolve("sweep.csv")));
        JsonNode result = M.readTree(out.resolve("result.json").toFile());
        assertEquals("spark://127.0.0.1:" + masterPort, result.get("master").asText());
    }

    @Test
    @Order(2)
    void tasksLostWithAKilledExecutorAreRunAgain() throws Exception {
        Path out = tmp.resolve("killed-executor");
        Path journal = Journal.fileFor(out);
        AtomicInteger killed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread killer =
                new Thread(
                        () -> {
                            try {
                                // After two finished rows, kill the executor JVM (a child of the
                                // worker).
                                while (!stop.get() && rows(journal) < 2) {
                                    Thread.sleep(50);
                                }
                                if (!stop.get() && rows(journal) < 16) {
                                    // The worker's only children are its executor JVMs.
                                    worker.descendants()
                                            .forEach(
                                                    h -> {
                                                        seen.add(h.info().command().orElse("?"));
                                                        if (h.destroyForcibly()) {
                                                            killed.incrementAndGet();
                                                        }
                                                    });
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        killer.start();
        Outcome o =
                sweeps(
                        "sweep",
                        sweepFile.toString(),
                        "--master",
                        "spark://127.0.0.1:" + masterPort,
                        "--out",
                        out.toString(),
                        "--json");
        stop.set(true);
        killer.join();
        assertEquals(0, o.status(), o.err());
        assertEquals(1, killed.get(), "one executor killed mid-sweep: " + seen);
        JsonNode result = M.readTree(out.resolve("result.json").toFile());
        assertTrue(
                result.get("spark").get("task_attempts_failed").asInt() >= 1,
                result.get("spark").toString());
        assertTrue(
                result.get("spark").get("executors_lost").asInt() >= 1,
                result.get("spark").toString());
        assertEquals(localTable, withoutSeconds(out.resolve("sweep.csv")));
    }

    @Test
    @Order(3)
    void aKilledSweepKeepsItsRowsAndResumeCompletesTheSameTable() throws Exception {
        Path out = tmp.resolve("killed-sweep");
        Path journal = Journal.fileFor(out);
        Process p =
                java(
                        "killed-sweep",
                        List.of(
                                "org.mfgkit.sweep.SweepMain",
                                "sweep",
                                sweepFile.toString(),
                                "--master",
                                "local[2]",
                                "--out",
                                out.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(journal) < 3 && System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), Files.readString(tmp.resolve("killed-sweep.log")));
            Thread.sleep(50);
        }
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        int kept = rows(journal);
        assertTrue(kept >= 3 && kept < 16, "rows kept: " + kept);
        assertFalse(Files.exists(out), "no half-written output directory");
        Outcome o =
                sweeps(
                        "sweep",
                        sweepFile.toString(),
                        "--master",
                        "local[1]",
                        "--out",
                        out.toString(),
                        "--resume",
                        "--json");
        assertEquals(0, o.status(), o.err());
        assertTrue(M.readTree(o.out()).get("resumed").asInt() >= kept);
        assertEquals(localTable, withoutSeconds(out.resolve("sweep.csv")));
    }

    @Test
    @Order(4)
    void aSilentMasterIsOneErrorLineWithinTheWait() throws Exception {
        try (ServerSocket silent =
                new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            Process p =
                    java(
                            "silent",
                            List.of(
                                    "org.mfgkit.sweep.SweepMain",
                                    "sweep",
                                    sweepFile.toString(),
                                    "--master",
                                    "spark://127.0.0.1:" + silent.getLocalPort(),
                                    "--wait",
                                    "5",
                                    "--out",
                                    tmp.resolve("silent").toString()));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits within 30 s");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(2, p.exitValue());
            String log = Files.readString(tmp.resolve("silent.log"));
            assertTrue(
                    log.contains(
                            "mfgkit: error: --master spark://127.0.0.1:"
                                    + silent.getLocalPort()
                                    + ": no executor registered within 5 s"),
                    log);
            assertTrue(seconds < 30, "took " + seconds + " s");
            assertFalse(Files.exists(tmp.resolve("silent")));
            assertFalse(Files.exists(Journal.fileFor(tmp.resolve("silent"))));
        }
    }

    /** Finished rows in a journal (lines after the header), 0 when there is none. */
    static int rows(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        return (int)
                Math.max(
                        0,
                        Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count()
                                - 1);
    }
}
