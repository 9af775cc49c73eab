package kb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The part both launchers ({@code serve}, {@code review}) share: the child's exit code and environment, a stop passed
 * on to it (SIGTERM first, a kill after the grace), and which class-data archive belongs to this jar. Real child
 * processes: a shell stands in for the JVM, which changes nothing of how it is started or stopped.
 */
class ChildJvmTest {

    @Test
    void the_launcher_exits_with_the_childs_code_and_the_child_gets_the_tuned_environment() throws Exception {
        int code = ChildJvm.run(List.of("sh", "-c", "exit \"$KB_CHILD_CODE\""), env -> env.put("KB_CHILD_CODE", "7"),
                Duration.ofSeconds(5));
        assertEquals(7, code);
        // the server's tuning leaves the caller's choice alone
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("MALLOC_ARENA_MAX", "8"));
        ServerLauncher.tune(env);
        assertEquals("8", env.get("MALLOC_ARENA_MAX"));
    }

    @Test
    void a_stopped_child_that_exits_on_sigterm_is_not_killed() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        ChildJvm.stop(child, Duration.ofSeconds(60));
        assertFalse(child.isAlive());
        assertEquals(128 + 15, child.exitValue(), "ended by SIGTERM, within its grace");
    }

    @Test
    void a_stopped_child_that_ignores_sigterm_is_killed_after_its_grace() throws Exception {
        // an ignored signal stays ignored across exec, so sleep itself ignores SIGTERM
        Process child = new ProcessBuilder("sh", "-c", "trap '' TERM; echo ignoring; exec sleep 60").start();
        // the stop must not land before the trap is set
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            assertEquals("ignoring", out.readLine());
        }
        ChildJvm.stop(child, Duration.ofMillis(300));
        assertFalse(child.isAlive());
        assertEquals(128 + 9, child.exitValue(), "killed once the grace ran out");
        ChildJvm.stop(child, Duration.ofSeconds(1)); // a child already gone: nothing to do
    }

    @Test
    void the_archive_is_this_jars_only_once_cds_made_it(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("postmortem-kb.jar"), new byte[]{1, 2, 3});
        ChildJvm.Self self = new ChildJvm.Self("java", List.of("-jar", jar.toString(), "serve"), jar);
        assertNull(self.archive(), "no archive made yet");
        Path made = Files.write(ServerArchive.fileFor(jar), new byte[]{4});
        assertEquals(made, self.archive());
    }
}
