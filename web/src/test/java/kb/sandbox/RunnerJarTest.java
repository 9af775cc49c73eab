package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerJarTest {

    @TempDir
    Path dir;

    @Test
    void the_jars_and_archives_of_earlier_app_versions_are_deleted_and_this_versions_files_kept() throws Exception {
        Path runner = RunnerJar.prepare(dir);
        Path compiler = RunnerJar.prepareCompiler(dir);
        Path archive = Files.writeString(new SharedArchive(runner, Path.of(System.getProperty("java.home"))).path(), "cds");
        Path oldRunner = Files.writeString(dir.resolve("runner-0123456789abcdef.jar"), "old");
        Path oldArchive = Files.writeString(dir.resolve("runner-0123456789abcdef-jdk1a2b-v2-static.jsa"), "old cds");
        Path oldArchiveTemp = Files.writeString(dir.resolve("runner-0123456789abcdef-jdk1a2b-v2-static.jsa.tmp"), "x");
        Path oldCompiler = Files.writeString(dir.resolve("compiler-fedcba9876543210.jar"), "old");
        Path crashedWrite = Files.writeString(dir.resolve("runner8812734.tmp"), "half");
        Path notOurs = Files.writeString(dir.resolve("runner-notes.txt"), "kept");
        Path work = Files.createDirectories(dir.resolve("work"));

        List<String> deleted = RunnerJar.dropOtherVersions(dir, compiler, runner);

        assertEquals(5, deleted.size(), deleted::toString);
        for (Path gone : List.of(oldRunner, oldArchive, oldArchiveTemp, oldCompiler, crashedWrite)) {
            assertFalse(Files.exists(gone), gone + " belongs to an earlier version");
        }
        for (Path kept : List.of(runner, compiler, archive, notOurs, work)) {
            assertTrue(Files.exists(kept), kept + " is this version's or not the sandbox's to delete");
        }
        assertEquals(runner, RunnerJar.prepare(dir), "the current jar is reused, not rewritten");
    }
}
