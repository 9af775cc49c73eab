package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static kb.review.engine.RealCommitPrecisionTest.only;
import static kb.review.engine.RealCommitPrecisionTest.pasted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LOG-01 class of false positives on a branch, found on the newest 200 commits of prometheus, traefik, caddy,
 * zookeeper, dubbo and rocketmq (web/src/test/bench/realfixes/precision-judgments.tsv): a log on a branch (a skipped,
 * inconsistent or unexpected element) repeats with the traffic only when the loop runs over input or in a service
 * loop, not over the object's own state or configuration. Go and Java, each paired with the look-alike the item must
 * still catch. Split from {@link RealCommitPrecisionTest}, whose pasted-diff helpers they share.
 */
class RealCommitPrecisionBranchLogsTest {

    // LOG-01: a log on a branch (a skipped, inconsistent or unexpected element) repeats with the traffic only when
    // the loop walks input: what the function was given, or one message per turn of a service loop

    private static final String GO_BRANCH = """
            package provider

            func (p *Provider) SIGNATURE {
            \tfor _, h := range COLLECTION {
            \t\tif !valid(h) {
            \t\t\tlog.Warn().Msgf("header %q ignored", h)
            \t\t\tcontinue
            \t\t}
            \t\tp.allowed = append(p.allowed, h)
            \t}
            }
            """;

    private static String goBranch(String signature, String collection) {
        return GO_BRANCH.replace("SIGNATURE", signature).replace("COLLECTION", collection);
    }

    @Test
    void go_a_branch_log_in_a_loop_over_state_or_configuration_is_not_a_flood_over_input_it_is() {
        // traefik: the receiver's configured headers, a configuration parameter's routers
        assertEquals(List.of(), only(items("provider/headers.go", goBranch("validate()",
                "p.GlobalAllowedResponseHeaders")), "LOG-01"));
        assertEquals(List.of(), only(items("provider/headers.go", goBranch("resolve(cfg dynamic.Configuration)",
                "cfg.HTTP.Routers")), "LOG-01"));
        // the same branch over a request's headers or a batch handed in: one line per bad element of the traffic
        assertEquals(List.of("6:LOG-01"), only(items("provider/headers.go", goBranch("filter(req *http.Request)",
                "req.Header.Values(\"X-Forward\")")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(items("provider/headers.go", goBranch("accept(batch []string)",
                "batch")), "LOG-01"));
    }

    @Test
    void go_a_branch_log_in_a_service_loop_counts_and_an_unconditional_log_counts_over_anything() {
        String service = """
                package consume

                func (c *Consumer) Run(ctx context.Context) {
                \tfor {
                \t\tm := c.queue.Next()
                \t\tif m.Redelivered {
                \t\t\tlog.Printf("redelivered %s", m.ID)
                \t\t}
                \t\tc.apply(m)
                \t}
                }
                """;
        assertEquals(List.of("7:LOG-01"), only(items("consume/run.go", service), "LOG-01"));
        String everyKey = """
                package runtime

                func (l *Loader) refresh() {
                \tfor k, v := range l.values {
                \t\tlog.Printf("key %s = %s", k, v)
                \t}
                }
                """;
        assertEquals(List.of("5:LOG-01"), only(items("runtime/refresh.go", everyKey), "LOG-01"));
    }

    private static final String JAVA_BRANCH = """
            package a;

            class Watches {
                void SIGNATURE {
                    Iterator<Watcher> it = HEAD;
                    while (CONDITION) {
                        Watcher w = it.next();
                        if (w.paths() == null) {
                            LOG.warn("inconsistent watch table for {}", w);
                            continue;
                        }
                        w.fire();
                    }
                }
            }
            """;

    private static String javaBranch(String signature, String head, String condition) {
        return JAVA_BRANCH.replace("SIGNATURE", signature).replace("HEAD", head).replace("CONDITION", condition);
    }

    @Test
    void java_a_branch_log_in_a_loop_over_the_objects_own_table_is_not_a_flood_over_a_batch_or_a_service_loop_it_is() {
        // zookeeper: the watchers of its own table, an inconsistency that should never happen
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("trigger(String path)", "table.iterator()", "it.hasNext()")), "LOG-01"));
        // watchers handed in by the caller, and a service loop taking one per turn until stopped
        assertEquals(List.of("9:LOG-01"), JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("trigger(List<Watcher> watchers)", "watchers.iterator()", "it.hasNext()")).stream()
                .filter(s -> s.endsWith("LOG-01")).toList());
        assertEquals(List.of("9:LOG-01"), JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("run()", "table.iterator()", "!isStopped()")).stream()
                .filter(s -> s.endsWith("LOG-01")).toList());
    }
}
