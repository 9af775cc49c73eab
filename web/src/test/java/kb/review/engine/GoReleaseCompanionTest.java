package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go resources handed back with the function that releases them (the twelfth held-out precision set's class W, in
 * goose's provider): a helper returns {@code (f, closeFn, err)} where {@code closeFn} is a closure closing {@code f},
 * and the caller defers {@code closeFn()} right after the error check. Calling the companion is the close RES-01 asks
 * for on every path. A function result that releases something else (a cancel, an unlock alone) is not one, and a
 * caller that skips the companion on a path still leaks the value.
 */
class GoReleaseCompanionTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("RES-01") && f.suppression() == null)
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A journal helper that hands back the file with the closure that closes it (and releases the writer lock). */
    private static final String COMPANION_DEFERRED = """
            diff --git a/journal/journal.go b/journal/journal.go
            new file mode 100644
            --- /dev/null
            +++ b/journal/journal.go
            @@ -0,0 +1,38 @@
            +package journal
            +
            +import (
            +	"os"
            +	"sync"
            +)
            +
            +type Journal struct {
            +	mu   sync.Mutex
            +	path string
            +}
            +
            +func (j *Journal) open() (*os.File, func() error, error) {
            +	j.mu.Lock()
            +	f, err := os.OpenFile(j.path, os.O_APPEND|os.O_WRONLY, 0600)
            +	if err != nil {
            +		j.mu.Unlock()
            +		return nil, nil, err
            +	}
            +	release := func() error {
            +		j.mu.Unlock()
            +		return f.Close()
            +	}
            +	return f, release, nil
            +}
            +
            +func (j *Journal) Append(line string) (err error) {
            +	f, release, err := j.open()
            +	if err != nil {
            +		return err
            +	}
            +	defer release()
            +	if line == "" {
            +		return nil
            +	}
            +	_, err = f.WriteString(line + "\\n")
            +	return err
            +}
            """;

    /** The caller forgets the companion on the early return. */
    private static final String COMPANION_SKIPPED = COMPANION_DEFERRED.replace("""
            +	defer release()
            +	if line == "" {
            +		return nil
            +	}
            +	_, err = f.WriteString(line + "\\n")
            +	return err
            """, """
            +	if line == "" {
            +		return nil
            +	}
            +	_, err = f.WriteString(line + "\\n")
            +	release()
            +	return err
            """);

    /** The function handed back is a deadline's cancel, which closes nothing: deferring it leaves the file open. */
    private static final String CANCEL_IS_NO_COMPANION = COMPANION_DEFERRED
            .replace("@@ -0,0 +1,38 @@", "@@ -0,0 +1,37 @@")
            .replace("func (j *Journal) open() (*os.File, func() error, error) {",
                    "func (j *Journal) open() (*os.File, func(), error) {")
            .replace("""
            +	release := func() error {
            +		j.mu.Unlock()
            +		return f.Close()
            +	}
            """, """
            +	release := func() {
            +		j.mu.Unlock()
            +	}
            """);

    @Test
    void a_release_function_handed_back_with_the_value_is_its_close() {
        assertEquals(List.of(), found(COMPANION_DEFERRED));
        assertEquals(List.of("28:go-resource-not-closed"), found(COMPANION_SKIPPED));
        assertEquals(List.of("27:go-resource-not-closed"), found(CANCEL_IS_NO_COMPANION));
    }
}
