package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of FALSE findings left on the projects' own code of held-out precision sets 4 to 7
 * (web/src/test/bench/realfixes/precision-judgments-{4,5,6,7}.tsv), each pinned next to the defect of the same shape,
 * which must still be found. The code is written for this test, in the shape of the judged code; findings are compared
 * as "line:item".
 */
class PrecisionSets4to7ClassesTest {

    private static List<String> items(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // Q (set 6): a hunk that starts inside the Javadoc above the class. The comment's tail, read as code, broke the
    // class header, the field lost its declared type and a flag named "...Currently..." was taken for a thread-local
    // by its name. The same diff whose field is a ThreadLocal still reports the set that is never removed.

    private static final String JAVADOC_CUT = """
            diff --git a/src/main/java/acme/feed/Feed.java b/src/main/java/acme/feed/Feed.java
            --- a/src/main/java/acme/feed/Feed.java
            +++ b/src/main/java/acme/feed/Feed.java
            @@ -12,5 +12,6 @@
             import acme.rx.Stream;
            +import java.util.concurrent.atomic.AtomicBoolean;
             
             /**
              * A feed that shares one upstream subscription between its observers.
              *
            @@ -20,10 +21,13 @@ import acme.rx.Stream;
              * @param <T> what the feed emits
              */
             public abstract class Feed<T> extends Source<T> {
            -    private Stream<T> upstream;
            +    private final Stream<T> shared;
            +    private final TYPE listenerCurrentlyAttached = new TYPE();
             
                 protected Feed(Stream<T> upstream) {
            -        this.upstream = upstream;
            +        this.shared = upstream.onAttach(() -> {
            +            listenerCurrentlyAttached.set(Boolean.TRUE);
            +        }).share();
                 }
             
                 public Stream<T> observe() {
            """;

    @Test
    void a_hunk_that_starts_inside_the_class_javadoc_keeps_the_fields_declared_types() {
        assertEquals(List.of(), items(JAVADOC_CUT.replace("TYPE", "AtomicBoolean"), "CONC-04"));
        assertEquals(List.of("29:CONC-04"),
                items(JAVADOC_CUT.replace("TYPE", "ThreadLocal<Boolean>"), "CONC-04"));
    }

    // The same cut the other way: a package comment shown in pieces. The first hunk opens it, a later hunk shows an
    // example inside it; that example is prose, not code to review.

    private static final String PACKAGE_DOC = """
            diff --git a/doc.go b/doc.go
            --- a/doc.go
            +++ b/doc.go
            @@ -1,3 +1,3 @@
             /*
            -Package store keeps rows.
            +Package store keeps rows in Postgres.
             
            @@ -20,3 +20,3 @@ For example:
             
            -	rows, err := db.Query("select name from users")
            +	rows, err := db.Query("select name from users where age = $1", age)
             	for rows.Next() {
            """;

    @Test
    void an_example_inside_a_package_comment_shown_in_pieces_is_not_code() {
        assertEquals(List.of(), items(PACKAGE_DOC, "RES-01"));
    }

    // BQ (sets 5 and 6): a dialer without a Timeout whose DialContext gets a context the function bounds itself with
    // the configured timeout. The same dial with the caller's bare context has no bound the code shows.

    private static final String BOUNDED_DIAL = """
            package relay

            import (
            	"context"
            	"net"
            )

            func (c *Client) connect(ctx context.Context) (net.Conn, error) {
            	dialCtx := ctx
            	if c.cfg.ConnectTimeout > 0 {
            		var cancel context.CancelFunc
            		BOUND
            		defer cancel()
            	}
            	d := net.Dialer{KeepAlive: c.cfg.KeepAlive}
            	return d.DialContext(dialCtx, "tcp", c.cfg.Addr)
            }
            """;

    @Test
    void a_dial_whose_context_the_function_bounds_with_the_configured_timeout_has_its_timeout() {
        assertEquals(List.of(), only(GoMissedClassesTest.items("relay/client.go", BOUNDED_DIAL.replace("BOUND",
                "dialCtx, cancel = context.WithTimeout(ctx, c.cfg.ConnectTimeout)")), "TMO-01"));
        assertEquals(List.of("15:TMO-01"), only(GoMissedClassesTest.items("relay/client.go", BOUNDED_DIAL.replace(
                "BOUND", "_, cancel = context.WithCancel(ctx)")), "TMO-01"));
    }

    // BW (set 7): MDC.put in a hunk that starts inside main, below its hidden signature, while the method launches the
    // embedded applications. The same hunk whose method hands the work to a request handler leaves the value on a
    // pooled thread and stays reported.

    private static final String LAUNCH = """
            diff --git a/src/main/java/acme/boot/Launcher.java b/src/main/java/acme/boot/Launcher.java
            --- a/src/main/java/acme/boot/Launcher.java
            +++ b/src/main/java/acme/boot/Launcher.java
            @@ -30,6 +30,9 @@ public class Launcher {
                 LOG.info("launching");
             
            +    MDC.put("phase", "[starting:core] ");
                 ConfigurableApplicationContext core = START_CORE;
            +    MDC.put("phase", "[starting:admin] ");
            +    log.info("admin starting");
                 LOG.info("core {}", core.getId());
               }
             
            """;

    @Test
    void mdc_put_in_a_method_that_launches_the_application_is_start_up_state() {
        assertEquals(List.of(), items(LAUNCH.replace("START_CORE",
                "new SpringApplicationBuilder(CoreApp.class).web(WebApplicationType.NONE).run(args)"), "CONC-04"));
        assertEquals(List.of(), items(LAUNCH.replace("START_CORE", "SpringApplication.run(CoreApp.class, args)"),
                "CONC-04"));
        assertEquals(List.of("32:CONC-04", "34:CONC-04"), items(LAUNCH.replace("START_CORE",
                "registry.handle(request).run(args)"), "CONC-04"));
    }

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }
}
