package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits whose context git cuts to three lines, as real pull requests are (the metamorphic harness's edit transforms,
 * README "edits16"). Two classes, each with a defect and a clean look-alike:
 * <ul>
 * <li><b>A release moved past an exit stands where the value is acquired.</b> RES-01, RES-02: a leak is reported at
 * the acquisition. When a change moves {@code defer f.Close()} below a return, the hunk usually starts at the error
 * check the defer followed, and that check is the nearest line of the acquisition the diff shows: the finding stands
 * there (the steps still name where the release stood and where it went), not on whatever line follows the
 * deletion. A release moved down with no exit between leaks nothing and gives no finding.</li>
 * <li><b>A {@code continue} in view proves the loop around a {@code defer}, even when the turn goes on below the
 * hunk.</b> RES-03 asks that a resource opened per turn be closed per turn; a {@code defer} in a loop body waits
 * for the function. A {@code continue} above or below the defer, in its block, with no loop header or function
 * literal of its own in view, says a loop the diff hides encloses the defer. What the review cannot see is whether
 * the rest of the turn always returns (the defer would then run once), so the finding is low confidence. A turn that
 * visibly returns, and a {@code continue} that belongs to a loop shown below the defer, give none: a loop the review
 * cannot see is not a loop unless something shown says so.</li>
 * </ul>
 */
class CutContextEditsTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.confidence()).toList();
    }

    /** The defer after the open's error check moves below the header check, which returns (line 17). */
    private static final String DEFER_MOVED_PAST_RETURN = """
            diff --git a/manifest/load.go b/manifest/load.go
            --- a/manifest/load.go
            +++ b/manifest/load.go
            @@ -13,11 +13,11 @@ func Load(path string) (*Manifest, error) {
             	if err != nil {
             		return nil, err
             	}
            -	defer f.Close()
             	hdr := make([]byte, 4)
             	if _, err := io.ReadFull(f, hdr); err != nil {
             		return nil, err
             	}
            +	defer f.Close()
             	m := &Manifest{}
             	return m, json.NewDecoder(f).Decode(m)
             }
            """;

    /** The same defer moved one statement down, with nothing that leaves between: still released on every path. */
    private static final String DEFER_MOVED_WITHOUT_EXIT = """
            diff --git a/manifest/load.go b/manifest/load.go
            --- a/manifest/load.go
            +++ b/manifest/load.go
            @@ -13,8 +13,8 @@ func Load(path string) (*Manifest, error) {
             	if err != nil {
             		return nil, err
             	}
            -	defer f.Close()
             	hdr := make([]byte, 4)
            +	defer f.Close()
             	if _, err := io.ReadFull(f, hdr); err != nil {
             		return nil, err
             	}
            """;

    @Test
    void a_release_moved_past_a_return_is_reported_at_the_error_check_of_its_acquisition() {
        assertEquals(List.of("13:LOW"), found(DEFER_MOVED_PAST_RETURN, "RES-01"));
        assertEquals(List.of(), found(DEFER_MOVED_WITHOUT_EXIT, "RES-01"));
    }

    /** A file skipped by continue, then deferred; the turn goes on past the hunk's end. */
    private static final String DEFER_AFTER_CONTINUE = """
            diff --git a/dict/load.go b/dict/load.go
            --- a/dict/load.go
            +++ b/dict/load.go
            @@ -18,6 +18,7 @@ func LoadWords(dir string) (map[string]struct{}, error) {
             		if err != nil {
             			continue
             		}
            +		defer f.Close()
             		sc := bufio.NewScanner(f)
             		for sc.Scan() {
             			words[strings.TrimSpace(sc.Text())] = struct{}{}
            """;

    /** The first candidate that opens is parsed and returned: the defer runs once, when the function returns. */
    private static final String DEFER_AFTER_CONTINUE_THEN_RETURN = """
            diff --git a/dict/load.go b/dict/load.go
            --- a/dict/load.go
            +++ b/dict/load.go
            @@ -18,6 +18,7 @@ func FirstWords(paths []string) (map[string]struct{}, error) {
             		if err != nil {
             			continue
             		}
            +		defer f.Close()
             		return parse(f)
             	}
             	return nil, errNone
            """;

    /** The continue stands below the defer, in the same turn: the hidden loop comes round there. */
    private static final String DEFER_BEFORE_CONTINUE = """
            diff --git a/sync/pull.go b/sync/pull.go
            --- a/sync/pull.go
            +++ b/sync/pull.go
            @@ -30,6 +30,7 @@ func (p *Puller) PullAll(ctx context.Context, names []string) error {
             		if err != nil {
             			return err
             		}
            +		defer body.Close()
             		if p.seen(name) {
             			continue
             		}
            """;

    /** That continue belongs to a loop the diff shows below the defer: nothing says the defer is in a loop. */
    private static final String DEFER_BEFORE_INNER_LOOP_CONTINUE = """
            diff --git a/sync/pull.go b/sync/pull.go
            --- a/sync/pull.go
            +++ b/sync/pull.go
            @@ -30,6 +30,7 @@ func (p *Puller) PullAll(ctx context.Context, names []string) error {
             		if err != nil {
             			return err
             		}
            +		defer body.Close()
             		for _, part := range parts {
             			if p.seen(part) {
             				continue
            """;

    @Test
    void a_continue_in_view_proves_the_hidden_loop_around_a_defer() {
        assertEquals(List.of("21:LOW"), found(DEFER_AFTER_CONTINUE, "RES-03"));
        assertEquals(List.of(), found(DEFER_AFTER_CONTINUE_THEN_RETURN, "RES-03"));
        assertEquals(List.of("33:LOW"), found(DEFER_BEFORE_CONTINUE, "RES-03"));
        assertEquals(List.of(), found(DEFER_BEFORE_INNER_LOOP_CONTINUE, "RES-03"));
    }
}
