package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Path classes taken from round 9's misses (heldout9/RESULTS.md), each as the family it stands for, with our own
 * fixtures: the defect next to the look-alike that differs only where the defect is. File lines count from the
 * {@code package svc} line that {@link GoRound8ClassesTest#file} puts first.
 */
class PathsRound10Test {

    private static List<String> findings(String path, String body, String item) {
        return GoRound8ClassesTest.item(GoRound8ClassesTest.file(path, body), item);
    }

    // --- ERR-01: an error wrapped into its variable, then a return that reports success

    private static final String DECODE = """
            import (
            	"encoding/json"
            	"fmt"
            )

            func decode(body []byte, dst any) error {
            	if err := json.Unmarshal(body, dst); err != nil {
            		err = fmt.Errorf("decode response: %%w", err)
            %s
            	}
            	return nil
            }
            """;

    @Test
    void a_wrapped_error_followed_by_return_nil_is_dropped() {
        assertEquals(List.of("10:go-wrapped-error-dropped"),
                findings("api/decode.go", DECODE.formatted("\t\treturn nil"), "ERR-01"));
    }

    @Test
    void returning_the_wrapped_error_is_clean() {
        assertEquals(List.of(), findings("api/decode.go", DECODE.formatted("\t\treturn err"), "ERR-01"));
    }

    @Test
    void a_wrapped_error_read_by_a_log_line_before_the_return_is_not_this_rule() {
        String body = DECODE.replace("import (", "import (\n\t\"log\"").formatted("\t\tlog.Print(err)\n\t\treturn nil");
        assertEquals(List.of(), findings("api/decode.go", body, "ERR-01"));
    }

    private static final String LOAD = """
            import "github.com/pkg/errors"

            func load(path string) (*Config, error) {
            	raw, err := readAll(path)
            	if err != nil {
            		err = errors.Wrapf(err, "read %%s", path)
            		return %s
            	}
            	return parse(raw)
            }
            """;

    @Test
    void a_wrapf_followed_by_a_return_of_nil_results_is_dropped() {
        assertEquals(List.of("8:go-wrapped-error-dropped"),
                findings("config/load.go", LOAD.formatted("nil, nil"), "ERR-01"));
    }

    @Test
    void a_return_that_carries_the_wrapped_error_is_clean() {
        assertEquals(List.of(), findings("config/load.go", LOAD.formatted("nil, err"), "ERR-01"));
    }

    @Test
    void errors_gathered_by_a_walk_callback_that_returns_nil_to_go_on_are_not_this_rule() {
        String body = """
                import (
                	"errors"
                	"io/fs"
                	"path/filepath"
                )

                func scan(root string) error {
                	var err error
                	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, werr error) error {
                		if werr != nil {
                			err = errors.Join(err, werr)
                			return nil
                		}
                		return nil
                	})
                	return errors.Join(err, walkErr)
                }
                """;
        assertEquals(List.of(), findings("scan/walk.go", body, "ERR-01"));
    }

    @Test
    void a_package_variable_keeping_the_last_error_is_not_this_rule() {
        String body = """
                import "fmt"

                var lastErr error

                func record(err error) error {
                	if err != nil {
                		lastErr = fmt.Errorf("last sync: %w", err)
                		return nil
                	}
                	return nil
                }
                """;
        assertEquals(List.of(), findings("sync/state.go", body, "ERR-01"));
    }

    // --- MEM-02: a pooled value read after it went back to a pool the file declares, taken in another function

    private static final String EXIT = """
            import "sync"

            var resultPool = sync.Pool{New: func() any { return new(Result) }}

            func newResult() *Result {
            	return resultPool.Get().(*Result)
            }

            func (e *Entry) Exit() {
            	res := e.result
            	e.result = nil
            %s
            }
            """;

    @Test
    void a_pooled_value_read_after_its_put_is_reported_at_the_put() {
        String body = EXIT.formatted("\tresultPool.Put(res)\n\tif res.Blocked() {\n\t\te.stats.Blocked++\n\t}");
        assertEquals(List.of("14:go-pooled-value-used-after-put"), findings("core/entry.go", body, "MEM-02"));
    }

    @Test
    void a_put_after_the_last_read_is_clean() {
        String body = EXIT.formatted("\tif res.Blocked() {\n\t\te.stats.Blocked++\n\t}\n\tresultPool.Put(res)");
        assertEquals(List.of(), findings("core/entry.go", body, "MEM-02"));
    }

    @Test
    void a_put_into_something_that_is_not_a_pool_the_file_declares_is_not_this_rule() {
        String body = """
                func (e *Entry) Exit() {
                	res := e.result
                	e.cache.Put(res)
                	if res.Blocked() {
                		e.stats.Blocked++
                	}
                }
                """;
        assertEquals(List.of(), findings("core/entry.go", body, "MEM-02"));
    }

    // --- confidence: a name match no longer lowers a finding; a helper the review could not see still does

    private static final String ADVISORY = """
            import (
            	"fmt"
            	"io"
            	"net/http"
            )

            func (f *Fetcher) Advisory(req *http.Request) ([]byte, error) {
            	resp, err := f.client.Do(req)
            	if err != nil {
            		return nil, err
            	}
            %s
            }
            """;

    private static List<Finding> res02(String body) {
        return TestRules.reviewDiff(GoRound8ClassesTest.file("fetch/fetcher.go", body)).active().stream()
                .filter(f -> f.item().equals("RES-02")).toList();
    }

    @Test
    void a_response_of_a_client_whose_type_the_diff_does_not_show_is_a_high_finding_that_says_it_matched_a_name() {
        List<Finding> found = res02(ADVISORY.formatted("""
                	if resp.StatusCode != http.StatusOK {
                		return nil, fmt.Errorf("status %s", resp.Status)
                	}
                	defer resp.Body.Close()
                	return io.ReadAll(resp.Body)"""));
        assertEquals(List.of(10), found.stream().map(Finding::line).toList(), found.toString());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
        assertEquals(Hit.BY_NAME, found.get(0).note());
    }

    @Test
    void the_same_response_closed_before_the_status_check_is_clean() {
        assertEquals(List.of(), res02(ADVISORY.formatted("""
                	defer resp.Body.Close()
                	if resp.StatusCode != http.StatusOK {
                		return nil, fmt.Errorf("status %s", resp.Status)
                	}
                	return io.ReadAll(resp.Body)""")));
    }

    @Test
    void a_response_handed_to_a_helper_the_review_cannot_see_stays_low_and_undecided() {
        List<Finding> found = res02(ADVISORY.replace("\t\"fmt\"\n", "").formatted("\treturn decodeAll(resp)"));
        assertEquals(List.of("9:LOW:true"), found.stream().map(f -> f.line() + ":" + f.confidence() + ":" + f.undecided())
                .toList(), found.toString());
    }
}
