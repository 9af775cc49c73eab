package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static kb.review.engine.RealCommitPrecisionTest.only;
import static kb.review.engine.RealCommitPrecisionTest.pasted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LOG-01 classes of false positives about the loop itself, found on the newest 200 commits of prometheus,
 * traefik, caddy, zookeeper, dubbo and rocketmq (web/src/test/bench/realfixes/precision-judgments.tsv): retry loops
 * with a small fixed bound, loops that wait seconds each turn, a qualified stop that runs once, a loop opened before a
 * gap of the diff, and a command-line tool's console output. Each is paired with the look-alike the item must still
 * catch. Split from {@link RealCommitPrecisionTest}, whose pasted-diff helpers they share.
 */
class RealCommitPrecisionLoopLogsTest {

    private static final String RETRY = """
            package a;

            class Flusher {
                void METHOD(List<Record> records) {
                    boolean ok = false;
                    for (int i = 0; CONDITION; i++) {
                        ok = commit(records);
                        log.info("commit attempt {} {}", i + 1, ok);
                    }
                }
            }
            """;

    @Test
    void a_retry_loop_with_a_small_fixed_bound_is_not_a_flood_a_loop_bounded_by_the_input_is() {
        // rocketmq: a commit retried RETRY_TIMES_OVER times on the way out
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < RETRY_TIMES_OVER && !ok")), "LOG-01"));
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < 3 && !ok")), "LOG-01"));
        assertEquals(List.of("8:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < records.size()")), "LOG-01"));
        assertEquals(List.of("8:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < 1000")), "LOG-01"));
        String go = """
                package store

                func (s *Store) flush(records []Record) {
                \tfor attempt := 0; BOUND; attempt++ {
                \t\tlog.Printf("attempt %d", attempt)
                \t\tif s.commit(records) == nil {
                \t\t\treturn
                \t\t}
                \t}
                }
                """;
        assertEquals(List.of(), only(items("store/flush.go", go.replace("BOUND", "attempt < maxRetries")), "LOG-01"));
        assertEquals(List.of("5:LOG-01"), only(items("store/flush.go", go.replace("BOUND", "attempt < len(records)")),
                "LOG-01"));
    }

    @Test
    void a_loop_that_waits_seconds_each_turn_is_rate_limited_one_that_pauses_milliseconds_is_not() {
        String offer = """
                package a;

                class Commits {
                    void put(Request request) throws InterruptedException {
                        while (!buffer.offer(request, WAIT)) {
                            log.warn("buffer is full");
                        }
                    }
                }
                """;
        // rocketmq: a full buffer warned about once per 3-second timed offer
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Commits.java",
                offer.replace("WAIT", "3, TimeUnit.SECONDS")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Commits.java",
                offer.replace("WAIT", "50, TimeUnit.MILLISECONDS")), "LOG-01"));
        String sleep = """
                package poll

                func (p *Poller) wait(ids []string) {
                	for !p.ready(ids) {
                		log.Printf("not ready: %v", ids)
                		time.Sleep(PAUSE)
                	}
                }
                """;
        assertEquals(List.of(), only(items("poll/wait.go", sleep.replace("PAUSE", "5 * time.Second")), "LOG-01"));
        assertEquals(List.of("5:LOG-01"), only(items("poll/wait.go", sleep.replace("PAUSE",
                "50 * time.Millisecond")), "LOG-01"));
    }

    @Test
    void a_qualified_stop_runs_once_a_per_call_method_does_not() {
        // (an info line since session 22: a parameterised debug line per element is clean anywhere, class AY)
        String code = """
                package a;

                class Workers {
                    void METHOD() {
                        for (SendWorker sw : senders.values()) {
                            LOG.info("finishing {}", sw);
                            sw.finish();
                        }
                    }
                }
                """;
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Workers.java",
                code.replace("METHOD", "softHalt")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Workers.java",
                code.replace("METHOD", "broadcast")), "LOG-01"));
    }

    /** A pasted diff of two hunks of one file; lines start with ' ' (context) or '+' (added). */
    private static String twoHunks(String path, String first, int firstStart, String second, int secondStart) {
        StringBuilder b = new StringBuilder("diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/"
                + path + "\n");
        int shift = 0;
        for (Object[] h : new Object[][] {{first, firstStart}, {second, secondStart}}) {
            List<String> lines = ((String) h[0]).lines().toList();
            long added = lines.stream().filter(l -> l.startsWith("+")).count();
            int start = (Integer) h[1];
            b.append("@@ -").append(start - shift).append(',').append(lines.size() - added).append(" +").append(start)
                    .append(',').append(lines.size()).append(" @@\n");
            lines.forEach(l -> b.append(l).append('\n'));
            shift += (int) added;
        }
        return b.toString();
    }

    @Test
    void a_loop_opened_before_a_gap_of_the_diff_does_not_hold_a_log_after_it() {
        String first = " \tpublic Store() {\n \t\tfor (int i = 0; i < n; i++) {\n \t\t\tpairs.add(newPair());";
        String second = " \tpublic void start() {\n+\t\tlog.info(\"start\");\n \t\tservice.start();\n \t}";
        // rocketmq: the constructor's loop closes in the gap; start() is far below
        assertEquals(List.of(), pasted(twoHunks("src/main/java/a/Store.java", first, 10, second, 40), "LOG-01"));
        // the same log inside a loop the diff shows whole is reported
        String run = " \tpublic void run(List<String> ids) {\n \t\tfor (String id : ids) {\n"
                + "+\t\t\tlog.info(\"start\");\n \t\t}";
        assertEquals(List.of("42:LOG-01"), pasted(twoHunks("src/main/java/a/Store.java", first, 10, run, 40),
                "LOG-01"));
    }

    @Test
    void console_output_of_a_command_line_tool_is_its_purpose_elsewhere_it_is_logging() {
        String hunk = """
                diff --git a/PATH b/PATH
                --- a/PATH
                +++ b/PATH
                @@ -20,4 +20,5 @@
                 \t\tfor (String key : keys) {
                +\t\t\tSystem.out.printf("key: %s%n", key);
                 \t\t\tcount++;
                 \t\t}
                 \t}
                """;
        assertEquals(List.of(), pasted(hunk.replace("PATH", "tools/src/main/java/a/ExportConfigCommand.java"),
                "LOG-01"));
        assertEquals(List.of("21:LOG-01"), pasted(hunk.replace("PATH", "broker/src/main/java/a/ConfigService.java"),
                "LOG-01"));
        String go = """
                diff --git a/PATH b/PATH
                --- a/PATH
                +++ b/PATH
                @@ -760,3 +760,4 @@
                 \tfor it.Next() {
                +\t\tfmt.Printf("%s %g\\n", lbs, val)
                 \t}
                 }
                """;
        // prometheus: promtool's dump prints each sample; the diff does not show 'package main', the cmd/ folder does
        assertEquals(List.of(), pasted(go.replace("PATH", "cmd/promtool/tsdb.go"), "LOG-01"));
        assertEquals(List.of("761:LOG-01"), pasted(go.replace("PATH", "tsdb/dump.go"), "LOG-01"));
    }
}
