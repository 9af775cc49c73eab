package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More classes of brittleness the metamorphic harness ({@code metamorphic/README.md}) measured: a rule that read a
 * conventional name where the position of a result or a declared type says the same, and a rule that needed two
 * statements to be adjacent. Each pair is our own code of the class: the defect rewritten, and its clean look-alike.
 */
class MetamorphicClasses2Test {

    // --- Go: a deferred close before the error check, whatever the error is called and whatever lies between

    private static final String ARCHIVE = """
            import (
            	"archive/zip"
            	"log"
            )

            func CountEntries(path string) (int, error) {
            	archive, openFailure := zip.OpenReader(path)
            	// the reader keeps the file open until it is closed
            	log.Printf("counting %s", path)
            	DEFER
            	return len(archive.File), nil
            }
            """;

    @Test
    void a_defer_before_the_check_is_found_through_a_renamed_error_and_statements_between() {
        String early = file("pack/count.go", ARCHIVE.replace("DEFER", "defer archive.Close()\n"
                + "\tif openFailure != nil {\n\t\treturn 0, openFailure\n\t}"));
        assertEquals(List.of("12:go-defer-close-before-err-check"), item(early, "RES-01"));
        String checked = file("pack/count.go", ARCHIVE.replace("DEFER", "if openFailure != nil {\n"
                + "\t\treturn 0, openFailure\n\t}\n\t// closed on every return below\n\tdefer archive.Close()"));
        assertEquals(List.of(), item(checked, "RES-01"), "the error is checked before the defer");
    }

    @Test
    void a_comma_ok_or_discarded_second_result_is_no_error_to_check() {
        String pooled = file("pack/pool.go", """
                func Borrow(p *Pool) {
                	conn, ok := p.Take()
                	log.Printf("took one")
                	defer conn.Close()
                	if !ok {
                		return
                	}
                	conn.Ping()
                }
                """);
        assertEquals(List.of(), item(pooled, "RES-01"));
    }

    // --- Go: a started command is known by its declared type, not by a receiver named cmd

    private static final String SPAWN = """
            import "os/exec"

            func Render(dir string) error {
            	renderer := exec.Command("make", "-C", dir)
            	if err := renderer.Start(); err != nil {
            		return err
            	}
            	WAIT
            	return nil
            }
            """;

    @Test
    void a_started_command_is_tracked_by_its_type_whatever_its_name() {
        String orphan = file("build/render.go", SPAWN.replace("WAIT", "log.Printf(\"started\")"));
        assertEquals(List.of("7:go-resource-not-closed"), item(orphan, "RES-01"));
        String reaped = file("build/render.go", SPAWN.replace("WAIT", "return renderer.Wait()"));
        assertEquals(List.of(), item(reaped, "RES-01"));
    }
}
