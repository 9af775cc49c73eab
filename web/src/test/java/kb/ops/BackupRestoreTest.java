package kb.ops;

import kb.TestApp;
import kb.accounts.Logins;
import kb.accounts.Role;
import kb.cli.BackupCommand;
import kb.cli.RestoreCommand;
import kb.system.Config;
import kb.system.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backup FILE} while the server serves and writes go on, {@code restore FILE} into a fresh
 * database, and a row-by-row comparison of everything a team would miss.
 */
class BackupRestoreTest {

    /** Tables compared row by row: incidents and their revisions, users, reviews with their findings and marks. */
    private static final List<String> TABLES = List.of("incidents", "revisions", "sections", "users", "api_tokens",
            "reviews", "review_findings", "review_manual", "review_marks");

    @TempDir
    Path tmp;
    TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Config h2(String dir) {
        return Config.fromEnv(Map.of("KB_DATA_DIR", tmp.resolve(dir).toString(), "KB_CONTENT_DIR", TestApp.FIXTURES.toString(),
                "KB_PORT", "0"));
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_backup_taken_while_serving_restores_every_incident_revision_user_review_and_mark() throws Exception {
        Config live = h2("live");
        app = TestApp.onDatabase(live);
        app.services.incidents().importContent(TestApp.FIXTURES);
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        Logins.sessionCookie(app, Role.VIEWER);
        long review = review(editor);
        mark(editor, review);

        // backup 1 while writers keep saving: it must open, migrate, and hold what was there before it began
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger saved = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int n = 0; !stop.get(); n++) {
                if (create(editor, "during-backup-" + n).statusCode() == 201) {
                    saved.incrementAndGet();
                }
            }
        });
        writer.start();
        while (saved.get() < 3) {
            Thread.sleep(10);
        }
        int before = saved.get();
        Path during = tmp.resolve("during.zip");
        Run backup = cli(new BackupCommand(live), during.toString());
        stop.set(true);
        writer.join();
        assertEquals(0, backup.exit(), backup.err());
        assertTrue(backup.out().contains("backup: wrote " + during), backup.out());
        Config restoredDuring = h2("restored-during");
        assertEquals(0, cli(new RestoreCommand(restoredDuring), during.toString()).exit());
        try (Database db = Database.open(restoredDuring)) {
            long copies = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents WHERE id LIKE 'during-backup-%'")
                    .mapTo(Long.class).one());
            assertTrue(copies >= before, copies + " of the " + before + " saved before the backup began");
            long orphans = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents i WHERE NOT EXISTS "
                    + "(SELECT 1 FROM revisions r WHERE r.incident_id = i.id)").mapTo(Long.class).one());
            assertEquals(0, orphans, "a consistent state: no incident without its revision");
        }

        // backup 2 with the server still up and writes done: the restored database equals the live one
        Path after = tmp.resolve("after.zip");
        assertEquals(0, cli(new BackupCommand(live), after.toString()).exit());
        Config restored = h2("restored");
        Run restore = cli(new RestoreCommand(restored), after.toString());
        assertEquals(0, restore.exit(), restore.err());
        assertTrue(restore.out().contains("incidents="), restore.out());
        try (Database copy = Database.open(restored)) {
            for (String table : TABLES) {
                List<Map<String, Object>> expected = rows(app.services.db(), table);
                assertEquals(expected, rows(copy, table), table);
                if (List.of("incidents", "revisions", "users", "reviews", "review_marks").contains(table)) {
                    assertTrue(!expected.isEmpty(), table + " has rows to compare");
                }
            }
        }
    }

    @Test
    void restore_refuses_an_existing_database_unless_replace_and_keeps_the_old_one() throws Exception {
        Config live = h2("live");
        app = TestApp.onDatabase(live);
        app.services.incidents().importContent(TestApp.FIXTURES);
        Path file = tmp.resolve("kb.zip");
        assertEquals(0, cli(new BackupCommand(live), file.toString()).exit());
        Run again = cli(new BackupCommand(live), file.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already exists"), again.err());

        Run inUse = cli(new RestoreCommand(live), "--replace", file.toString());
        assertEquals(1, inUse.exit());
        assertTrue(inUse.err().contains("open in another process"), inUse.err());
        app.close();
        app = null;

        Run refused = cli(new RestoreCommand(live), file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--replace"), refused.err());
        Run replaced = cli(new RestoreCommand(live), "--replace", file.toString());
        assertEquals(0, replaced.exit(), replaced.err());
        try (var kept = Files.list(tmp.resolve("live"))) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith("kb.mv.db.before-restore-")));
        }
        Run notABackup = cli(new RestoreCommand(h2("other")), tmp.resolve("live").resolve("nothing.zip").toString());
        assertEquals(1, notABackup.exit());
        assertTrue(notABackup.err().contains("no backup file at"), notABackup.err());
    }

    @Test
    void on_postgresql_both_commands_point_at_pg_dump() {
        Config pg = Config.fromEnv(Map.of("KB_DB_URL", "jdbc:postgresql://db.example/kb"));
        Run backup = cli(new BackupCommand(pg), tmp.resolve("x.zip").toString());
        assertEquals(2, backup.exit());
        assertTrue(backup.err().contains("pg_dump"), backup.err());
        Run restore = cli(new RestoreCommand(pg), tmp.resolve("x.zip").toString());
        assertEquals(2, restore.exit());
        assertTrue(restore.err().contains("pg_restore"), restore.err());
    }

    private static List<Map<String, Object>> rows(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY 1, 2").mapToMap().list());
    }

    private HttpResponse<String> create(Logins.Login editor, String id) {
        return app.send(Logins.request(app, editor, "/api/incidents").header("Content-Type", "text/markdown")
                .header("X-CSRF-Token", editor.csrf()).POST(HttpRequest.BodyPublishers.ofString(WriteStream.markdown(id, 1))).build());
    }

    private long review(Logins.Login editor) {
        String diff = "diff --git a/pom.xml b/pom.xml\n--- a/pom.xml\n+++ b/pom.xml\n@@ -1,2 +1,3 @@\n <project>\n"
                + "+  <name>kb</name>\n </project>\n";
        HttpResponse<String> r = app.send(Logins.request(app, editor, "/api/reviews").header("Content-Type", "text/x-diff")
                .header("X-CSRF-Token", editor.csrf()).POST(HttpRequest.BodyPublishers.ofString(diff)).build());
        assertEquals(201, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void mark(Logins.Login editor, long review) {
        HttpResponse<String> r = app.send(Logins.request(app, editor, "/api/reviews/" + review + "/marks")
                .header("Content-Type", "application/json").header("X-CSRF-Token", editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\": \"RES-01\", \"state\": \"checked\", \"note\": \"all paths close it\"}"))
                .build());
        assertEquals(200, r.statusCode(), r.body());
    }
}
