package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Go hunks with git's three lines of context: the blocks a hunk leaves open are closed in the gap after it, and a
 * hunk that starts inside a function gets the function's first line that git printed after its {@code @@}, so a
 * loop cut by the hunk is still a loop and the function's {@code ctx} parameter is known.
 */
class CutGoHunksTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A hunk that ends the function git names in its header (its brace at column 0) and then declares the next one. */
    private static final String ENDS_NAMED_FUNCTION = """
            diff --git a/c/holder.go b/c/holder.go
            --- a/c/holder.go
            +++ b/c/holder.go
            @@ -10,8 +10,14 @@ func (c *Holder) Reload(ctx context.Context) (*State, error) {
             	return s, nil
             }
             
             func (c *Holder) LazyReload() {
             	go func() {
            -		c.Reload(context.Background())
            +		for {
            +			c.Reload(context.Background())
            +			time.Sleep(200 * time.Millisecond)
            +			if c.done() {
            +				return
            +			}
            +		}
             	}()
             }
            """;

    /** The same loop inside the function the header names, whose end the hunk shows. */
    private static final String INSIDE_NAMED_FUNCTION = """
            diff --git a/c/holder.go b/c/holder.go
            --- a/c/holder.go
            +++ b/c/holder.go
            @@ -10,6 +10,12 @@ func (c *Holder) Reload(ctx context.Context) (*State, error) {
             	s, err := c.load(ctx)
             	if err != nil {
             		return nil, err
            +	}
            +	for {
            +		time.Sleep(time.Second)
            +		if c.ready() {
            +			break
            +		}
             	}
             	return s, nil
             }
            """;

    @Test
    void a_function_declared_after_the_end_of_the_one_the_hunk_header_names_is_not_nested_in_it() {
        // LazyReload takes no context: the header's ctx is not its own
        assertEquals(List.of(), found(ENDS_NAMED_FUNCTION, "CONC-05"));
        assertEquals(List.of("15:go-sleep-ignores-context"), found(INSIDE_NAMED_FUNCTION, "CONC-05"));
    }

    private static final String DEFER_IN_CUT_LOOP = """
            diff --git a/check/tables.go b/check/tables.go
            --- a/check/tables.go
            +++ b/check/tables.go
            @@ -30,10 +30,12 @@ func New(ctx context.Context, url string) (*Checker, error) {
             
             func (c *Checker) Check(ctx context.Context, tables []string) error {
             	for _, table := range tables {
            -		cols, err := c.columns(ctx, table)
            +		rows, err := c.db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0")
             		if err != nil {
             			return err
             		}
            +		defer rows.Close()
            +		cols, _ := rows.Columns()
             		if len(cols) == 0 {
             			return fmt.Errorf("%s has no columns", table)
             		}
            """;

    /** The look-alike: the rows are closed in the iteration, before the next query. */
    private static final String CLOSE_IN_CUT_LOOP = DEFER_IN_CUT_LOOP.replace("+		defer rows.Close()\n",
            "+		rows.Close()\n");

    /** The function header is above the hunk; git printed it after the @@, ctx included. */
    private static final String DROPS_CTX_UNDER_HEADER = """
            diff --git a/sync/watch.go b/sync/watch.go
            --- a/sync/watch.go
            +++ b/sync/watch.go
            @@ -120,7 +120,7 @@ func (w *Watcher) Run(ctx context.Context, out chan<- []Event) {
             		}
             		var nodes Informer
             		if w.withNodes {
            -			nodes = w.nodeInformer(ctx)
            +			nodes = w.nodeInformer(context.Background())
             			go nodes.Run(ctx.Done())
             		}
             		var pods Informer
            """;

    /**
     * The same call in a function that is given no context: there is nothing to propagate (the old line had no
     * caller's context to pass either, only another root context).
     */
    private static final String BACKGROUND_WITHOUT_CTX = DROPS_CTX_UNDER_HEADER
            .replace("func (w *Watcher) Run(ctx context.Context, out chan<- []Event) {",
                    "func (w *Watcher) Run(stop <-chan struct{}, out chan<- []Event) {")
            .replace("-\t\t\tnodes = w.nodeInformer(ctx)\n", "-\t\t\tnodes = w.nodeInformer(context.TODO())\n")
            .replace("go nodes.Run(ctx.Done())", "go nodes.Run(stop)");

    @Test
    void a_defer_in_a_loop_the_hunk_cuts_off_is_still_in_a_loop() {
        assertEquals(List.of("37:go-defer-in-loop"), found(DEFER_IN_CUT_LOOP, "RES-03"));
        assertEquals(List.of(), found(CLOSE_IN_CUT_LOOP, "RES-03"));
    }

    @Test
    void a_context_dropped_under_a_header_git_printed_is_found_and_not_without_a_context() {
        assertEquals(List.of("123:go-context-not-propagated"), found(DROPS_CTX_UNDER_HEADER, "TMO-02"));
        assertEquals(List.of(), found(BACKGROUND_WITHOUT_CTX, "TMO-02"));
    }

    @Test
    void the_filled_gaps_are_for_the_parser_only() throws DiffFormatException {
        SourceFile file = SourceFile.fromDiff(DiffParser.parse(DROPS_CTX_UNDER_HEADER.getBytes(
                StandardCharsets.UTF_8)).get(0));
        String[] text = file.text().split("\n", -1);
        assertEquals("func (w *Watcher) Run(ctx context.Context, out chan<- []Event) {{", text[118],
                "the header, and a block for the brace the hunk closes first");
        assertEquals("", file.line(119));
        assertTrue(text[126].matches("}+"), text[126]);
        assertEquals("", file.line(127));
    }

    @Test
    void a_header_git_cut_at_its_width_keeps_its_name_and_parameters() {
        assertEquals("func New(ctx context.Context, url string) {",
                SourceFile.goHeader("func New(ctx context.Context, url string) (*Checker, er"));
        assertEquals("func (c *Checker) Check(ctx context.Context, t []string) {",
                SourceFile.goHeader("func (c *Checker) Check(ctx context.Context, t []string) (map[string]"));
        assertEquals("func Map[T any](xs []T, f func(T) T) {",
                SourceFile.goHeader("func Map[T any](xs []T, f func(T) T) []"));
        // cut inside its only parameter: still the function's body, with no parameter known
        assertEquals("func (c *Checker) Check() {", SourceFile.goHeader("func (c *Checker) Check(ctx context.Con"));
        assertEquals("", SourceFile.goHeader("type Checker struct {"));
    }
}
