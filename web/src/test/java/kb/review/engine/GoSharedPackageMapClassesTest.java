package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, the class behind round 18's go-13: a Go package-level map (or slice) written, with no lock, by code that
 * runs on many goroutines at once. The item's own Bad example is exactly this ({@code var seen = map[string]int{}}
 * written by {@code count}, "called from many goroutines"), and its text says concurrent writes to a plain map are a
 * fatal runtime error. The review takes a function as concurrent when its parameters say it serves a request (a
 * {@code context.Context}, net/http's writer or request, a gin, echo or fiber context) or when the write is inside a
 * goroutine it starts; the write may go through a local pointed at the package value ({@code tags = baseTags}).
 *
 * <p>Clean look-alikes, as the item's "How to comply" allows them: a copy made per call, a map filled in {@code init}
 * and only read by handlers, a {@code sync.Map}, a mutex taken around the write, a map confined to one goroutine (a
 * local), a write under {@code sync.Once}, a {@code ...Locked} helper, and a registration function nothing says runs
 * concurrently (drivers and codecs register from {@code init}).
 */
class GoSharedPackageMapClassesTest {

    private static final String RULE = "go-package-map-written-concurrently";

    // --- defects

    @Test
    void a_request_function_that_points_a_local_at_the_package_default_and_writes_it_is_found() {
        String diff = """
                diff --git a/telemetry/tags.go b/telemetry/tags.go
                index 1111111..2222222 100644
                --- a/telemetry/tags.go
                +++ b/telemetry/tags.go
                @@ -31,7 +31,8 @@ var (
                 // tagsFor returns the tags a span is exported with.
                 func tagsFor(ctx context.Context, extra map[string]string) map[string]string {
                -	out := make(map[string]string, len(baseTags)+len(extra)+1)
                -	maps.Copy(out, baseTags)
                -	maps.Copy(out, extra)
                +	if extra == nil {
                +		extra = baseTags
                +	}
                +	extra["host"] = hostOf(ctx)
                -	return out
                +	return extra
                 }
                """;
        assertEquals(List.of("36:" + RULE), item(diff, "CONC-03"));
    }

    @Test
    void a_net_http_handler_counting_into_a_package_map_is_found() {
        String diff = file("web/visits.go", """
                var visits = map[string]int{}

                func countVisit(w http.ResponseWriter, r *http.Request) {
                	visits[r.URL.Path]++
                	w.WriteHeader(http.StatusNoContent)
                }
                """);
        assertEquals(List.of("6:" + RULE), item(diff, "CONC-03"));
    }

    @Test
    void a_gin_handler_deleting_from_a_package_map_is_found() {
        String diff = file("api/logout.go", """
                var sessions = make(map[string]Session)

                func logout(c *gin.Context) {
                	id := c.Param("id")
                	if id == "" {
                		c.Status(400)
                		return
                	}
                	delete(sessions, id)
                	c.Status(204)
                }
                """);
        assertEquals(List.of("11:" + RULE), item(diff, "CONC-03"));
    }

    @Test
    void goroutines_started_per_host_writing_a_package_map_are_found() {
        String diff = file("probe/hosts.go", """
                var lastSeen = map[string]time.Time{}

                func probeAll(hosts []string) {
                	for _, h := range hosts {
                		go func(host string) {
                			if ping(host) {
                				lastSeen[host] = time.Now()
                			}
                		}(h)
                	}
                }
                """);
        assertEquals(List.of("9:" + RULE), item(diff, "CONC-03"));
    }

    @Test
    void a_grpc_method_storing_into_a_package_map_and_a_handler_appending_to_a_package_slice_are_found() {
        String diff = file("kv/server.go", """
                var store = map[string][]byte{}
                var recent []string

                func (s *kvServer) Put(ctx context.Context, req *pb.PutRequest) (*pb.PutReply, error) {
                	store[req.Key] = req.Value
                	return &pb.PutReply{}, nil
                }

                func remember(w http.ResponseWriter, r *http.Request) {
                	recent = append(recent, r.URL.Path)
                }
                """);
        assertEquals(List.of("7:" + RULE, "12:" + RULE), item(diff, "CONC-03"));
    }

    // --- clean look-alikes

    @Test
    void a_copy_per_call_of_the_package_default_is_clean() {
        String diff = file("telemetry/tags.go", """
                var baseTags = map[string]string{"service": "billing"}

                func tagsFor(ctx context.Context, extra map[string]string) map[string]string {
                	out := make(map[string]string, len(baseTags)+len(extra)+1)
                	maps.Copy(out, baseTags)
                	maps.Copy(out, extra)
                	out["host"] = hostOf(ctx)
                	return out
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    @Test
    void a_map_filled_in_init_and_read_by_handlers_and_a_sync_map_are_clean() {
        String diff = file("web/routes.go", """
                var mimeByExt = map[string]string{}
                var visits sync.Map

                func init() {
                	for _, e := range []string{"css", "js"} {
                		mimeByExt[e] = "text/" + e
                	}
                }

                func serveAsset(w http.ResponseWriter, r *http.Request) {
                	w.Header().Set("Content-Type", mimeByExt[path.Ext(r.URL.Path)])
                	visits.Store(r.URL.Path, true)
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    @Test
    void a_handler_that_locks_and_a_helper_named_for_its_callers_lock_are_clean() {
        String diff = file("web/visits.go", """
                var (
                	visitsMu sync.Mutex
                	visits   = map[string]int{}
                )

                func countVisit(w http.ResponseWriter, r *http.Request) {
                	visitsMu.Lock()
                	defer visitsMu.Unlock()
                	visits[r.URL.Path]++
                }

                func bumpLocked(ctx context.Context, key string) {
                	visits[key]++
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    @Test
    void a_registration_function_a_once_and_a_map_local_to_its_goroutine_are_clean() {
        String diff = file("codec/registry.go", """
                var codecs = map[string]Codec{}
                var table = map[string]int{}
                var tableOnce sync.Once

                func Register(name string, c Codec) {
                	codecs[name] = c
                }

                func lookup(ctx context.Context, k string) int {
                	tableOnce.Do(func() {
                		table["default"] = 1
                	})
                	return table[k]
                }

                func tally(ctx context.Context, words []string, out chan<- map[string]int) {
                	go func() {
                		counts := map[string]int{}
                		for _, w := range words {
                			counts[w]++
                		}
                		out <- counts
                	}()
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    @Test
    void locals_of_a_var_block_and_parameters_of_a_wrapped_signature_are_clean() {
        String diff = file("auth/scopes.go", """
                func checkScopes(w http.ResponseWriter, r *http.Request) {
                	var (
                		unknown []string
                		seen    = map[string]bool{}
                	)
                	for _, s := range strings.Fields(r.Form.Get("scope")) {
                		seen[s] = true
                		unknown = append(unknown, s)
                	}
                }

                func addTerms(ctx context.Context, field, term string,
                	out map[string][]string) map[string][]string {
                	if out == nil {
                		out = map[string][]string{}
                	}
                	out[field] = append(out[field], term)
                	return out
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-03"));
    }
}
