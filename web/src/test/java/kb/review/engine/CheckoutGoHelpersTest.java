package kb.review.engine;

import static kb.review.engine.CheckoutHelpersTest.diffOf;
import static kb.review.engine.CheckoutHelpersTest.findings;
import static kb.review.engine.CheckoutHelpersTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import kb.review.Reviews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go helpers declared in another package of the checkout are summarised where they are called (repo mode): a method
 * of a field whose type is in another package, found through the declared type; a crash handler in another module,
 * found through the checkout's go.mod files; a helper that only reads a response body against one that closes it.
 * Split from {@link CheckoutHelpersTest}, whose checkout helpers they share.
 */
class CheckoutGoHelpersTest {

    @TempDir
    Path dir;

    @Test
    void a_go_method_of_a_field_whose_type_is_in_another_package_is_found_through_the_declared_type()
            throws Exception {
        write(dir, "go.mod", "module example.com/app\n\ngo 1.19\n");
        write(dir, "internal/safety/guard.go", """
                package safety

                type Guard struct {
                \tOnPanic func(any)
                }

                func (g *Guard) Catch() {
                \tif r := recover(); r != nil {
                \t\tg.OnPanic(r)
                \t}
                }

                func (g *Guard) SafeCount() int {
                \treturn 0
                }
                """);
        String pool = """
                package worker

                import "example.com/app/internal/safety"

                type Pool struct {
                \tguard *safety.Guard
                }

                func (p *Pool) Go(job func()) {
                \tgo func() {
                \t\tdefer p.guard.%s()
                \t\tjob()
                \t}()
                }
                """;
        String rule = "go-goroutine-without-recover";
        write(dir, "worker/pool.go", pool.formatted("Catch"));
        Reviews.WholeFiles change = new Reviews.WholeFiles(dir, List.of(Path.of("worker")));
        assertEquals(List.of(), findings(change, dir, rule));
        write(dir, "worker/pool.go", pool.formatted("SafeCount"));
        // named like a crash handler, but the checkout shows it does not recover
        assertEquals(1, findings(change, dir, rule).size());
    }

    private static final String WORKER = """
            package worker

            import (
            \t"example.com/kit/guard"
            )

            func Start(jobs <-chan func()) {
            \tfor job := range jobs {
            \t\tgo func(run func()) {
            \t\t\tdefer guard.Report("job")
            \t\t\trun()
            \t\t}(job)
            \t}
            }
            """;

    @Test
    void a_go_crash_handler_in_another_module_of_the_checkout_is_found_through_go_mod() throws Exception {
        write(dir, "go.mod", "module example.com/app\n\ngo 1.19\n\nrequire example.com/kit v0.0.0\n\n"
                + "replace example.com/kit => ./libs/kit\n");
        write(dir, "libs/kit/go.mod", "module example.com/kit\n\ngo 1.19\n");
        write(dir, "libs/kit/guard/guard.go", """
                package guard

                import "log"

                func Report(name string) {
                \tif r := recover(); r != nil {
                \t\tlog.Printf("%s: %v", name, r)
                \t}
                }
                """);
        write(dir, "worker/pool.go", WORKER);
        String rule = "go-goroutine-without-recover";
        assertEquals(List.of(), findings(new Reviews.WholeFiles(dir, List.of(Path.of("worker"))), dir, rule));
        List<JsonNode> pasted = findings(new Reviews.DiffText(diffOf("worker/pool.go", WORKER)::getBytes), dir, rule);
        assertEquals(1, pasted.size(), pasted.toString());
    }

    @Test
    void a_go_helper_in_another_package_that_only_reads_the_body_leaves_it_open_and_one_that_closes_it_ends_it()
            throws Exception {
        write(dir, "go.mod", "module example.com/app\n\ngo 1.19\n");
        String fetch = """
                package api

                import (
                \t"net/http"

                \tdecoding "example.com/app/internal/decode"
                )

                func Fetch(c *http.Client, url string, out any) error {
                \tresp, err := c.Get(url)
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn decoding.Into(resp, out)
                }
                """;
        write(dir, "api/fetch.go", fetch);
        String decode = """
                package decode

                import (
                \t"encoding/json"
                \t"net/http"
                )

                func Into(r *http.Response, out any) error {
                \t%s
                \treturn json.NewDecoder(r.Body).Decode(out)
                }
                """;
        write(dir, "internal/decode/decode.go", decode.formatted("_ = r.StatusCode"));
        String rule = "go-response-body-not-closed";
        Reviews.WholeFiles change = new Reviews.WholeFiles(dir, List.of(Path.of("api")));
        List<JsonNode> open = findings(change, dir, rule);
        assertEquals(1, open.size(), open.toString());
        assertEquals(10, open.get(0).path("line").asInt());
        write(dir, "internal/decode/decode.go", decode.formatted("defer r.Body.Close()"));
        assertEquals(List.of(), findings(change, dir, rule));
        // a helper that keeps what it is given (a wrapper, a registry) takes it over
        write(dir, "internal/decode/decode.go", decode.formatted("pending = append(pending, r)")
                + "\nvar pending []*http.Response\n");
        assertEquals(List.of(), findings(change, dir, rule));
        // a pasted diff cannot see the helper: whether it closes the body is unknown, so at most a finding that names
        // the helper and fails no gate
        List<JsonNode> pasted = findings(new Reviews.DiffText(diffOf("api/fetch.go", fetch)::getBytes), dir, rule);
        assertTrue(pasted.stream().allMatch(f -> f.path("confidence").asText().equals("low")
                && f.path("note").asText().startsWith("handed to `decoding.Into`")), pasted.toString());
    }
}
