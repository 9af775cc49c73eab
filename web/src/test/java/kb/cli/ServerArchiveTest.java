package kb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerArchiveTest {

    @TempDir
    Path dir;

    @Test
    void the_name_follows_the_jar_and_the_jdk_so_a_stale_archive_is_never_picked_up() throws Exception {
        Path jar = Files.write(dir.resolve("postmortem-kb.jar"), new byte[]{1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        Path first = ServerArchive.fileFor(jar, "/jdk17", "17.0.15+6");

        assertEquals(dir, first.getParent());
        assertTrue(first.getFileName().toString().matches("postmortem-kb-[0-9a-f]+\\.jsa"), first.toString());
        assertEquals(first, ServerArchive.fileFor(jar, "/jdk17", "17.0.15+6"));
        assertNotEquals(first, ServerArchive.fileFor(jar, "/jdk17", "17.0.16+8"), "another JDK update");
        assertNotEquals(first, ServerArchive.fileFor(jar, "/jdk21", "17.0.15+6"), "another JDK home");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_001_000L));
        assertNotEquals(first, ServerArchive.fileFor(jar, "/jdk17", "17.0.15+6"), "a rebuilt jar");
    }

    @Test
    void recognises_its_own_archives_only() {
        Path jar = dir.resolve("postmortem-kb.jar");
        assertTrue(ServerArchive.isArchiveOf(jar, dir.resolve("postmortem-kb-1f2e.jsa")));
        assertTrue(ServerArchive.isArchiveOf(jar, dir.resolve("postmortem-kb-auto-jdk21.jsa")));
        assertFalse(ServerArchive.isArchiveOf(jar, dir.resolve("postmortem-kb.jar")));
        assertFalse(ServerArchive.isArchiveOf(jar, dir.resolve("kb-runner-jdk1f.jsa")));
        assertFalse(ServerArchive.isArchiveOf(jar, dir.resolve("postmortem-kb-1f2e.jsa.tmp")));
    }

    @Test
    void tests_run_from_classes_not_from_a_jar() {
        assertTrue(ServerArchive.runningJar().isEmpty());
    }
}
