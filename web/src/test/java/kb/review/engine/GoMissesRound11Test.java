package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Go classes the blind rounds kept missing, round after round, taken as families: a hunk inside a function whose
 * signature git printed only in part (cut at its 80 characters, or spread over several lines; a hunk that starts
 * inside a select or a switch), a ticker replaced inside the select that waits on it while a deferred Stop holds the
 * first one, a decode called as a bare statement whose error nobody reads (in a renamed file: a rename with edits is
 * reviewed like an edit), and a pooled buffer handed back through a project's own pair of helpers while its bytes
 * leave the function. Each defect is paired with
 * the look-alike the same rule must stay silent on. The fixtures are written for these tests. Findings are
 * "line:item".
 */
class GoMissesRound11Test {

    // --- class 1: a hunk whose function signature git cut ---

    @Test
    void a_signature_cut_inside_its_parameters_keeps_the_whole_ones_and_closes_the_list() {
        assertEquals("func (w *Watcher) follow(ctx context.Context, feed *Feed) {",
                SourceFile.goHeader("func (w *Watcher) follow(ctx context.Context, feed *Feed, notify chan<- Ev"));
        // the comma inside a parameter's own type is not a parameter's end
        assertEquals("func apply(ctx context.Context, fn func(a, b int) error) {",
                SourceFile.goHeader("func apply(ctx context.Context, fn func(a, b int) error, opts ...Opt"));
        // a signature spread over several lines: the name is known, the parameters are not
        assertEquals("func (q *Query) scanRows() {", SourceFile.goHeader("func (q *Query) scanRows("));
        // whole signatures as before; a cut receiver is no header
        assertEquals("func (s *S) Run(ctx context.Context) {", SourceFile.goHeader("func (s *S) Run(ctx context.Context) (int, e"));
        assertEquals("", SourceFile.goHeader("func (s *Ser"));
    }

    /** A poller whose signature is longer than git's hunk line: the context git printed is its first parameter. */
    private static final String SLEEP_IN_CUT_SIGNATURE = """
            diff --git a/sync/poller.go b/sync/poller.go
            --- a/sync/poller.go
            +++ b/sync/poller.go
            @@ -40,5 +40,6 @@ func (p *Poller) pollUpstream(ctx context.Context, source *Upstream, backoff ti
             			return
             		}
             		p.log.Printf("poll %s failed: %v", source.Name, err)
            +		time.Sleep(backoff)
             	}
             }
            """;

    /** The same edit in a function whose printed parameters hold no context: nothing can cut the pause short. */
    private static final String SLEEP_IN_CUT_SIGNATURE_WITHOUT_CONTEXT = """
            diff --git a/sync/poller.go b/sync/poller.go
            --- a/sync/poller.go
            +++ b/sync/poller.go
            @@ -40,5 +40,6 @@ func (p *Poller) pollUpstreamForever(source *Upstream, backoff time.Duration, lo
             			return
             		}
             		p.log.Printf("poll %s failed: %v", source.Name, err)
            +		time.Sleep(backoff)
             	}
             }
            """;

    @Test
    void a_sleep_added_in_a_function_whose_cut_signature_takes_a_context_is_reported() {
        assertEquals(List.of("43:CONC-05"), items(SLEEP_IN_CUT_SIGNATURE));
        assertEquals(List.of(), items(SLEEP_IN_CUT_SIGNATURE_WITHOUT_CONTEXT));
    }

    // --- class 2: a ticker replaced inside the select that waits on it ---

    /** An edit whose hunk starts inside the select: the deferred Stop above it is not shown, nor the loop. */
    private static final String TICKER_REPLACED_IN_CUT_SELECT = """
            diff --git a/metrics/flusher.go b/metrics/flusher.go
            --- a/metrics/flusher.go
            +++ b/metrics/flusher.go
            @@ -22,8 +22,11 @@ func (f *Flusher) run(ctx context.Context, every time.Duration) {
             		select {
             		case <-ctx.Done():
             			return
            +		case d := <-f.periodChanges:
            +			tick.Stop()
            +			tick = time.NewTicker(d)
             		case <-tick.C:
             			f.flush(ctx)
             		}
             	}
             }
            """;

    @Test
    void a_ticker_replaced_in_the_select_that_waits_on_it_is_reported_even_when_the_old_one_is_stopped() {
        assertEquals(List.of("27:RES-01"), items(TICKER_REPLACED_IN_CUT_SELECT));
    }

    @Test
    void a_replacement_stopped_by_a_deferred_closure_and_a_ticker_reset_in_place_are_clean() {
        String closure = newFile("metrics/flusher.go", """
                package metrics

                import (
                	"context"
                	"time"
                )

                func (f *Flusher) run(ctx context.Context, every time.Duration) {
                	tick := time.NewTicker(every)
                	defer func() { tick.Stop() }()
                	for {
                		select {
                		case <-ctx.Done():
                			return
                		case d := <-f.periodChanges:
                			tick.Stop()
                			tick = time.NewTicker(d)
                		case <-tick.C:
                			f.flush(ctx)
                		}
                	}
                }

                func (f *Flusher) runReset(ctx context.Context, every time.Duration) {
                	tick := time.NewTicker(every)
                	defer tick.Stop()
                	for {
                		select {
                		case <-ctx.Done():
                			return
                		case d := <-f.periodChanges:
                			tick.Reset(d)
                		case <-tick.C:
                			f.flush(ctx)
                		}
                	}
                }
                """);
        assertEquals(List.of(), items(closure));
    }

    /** A select whose exits stop the variable's current ticker themselves owns every replacement. */
    @Test
    void a_replacement_stopped_on_the_way_out_of_the_select_is_clean() {
        String diff = newFile("metrics/flusher.go", """
                package metrics

                import (
                	"context"
                	"time"
                )

                func (f *Flusher) run(ctx context.Context, every time.Duration) {
                	tick := time.NewTicker(every)
                	for {
                		select {
                		case <-ctx.Done():
                			tick.Stop()
                			return
                		case d := <-f.periodChanges:
                			tick.Stop()
                			tick = time.NewTicker(d)
                		case <-tick.C:
                			f.flush(ctx)
                		}
                	}
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 3: a decode whose error is never looked at, in a file the change renames ---

    /** A rename with edits is read like any edit: its added lines are new code, the moved ones are context. */
    private static final String DECODES_IN_RENAMED_FILE = """
            diff --git a/state/store.go b/state/file_store.go
            similarity index 62%
            rename from state/store.go
            rename to state/file_store.go
            index 1111111..2222222 100644
            --- a/state/store.go
            +++ b/state/file_store.go
            @@ -10,6 +10,22 @@ type Snapshot struct {
             	Peers []string
             }
             
            +func load(path string) (*Snapshot, error) {
            +	data, err := os.ReadFile(path)
            +	if err != nil {
            +		return nil, err
            +	}
            +	var s Snapshot
            +	json.Unmarshal(data, &s)
            +	return &s, nil
            +}
            +
            +func loadConfig(r io.Reader) Config {
            +	var c Config
            +	yaml.NewDecoder(r).Decode(&c)
            +	return c
            +}
            +
             func save(path string, s *Snapshot) error {
             	data, err := json.Marshal(s)
             	if err != nil {
            """;

    private static final String CHECKED_DECODES_IN_RENAMED_FILE = """
            diff --git a/state/store.go b/state/file_store.go
            similarity index 62%
            rename from state/store.go
            rename to state/file_store.go
            index 1111111..2222222 100644
            --- a/state/store.go
            +++ b/state/file_store.go
            @@ -10,6 +10,22 @@ type Snapshot struct {
             	Peers []string
             }
             
            +func load(path string) (*Snapshot, error) {
            +	data, err := os.ReadFile(path)
            +	if err != nil {
            +		return nil, err
            +	}
            +	var s Snapshot
            +	if err := json.Unmarshal(data, &s); err != nil {
            +		return nil, fmt.Errorf("decode %s: %w", path, err)
            +	}
            +	return &s, nil
            +}
            +
            +func hint(raw []byte) (h Hint) {
            +	json.Unmarshal(raw, &h) // optional: a malformed hint is the same as none
            +	return h
            +}
             func save(path string, s *Snapshot) error {
             	data, err := json.Marshal(s)
             	if err != nil {
            """;

    @Test
    void a_decode_called_as_a_bare_statement_in_a_renamed_file_is_reported() {
        assertEquals(List.of("19:ERR-01", "25:ERR-01"), items(DECODES_IN_RENAMED_FILE));
    }

    @Test
    void a_checked_decode_and_one_whose_comment_says_why_are_clean() {
        assertEquals(List.of(), items(CHECKED_DECODES_IN_RENAMED_FILE));
    }

    // --- class 4: a pooled buffer handed back by the project's own helper while its bytes are returned ---

    private static final String POOL_HELPERS = """
            package render

            import (
            	"bytes"
            	"encoding/json"
            	"sync"
            )

            var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func borrow() *bytes.Buffer { return scratch.Get().(*bytes.Buffer) }

            func giveBack(b *bytes.Buffer) {
            	b.Reset()
            	scratch.Put(b)
            }

            func releaseBuffer(b *bytes.Buffer) { giveBack(b) }

            """;

    @Test
    void bytes_of_a_buffer_returned_while_a_deferred_helper_puts_it_back_are_reported() {
        String diff = newFile("render/encode.go", POOL_HELPERS + """
                func Encode(v any) ([]byte, error) {
                	b := borrow()
                	defer releaseBuffer(b)
                	if err := json.NewEncoder(b).Encode(v); err != nil {
                		return nil, err
                	}
                	return b.Bytes(), nil
                }
                """);
        assertEquals(List.of("26:MEM-02"), items(diff));
    }

    @Test
    void a_copy_or_a_string_returned_under_the_same_deferred_helper_is_clean() {
        String diff = newFile("render/encode.go", POOL_HELPERS + """
                func Encode(v any) ([]byte, error) {
                	b := borrow()
                	defer releaseBuffer(b)
                	if err := json.NewEncoder(b).Encode(v); err != nil {
                		return nil, err
                	}
                	return bytes.Clone(b.Bytes()), nil
                }

                func Text(v any) (string, error) {
                	b := borrow()
                	defer releaseBuffer(b)
                	if err := json.NewEncoder(b).Encode(v); err != nil {
                		return "", err
                	}
                	return b.String(), nil
                }
                """);
        assertEquals(List.of(), items(diff));
    }
}
