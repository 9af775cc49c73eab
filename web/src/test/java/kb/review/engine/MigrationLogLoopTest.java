package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01's class of a line per object of a data migration. LOG-01 is about hot paths, where a line per element
 * "becomes the workload"; a migration walks stored data once per deployment, and its warning per skipped object is
 * its report, not a flood (the precision sets' class EX, false on every set it appeared in). The migration is known
 * by the name of its function, its class or its file. The look-alikes are the same loops in code that runs with the
 * traffic (an import per request, a sync per tick), which stay reported.
 */
class MigrationLogLoopTest {

    private static String java(String type, String method) {
        return """
                package a;

                import java.util.List;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                class %s {
                    private static final Logger log = LoggerFactory.getLogger(%s.class);

                    int %s(List<Tag> tags) {
                        int skipped = 0;
                        for (Tag tag : tags) {
                            if (tag.parent() == null) {
                                skipped++;
                                log.warn("tag {} has no parent, skipped", tag.name());
                                continue;
                            }
                            store(tag);
                        }
                        return skipped;
                    }
                }
                """.formatted(type, type, method);
    }

    private static List<String> javaLog01(String path, String type, String method) {
        return JavaMissedClassesTest.items(path, java(type, method)).stream()
                .filter(s -> s.endsWith(":LOG-01")).toList();
    }

    @Test
    void a_warning_per_skipped_object_of_a_migration_class_is_clean() {
        assertEquals(List.of(), javaLog01("src/main/java/a/TagHierarchyMigration.java", "TagHierarchyMigration", "run"));
    }

    @Test
    void a_warning_per_skipped_object_of_a_migrate_method_is_clean() {
        assertEquals(List.of(), javaLog01("src/main/java/a/TagStore.java", "TagStore", "migrateParents"));
    }

    @Test
    void the_same_loop_in_an_import_that_runs_per_request_is_found() {
        assertEquals(List.of("15:LOG-01"), javaLog01("src/main/java/a/TagImporter.java", "TagImporter", "importTags"));
    }

    private static String go(String path, String function) {
        return GoNewFileDiffs.newFile(path, """
                package tags

                import "log/slog"

                func %s(tags []Tag) {
                	for _, t := range tags {
                		slog.Info("moving tag", "tag", t.Name)
                		move(t)
                	}
                }
                """.formatted(function));
    }

    @Test
    void a_go_migration_by_its_folder_or_function_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(go("store/migrations/0042_tags.go", "up"), "LOG-01"));
        assertEquals(List.of(), GoRound8ClassesTest.item(go("store/tags.go", "migrateTags"), "LOG-01"));
    }

    @Test
    void the_same_go_loop_in_a_sync_is_found() {
        assertEquals(List.of("7:go-log-in-loop"), GoRound8ClassesTest.item(go("store/tags.go", "syncTags"), "LOG-01"));
    }
}
