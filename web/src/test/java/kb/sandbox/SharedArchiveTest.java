package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedArchiveTest {

    @TempDir
    Path dir;

    @Test
    void outdated_archives_of_the_same_runner_jar_are_deleted_and_everything_else_is_kept() throws Exception {
        Path jar = Files.writeString(dir.resolve("runner-abc.jar"), "jar");
        var archive = new SharedArchive(jar, Path.of(System.getProperty("java.home")));
        Path current = Files.writeString(archive.path(), "current");
        Path olderFormat = Files.writeString(dir.resolve("runner-abc-jdk1234-static.jsa"), "v1");
        Path otherJdk = Files.writeString(dir.resolve("runner-abc-jdkffff-v2-static.jsa"), "other jdk");
        Path otherJar = Files.writeString(dir.resolve("compiler-abc-jdk1234-static.jsa"), "compiler");
        Path notAnArchive = Files.writeString(dir.resolve("runner-abc-jdk1234.log"), "log");

        archive.dropStale();

        assertTrue(Files.exists(current), "the archive for this jar and JDK stays");
        assertFalse(Files.exists(olderFormat), "an archive in an older format is deleted");
        assertFalse(Files.exists(otherJdk), "an archive for another JDK is deleted");
        assertTrue(Files.exists(otherJar), "another jar's archive is not this runner's to delete");
        assertTrue(Files.exists(notAnArchive), "only .jsa files are deleted");
        assertTrue(Files.exists(jar));
    }
}
