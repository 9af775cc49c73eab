package kb.ops;

import kb.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No acknowledged write is lost when the server dies outright. Four writers create postmortems and edit
 * them through the API; the server JVM gets SIGKILL in the middle of the stream; after a restart on the
 * same data every write that had been answered 201/200 is there, with its own text. Several rounds on
 * the default H2 file database and on PostgreSQL.
 */
class CrashDurabilityIT {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;

    @TempDir
    Path tmp;

    @Test
    void every_acknowledged_write_survives_sigkill_on_the_default_h2_database() throws Exception {
        // -Dkb.durability.h2settings=;WRITE_DELAY=500 reproduces the loss this test guards against
        String settings = System.getProperty("kb.durability.h2settings");
        rounds(settings == null ? Map.of()
                : Map.of("KB_DB_URL", "jdbc:h2:file:" + tmp.resolve("data").resolve("kb") + ";AUTO_SERVER=TRUE" + settings));
    }

    @Test
    void every_acknowledged_write_survives_sigkill_on_postgresql() throws Exception {
        String url = TestDatabases.config("postgresql", tmp).dbUrl();
        rounds(Map.of("KB_DB_URL", url));
    }

    private void rounds(Map<String, String> env) throws Exception {
        Map<String, Integer> acked = new HashMap<>();
        int total = 0;
        try (ServerProcess server = new ServerProcess(tmp, env, List.of())) {
            server.start();
            ServerProcess.Session admin = server.signInAsAdmin();
            for (int round = 1; round <= ROUNDS; round++) {
                WriteStream writes = new WriteStream(server, admin, "crash-r" + round).start(WRITERS);
                writes.awaitAcknowledged(60 + 40 * round);
                Thread.sleep(ThreadLocalRandom.current().nextInt(250)); // land the kill at no particular write
                server.kill();
                writes.stopAndJoin();
                assertTrue(writes.failures.isEmpty(), "answers that were neither success nor a dead server: " + writes.failures);
                acked.putAll(writes.acked);
                total += writes.acknowledgedWrites.get();

                server.start();
                List<String> lost = WriteStream.missing(server, admin, acked);
                System.out.printf("durability %s round %d: %d acknowledged writes this round (%d in all, %d incidents), %d lost%n",
                        env.getOrDefault("KB_DB_URL", "jdbc:h2").startsWith("jdbc:h2") ? "h2" : "postgresql", round, writes.acknowledgedWrites.get(), total, acked.size(), lost.size());
                assertEquals(List.of(), lost, "acknowledged writes lost after SIGKILL in round " + round);
            }
        }
    }
}
