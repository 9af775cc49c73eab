package kb.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the server while writes stream in: SIGTERM (as docker stop and systemd send it) and the death
 * of the launcher JVM. Requests in flight finish and are answered; none gets a 500 such as "Database
 * is already closed"; the process exits within the drain bound; every acknowledged write is there after
 * a restart.
 */
class GracefulShutdownIT {

    @TempDir
    Path tmp;

    @Test
    void sigterm_during_writes_answers_every_request_in_flight_and_loses_nothing() throws Exception {
        try (ServerProcess server = new ServerProcess(tmp, Map.of(), List.of())) {
            server.start();
            ServerProcess.Session admin = server.signInAsAdmin();
            WriteStream writes = new WriteStream(server, admin, "term").start(6).awaitAcknowledged(80);

            server.process().destroy(); // SIGTERM
            assertTrue(server.process().waitFor(40, TimeUnit.SECONDS), "the server stops within the drain bound");
            writes.stopAndJoin();

            assertEquals(List.of(), List.copyOf(writes.failures), "answers during shutdown");
            assertEquals(143, server.process().exitValue(), "exit status of a JVM stopped by SIGTERM");
            String log = server.output();
            assertTrue(log.contains("stopping: no new connections") && log.contains("stopped in"), log);
            assertTrue(!log.contains("already closed") && !log.contains(" ERROR "), log);

            server.start();
            assertEquals(List.of(), WriteStream.missing(server, admin, writes.acked));
            System.out.printf("shutdown on SIGTERM: %d acknowledged writes, %d refused with 503 while draining, none lost%n",
                    writes.acknowledgedWrites.get(), writes.unavailable.get());
        }
    }

    @Test
    void the_launchers_death_stops_the_server_just_as_cleanly() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "600").start(); // stands in for the launcher JVM
        try (ServerProcess server = new ServerProcess(tmp, Map.of(), List.of("-Dkb.launcher.pid=" + launcher.pid()))) {
            server.start();
            ServerProcess.Session admin = server.signInAsAdmin();
            WriteStream writes = new WriteStream(server, admin, "orphan").start(6).awaitAcknowledged(80);

            launcher.destroyForcibly();
            assertTrue(server.process().waitFor(40, TimeUnit.SECONDS), "the server stops when its launcher is gone");
            writes.stopAndJoin();

            assertEquals(List.of(), List.copyOf(writes.failures), "answers during shutdown");
            String log = server.output();
            assertTrue(log.contains("the launcher process " + launcher.pid() + " has exited") && log.contains("stopped in"), log);
            assertTrue(!log.contains("already closed") && !log.contains(" ERROR "), log);

            server.jvmOptions(List.of()).start();
            assertEquals(List.of(), WriteStream.missing(server, admin, writes.acked));
        } finally {
            launcher.destroyForcibly();
        }
    }
}
