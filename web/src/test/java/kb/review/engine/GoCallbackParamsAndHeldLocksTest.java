package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two CONC-03 classes of precision set 15. JP: a function writes a package-level map and takes a request-like type
 * only inside a function-typed parameter ({@code newDriver func(ctx context.Context) (D, error)}): the callback serves
 * requests later, the function that stores it (a registry's {@code Register}) is not shown to run on many goroutines,
 * so the item's "a plain map written from several goroutines" is not in sight. A function with a request parameter of
 * its own, or one that writes inside a goroutine it starts, stays reported. JE: a change deletes lock lines (of the
 * functions it removes or comments out) while the surviving function still locks the same value's mutex around its
 * map write: the write keeps its guard, which is what the item asks. A write below an {@code Unlock}, below a read
 * lock, or with the lock really gone stays reported.
 */
class GoCallbackParamsAndHeldLocksTest {

    private static final String SHARED = "go-package-map-written-concurrently";
    private static final String REMOVED = "map-lock-removed";

    private static List<String> conc03(String diff) {
        return item(diff, "CONC-03");
    }

    // --- JP: defects

    @Test
    void a_request_function_that_also_takes_a_callback_is_found() {
        assertEquals(List.of("6:" + SHARED), conc03(file("hooks/run.go", """
                var lastRun = map[string]time.Time{}

                func RunHook(ctx context.Context, name string, fn func(context.Context) error) error {
                	lastRun[name] = time.Now()
                	return fn(ctx)
                }
                """)));
    }

    @Test
    void a_handler_with_a_callback_parameter_appending_to_a_package_slice_is_found() {
        assertEquals(List.of("6:" + SHARED), conc03(file("web/audit.go", """
                var trail []string

                func Audit(w http.ResponseWriter, r *http.Request, next func(http.ResponseWriter, *http.Request)) {
                	trail = append(trail, r.URL.Path)
                	next(w, r)
                }
                """)));
    }

    @Test
    void a_register_that_writes_inside_a_goroutine_it_starts_is_found() {
        assertEquals(List.of("8:" + SHARED), conc03(file("plugins/load.go", """
                var loaded = map[string]Plugin{}

                func LoadAsync(name string, open func(ctx context.Context) (Plugin, error)) {
                	go func() {
                		p, _ := open(context.Background())
                		loaded[name] = p
                	}()
                }
                """)));
    }

    @Test
    void a_wrapped_signature_whose_own_parameter_is_a_context_is_found() {
        assertEquals(List.of("10:" + SHARED), conc03(file("jobs/track.go", """
                var running = map[string]bool{}

                func Track(
                	ctx context.Context,
                	id string,
                	work func(ctx context.Context) error,
                ) error {
                	running[id] = true
                	return work(ctx)
                }
                """)));
    }

    // --- JP: clean look-alikes

    @Test
    void a_generic_register_whose_only_context_is_its_constructors_is_not_reported() {
        assertEquals(List.of(), conc03(file("engines/registry.go", """
                var engines = map[string]engine{}

                // Register is called from the init function of each engine package.
                func Register[D Driver](
                	name string,
                	newDriver func(ctx context.Context, cfg *Config) (D, error),
                ) {
                	engines[name] = engine{open: adapt(newDriver)}
                }
                """)));
    }

    @Test
    void a_route_table_filled_with_handler_callbacks_is_not_reported() {
        assertEquals(List.of(), conc03(file("router/table.go", """
                var routes = map[string]func(http.ResponseWriter, *http.Request){}

                func Handle(path string, h func(w http.ResponseWriter, r *http.Request)) {
                	routes[path] = h
                }
                """)));
    }

    @Test
    void a_middleware_list_appended_by_use_is_not_reported() {
        assertEquals(List.of(), conc03(file("chain/use.go", """
                var middlewares []func(*gin.Context)

                func Use(mw func(c *gin.Context)) {
                	middlewares = append(middlewares, mw)
                }
                """)));
    }

    @Test
    void a_codec_table_keyed_by_name_with_a_decoder_callback_is_not_reported() {
        assertEquals(List.of(), conc03(file("codec/table.go", """
                var decoders = make(map[string]func(ctx context.Context, b []byte) (any, error))

                func AddDecoder(name string, dec func(ctx context.Context, b []byte) (any, error)) {
                	decoders[name] = dec
                }
                """)));
    }

    // --- JE: defects and clean look-alikes

    /** A diff that removes {@code removed} and adds {@code added} inside a function whose lines around are kept. */
    private static String edit(String keptAbove, String removed, String added) {
        String[] a = keptAbove.split("\n");
        String[] r = removed.isEmpty() ? new String[0] : removed.split("\n");
        String[] n = added.split("\n");
        StringBuilder sb = new StringBuilder("diff --git a/reg/reg.go b/reg/reg.go\nindex 1111111..2222222 100644\n"
                + "--- a/reg/reg.go\n+++ b/reg/reg.go\n@@ -10," + (a.length + r.length + 1) + " +10,"
                + (a.length + n.length + 1) + " @@ type Registry struct {\n");
        for (String l : a) {
            sb.append(' ').append(l).append('\n');
        }
        for (String l : r) {
            sb.append('-').append(l).append('\n');
        }
        for (String l : n) {
            sb.append('+').append(l).append('\n');
        }
        return sb.append(" }\n").toString();
    }

    @Test
    void a_write_whose_lock_the_change_deletes_is_still_found() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) {", "\tr.mu.Lock()\n\tdefer r.mu.Unlock()",
                "\tr.codecs[k] = v");
        assertEquals(List.of("11:" + REMOVED), conc03(diff));
    }

    @Test
    void a_write_in_a_nested_branch_whose_lock_the_change_deletes_is_still_found() {
        String diff = edit("func (r *Registry) Put(k string, v Codec) {", "\tr.mu.Lock()\n\tdefer r.mu.Unlock()",
                "\tif v != nil {\n\t\tr.codecs[k] = v\n\t}");
        assertEquals(List.of("12:" + REMOVED), conc03(diff));
    }

    @Test
    void a_write_left_under_a_read_lock_is_still_found() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) {", "\tr.mu.Lock()\n\tdefer r.mu.Unlock()",
                "\tr.mu.RLock()\n\tdefer r.mu.RUnlock()\n\tr.codecs[k] = v");
        assertEquals(List.of("13:" + REMOVED), conc03(diff));
    }

    @Test
    void a_write_whose_lock_lines_are_commented_out_is_still_found() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) {", "\tr.mu.Lock()\n\tdefer r.mu.Unlock()",
                "\t// r.mu.Lock()\n\t// defer r.mu.Unlock()\n\tr.codecs[k] = v");
        assertEquals(List.of("13:" + REMOVED), conc03(diff));
    }

    @Test
    void a_write_still_inside_the_surviving_lock_after_older_functions_are_removed_is_not_reported() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) error {\n\tif r != nil {\n\t\tr.mu.Lock()",
                "\t\tr.old[k] = v\n\t\tr.mu.Unlock()\n\t\treturn nil\n\t}\n\treturn errNil\n}\n\n"
                        + "func (r *Registry) AddOld(k string, v Codec) error {\n\tif r != nil {\n\t\tr.mu.Lock()",
                "\t\tr.codecs[k] = v\n\t\tr.byType[v.Type()] = v\n\t\tr.mu.Unlock()");
        assertEquals(List.of(), conc03(diff));
    }

    @Test
    void a_write_under_a_lock_released_by_defer_is_not_reported() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) {\n\tr.mu.Lock()\n\tdefer r.mu.Unlock()",
                "\tr.mu.Lock()\n\tr.old[k] = v\n\tr.mu.Unlock()", "\tr.codecs[k] = v");
        assertEquals(List.of(), conc03(diff));
    }

    @Test
    void a_write_under_an_embedded_mutex_kept_above_is_not_reported() {
        String diff = edit("func (r *Registry) Add(k string, v Codec) {\n\tr.Lock()\n\tnormalized := norm(k)",
                "\tr.Lock()\n\tr.old[k] = v", "\tr.codecs[normalized] = v");
        assertEquals(List.of(), conc03(diff));
    }

    @Test
    void a_write_inside_the_kept_lock_with_the_unlock_after_it_is_not_reported() {
        String diff = edit("func (r *Registry) Swap(k string, v Codec) Codec {\n\tr.mu.Lock()\n\told := r.codecs[k]",
                "\tr.mu.Unlock()\n\tr.mu.Lock()", "\tr.codecs[k] = v\n\tr.mu.Unlock()\n\treturn old");
        assertEquals(List.of(), conc03(diff));
    }
}
