package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes found by reversing real fixes (web/src/test/bench/realfixes): pure deletions of a release whose
 * acquisition the hunks do not show. Each fixture is our own code of the class, next to the look-alike of the other
 * verdict.
 */
class GoRound6ClassesTest {

    private static List<String> items(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().map(f -> f.line() + ":" + f.item()).toList();
    }

    private static List<Finding> found(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item)).toList();
    }

    // --- a release that is not a statement of its own: its error kept, or joined into the function's error

    private static final String JOINED_CLOSE = """
            diff --git a/store/snapshot.go b/store/snapshot.go
            --- a/store/snapshot.go
            +++ b/store/snapshot.go
            @@ -40,6 +40,6 @@ func writeSnapshot(dir string, s *Snapshot) error {
             \tbuf, err := s.Encode()
             \tif err != nil {
            -\t\treturn errors.Join(err, out.Close())
            +\t\t%s
             \t}
             \tif _, err := out.Write(buf); err != nil {
             \t\treturn err
            """;

    @Test
    void a_close_joined_into_the_returned_error_and_then_dropped_is_a_removed_release() {
        List<Finding> res = found(JOINED_CLOSE.formatted("return err"), "RES-01");
        assertEquals(1, res.size(), res.toString());
        assertEquals(RemovedReleases.RULE, res.get(0).rule());
        assertTrue(res.get(0).message().contains("`out`"), res.get(0).message());
        // the same close joined by another library is the close rewritten, not dropped
        assertEquals(List.of(), found(JOINED_CLOSE.formatted("return multierr.Append(err, out.Close())"), "RES-01"));
    }

    private static final String CLOSING_CLOSURE = """
            diff --git a/jobs/report.go b/jobs/report.go
            --- a/jobs/report.go
            +++ b/jobs/report.go
            @@ -30,12 +30,%d @@ func Report(cfg Config) error {
             \t\treturn err
             \t}
             \n%s\
             \trows, err := pool.Query(cfg.Query)
             \tif err != nil {
             \t\treturn err
            """;

    private static final String CLOSURE_DELETED = """
            -\tdefer func() {
            -\t\tif err := pool.Close(); err != nil {
            -\t\t\tlog.Printf("closing the pool: %v", err)
            -\t\t}
            -\t}()
            -
            """;

    private static final String CLOSURE_SHORTENED = CLOSURE_DELETED + "+\tdefer pool.Close()\n+\n";

    @Test
    void a_deferred_closure_that_closed_the_value_and_checked_the_error_is_a_release_when_deleted() {
        // reported on the hunk's first line: it stands in the error check of the acquisition, which the hunk cuts
        assertEquals(List.of("30:RES-01"), items(CLOSING_CLOSURE.formatted(6, CLOSURE_DELETED)));
    }

    @Test
    void a_deferred_closure_rewritten_as_a_plain_defer_still_closes() {
        assertEquals(List.of(), items(CLOSING_CLOSURE.formatted(8, CLOSURE_SHORTENED)));
    }

    private static final String COMMENT_DELETED = """
            diff --git a/jobs/report.go b/jobs/report.go
            --- a/jobs/report.go
            +++ b/jobs/report.go
            @@ -30,6 +30,5 @@ func Report(cfg Config) error {
             \t\treturn err
             \t}
            -\t// the caller runs pool.Close() when the job ends
             \trows, err := pool.Query(cfg.Query)
             \tif err != nil {
             \t\treturn err
            """;

    @Test
    void a_deleted_comment_that_names_a_close_is_no_release() {
        assertEquals(List.of(), items(COMMENT_DELETED));
    }

    // --- the deleted defer right below an acquisition's error check: the acquisition is the statement above the check

    private static final String DEFER_BELOW_CHECK = """
            diff --git a/cache/load.go b/cache/load.go
            --- a/cache/load.go
            +++ b/cache/load.go
            @@ -51,7 +51,6 @@ func load(path string) (map[string]string, error) {
             \tif err != nil {
             \t\treturn nil, fmt.Errorf("open cache: %w", err)
             \t}
            -\tdefer fh.Close()
             \tentries := map[string]string{}
             \tsc := bufio.NewScanner(fh)
             \tfor sc.Scan() {
            """;

    /** The hunk starts inside the check's block: the `if` is above it too. */
    private static final String DEFER_BELOW_CHECK_CUT = """
            diff --git a/cache/load.go b/cache/load.go
            --- a/cache/load.go
            +++ b/cache/load.go
            @@ -52,6 +52,5 @@ func load(path string) (map[string]string, error) {
             \t\tlog.Printf("cache %s unreadable: %v", path, err)
             \t\treturn nil, err
             \t}
            -\tdefer fh.Close()
             \tentries := map[string]string{}
             \tsc := bufio.NewScanner(fh)
            """;

    /** Another statement stands between the check and the deleted defer: the idiom says nothing of where. */
    private static final String DEFER_AFTER_WORK = """
            diff --git a/cache/load.go b/cache/load.go
            --- a/cache/load.go
            +++ b/cache/load.go
            @@ -51,7 +51,6 @@ func load(path string) (map[string]string, error) {
             \t\treturn nil, err
             \t}
             \tmetrics.Opened.Inc()
            -\tdefer fh.Close()
             \tentries := map[string]string{}
             \tsc := bufio.NewScanner(fh)
             \tfor sc.Scan() {
            """;

    @Test
    void a_defer_deleted_right_below_the_error_check_is_reported_at_the_check_that_follows_the_acquisition() {
        List<Finding> res = found(DEFER_BELOW_CHECK, "RES-01");
        assertEquals(List.of(51), res.stream().map(Finding::line).toList());
        assertTrue(res.get(0).message().contains("acquired just above this error check"), res.get(0).message());
        assertEquals(List.of(52), found(DEFER_BELOW_CHECK_CUT, "RES-01").stream().map(Finding::line).toList());
    }

    /** The block above the deleted defer does not leave: it is not the acquisition's error check. */
    private static final String DEFER_AFTER_OPTION = """
            diff --git a/cache/load.go b/cache/load.go
            --- a/cache/load.go
            +++ b/cache/load.go
            @@ -52,6 +52,5 @@ func load(path string, opts Options) (map[string]string, error) {
             \t\tr = bufio.NewReaderSize(fh, opts.BufferSize)
             \t\tlog.Printf("cache %s: buffered reads", path)
             \t}
            -\tdefer fh.Close()
             \tentries := map[string]string{}
             \tsc := bufio.NewScanner(r)
            """;

    @Test
    void a_defer_deleted_after_other_work_is_reported_at_the_top_of_its_hunk() {
        // the acquisition is above the hunk: the finding stands on the nearest line the diff shows to it (session 41)
        assertEquals(List.of(52), found(DEFER_AFTER_OPTION, "RES-01").stream().map(Finding::line).toList());
        List<Finding> res = found(DEFER_AFTER_WORK, "RES-01");
        assertEquals(List.of(51), res.stream().map(Finding::line).toList());
        assertTrue(res.get(0).message().contains("acquired above this hunk"), res.get(0).message());
    }

    // --- a release put back in another file closes another value of the same name

    private static final String TWO_FILES = """
            diff --git a/db/users.go b/db/users.go
            --- a/db/users.go
            +++ b/db/users.go
            @@ -20,7 +20,6 @@ func (s *Store) Users(ctx context.Context) ([]User, error) {
             \tif err != nil {
             \t\treturn nil, err
             \t}
            -\tdefer rows.Close()
             \tvar out []User
             \tfor rows.Next() {
             \t\tvar u User
            diff --git a/db/%s.go b/db/%s.go
            --- a/db/%s.go
            +++ b/db/%s.go
            @@ -44,6 +44,7 @@ func (s *Store) Groups(ctx context.Context) ([]Group, error) {
             \tif err != nil {
             \t\treturn nil, err
             \t}
            +\tdefer rows.Close()
             \tvar out []Group
             \tfor rows.Next() {
             \t\tvar g Group
            """;

    @Test
    void a_defer_added_in_another_files_function_does_not_put_a_deleted_one_back() {
        assertEquals(List.of("20:RES-01"), items(TWO_FILES.formatted("groups", "groups", "groups", "groups")));
    }

    @Test
    void a_defer_moved_within_the_same_file_is_put_back() {
        String second = TWO_FILES.substring(TWO_FILES.indexOf("@@ -44,6 +44,7 @@")).replace("@@ -44,6 +44,7 @@",
                "@@ -44,6 +43,7 @@");
        String sameFile = TWO_FILES.substring(0, TWO_FILES.indexOf("diff --git a/db/%s.go")) + second;
        assertEquals(List.of(), items(sameFile));
    }

    // --- rollbacks written as Go code writes them: with a context (pgx), or with the error dropped

    private static final String ROLLBACK = """
            diff --git a/ledger/post.go b/ledger/post.go
            --- a/ledger/post.go
            +++ b/ledger/post.go
            @@ -12,7 +12,%d @@ func Post(ctx context.Context, pool *pgxpool.Pool, e Entry) error {
             \tif err != nil {
             \t\treturn err
             \t}
            -\t%s
            %s\
             \tif _, err := tx.Exec(ctx, insertEntry, e.Account, e.Amount); err != nil {
             \t\treturn err
             \t}
            """;

    @Test
    void a_deleted_rollback_that_takes_a_context_or_drops_its_error_is_a_removed_release() {
        assertEquals(List.of("12:TX-01"), items(ROLLBACK.formatted(6, "defer tx.Rollback(ctx)", "")));
        assertEquals(List.of("12:TX-01"), items(ROLLBACK.formatted(6, "defer func() { _ = tx.Rollback(ctx) }()", "")));
    }

    @Test
    void a_rollback_rewritten_in_place_is_not_removed() {
        assertEquals(List.of(), items(ROLLBACK.formatted(7, "defer tx.Rollback(ctx)",
                "+\tdefer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()\n")));
    }

    // --- a close deleted right before the code replaces what the variable holds

    private static final String REPLACES_HELD = """
            diff --git a/logs/rotate.go b/logs/rotate.go
            --- a/logs/rotate.go
            +++ b/logs/rotate.go
            @@ -60,8 +60,%d @@ func (w *Writer) rotate() error {
             \tif err != nil {
             \t\treturn err
             \t}
            -\tw.out.Close()
            %s\
             \tw.size = 0
             \tw.out = next
             \treturn nil
             }
            """;

    @Test
    void a_close_deleted_before_the_value_is_replaced_is_reported_where_it_is_replaced() {
        List<Finding> res = found(REPLACES_HELD.formatted(7, ""), "RES-01");
        assertEquals(List.of(64), res.stream().map(Finding::line).toList());
        assertTrue(res.get(0).message().contains("line 64 then overwrites `w.out`"), res.get(0).message());
    }

    @Test
    void a_close_rewritten_before_the_value_is_replaced_still_closes_it() {
        assertEquals(List.of(), found(REPLACES_HELD.formatted(10, "+\tif err := w.out.Close(); err != nil {\n"
                + "+\t\tlog.Printf(\"closing %s: %v\", w.name, err)\n+\t}\n"), "RES-01"));
    }

    // --- a field's close replaced by the way that kind of value ends

    private static final String FIELD_CLOSE = """
            diff --git a/relay/relay.go b/relay/relay.go
            --- a/relay/relay.go
            +++ b/relay/relay.go
            @@ -30,6 +30,%d @@ func (r *Relay) Stop() {
             \tr.mu.Lock()
             \tdefer r.mu.Unlock()
            -\tr.listener.Close()
            %s\
             \tr.wg.Wait()
             }
             
            """;

    @Test
    void a_fields_close_deleted_with_nothing_in_its_place_is_a_removed_release() {
        assertEquals(List.of("32:RES-01"), items(FIELD_CLOSE.formatted(5, "")));
    }

    @Test
    void a_fields_close_replaced_by_a_shutdown_or_stop_still_ends_it() {
        assertEquals(List.of(), items(FIELD_CLOSE.formatted(6, "+\tr.listener.Shutdown(context.Background())\n")));
        assertEquals(List.of(), items(FIELD_CLOSE.formatted(6, "+\tr.listener.GracefulStop()\n")));
    }
}
