package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01's class of a line per element in an edit whose hunk starts inside the loop body, below the loop's header: the
 * only sign of the loop is a skip before the line (a branch ending in {@code continue}), and {@code continue} exists
 * only in loops. A line on the main path after the skip runs once per element that is not skipped, which LOG-01's
 * Bad example is ("one line per element"), whichever library writes it and however its arguments are laid out. The
 * look-alikes: the summary line after the loop closes, a cheap debug line, a sampled line, a line in a catch.
 */
class ContinuedLoopLogTest {

    /**
     * An edit of {@code path} whose one hunk starts at new line {@code from}, lines given with their diff marker; a Go
     * hunk carries the function git prints after {@code @@}.
     */
    static String edit(String path, int from, String... lines) {
        int old = 0;
        int added = 0;
        for (String l : lines) {
            old += l.startsWith("+") ? 0 : 1;
            added += l.startsWith("-") ? 0 : 1;
        }
        StringBuilder sb = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/"
                + path + "\n+++ b/" + path + "\n@@ -" + from + "," + old + " +" + from + "," + added + " @@"
                + (path.endsWith(".go") ? " func (w *Worker) run(ctx context.Context, items []Item) error {" : "")
                + "\n");
        for (String l : lines) {
            sb.append(l.startsWith("+") || l.startsWith("-") || l.startsWith(" ") ? "" : " ").append(l).append('\n');
        }
        return sb.toString();
    }

    private static List<String> log01(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-01").stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
    }

    // --- Java

    @Test
    void an_slf4j_line_after_a_counted_skip_is_found() {
        assertEquals(List.of("33"), log01(edit("src/main/java/a/Exporter.java", 30,
                "                expired++;",
                "                continue;",
                "            }",
                "+            log.info(\"exporting span batch {} of {}\", batch.id(), batch.size());",
                "             sink.send(batch);",
                "         }",
                "         metrics.exported(batches.size(), expired);")));
    }

    @Test
    void a_log4j_warn_after_a_whole_if_continue_split_over_lines_is_found() {
        assertEquals(List.of("43"), log01(edit("src/main/java/a/Ingest.java", 40,
                "             if (row.isEmpty()) {",
                "                 continue;",
                "             }",
                "+            LOGGER.warn(\"row {} has no owner, stored as orphan\",",
                "+                    row.key());",
                "             store.put(row);",
                "         }")));
    }

    @Test
    void a_jul_line_after_a_skip_without_braces_around_the_loop_is_found() {
        assertEquals(List.of("13"), log01(edit("src/main/java/a/Mailer.java", 10,
                "                 continue;",
                "             }",
                "             Message m = render(n);",
                "+            logger.log(Level.INFO, \"sending notification {0}\", n.id());",
                "             transport.send(m);",
                "         }")));
    }

    @Test
    void the_summary_after_the_loop_closes_is_clean() {
        assertEquals(List.of(), log01(edit("src/main/java/a/Exporter.java", 30,
                "                expired++;",
                "                continue;",
                "            }",
                "             sink.send(batch);",
                "         }",
                "+        log.info(\"exported {} batches, {} expired\", batches.size(), expired);",
                "         metrics.exported(batches.size(), expired);")));
    }

    @Test
    void a_cheap_debug_line_a_sampled_line_and_a_catch_are_clean() {
        assertEquals(List.of(), log01(edit("src/main/java/a/Exporter.java", 30,
                "                continue;",
                "            }",
                "+            log.debug(\"exporting span batch {}\", batch.id());",
                "+            if (exported++ % 1000 == 0) {",
                "+                log.info(\"exported {} batches so far\", exported);",
                "+            }",
                "             sink.send(batch);",
                "         }")));
        assertEquals(List.of(), log01(edit("src/main/java/a/Exporter.java", 30,
                "                    continue;",
                "                }",
                "             } catch (IOException e) {",
                "+                log.warn(\"export failed\", e);",
                "             }")));
    }

    // --- Go

    @Test
    void a_zap_line_split_over_two_lines_after_an_error_skip_is_found() {
        assertEquals(List.of("23"), log01(edit("ingest/worker.go", 20,
                "\t\t\tcontinue",
                "\t\t}",
                "\t\tw.store(rec)",
                "+\t\tw.logger.Info(\"stored record\", zap.String(\"key\", rec.Key),",
                "+\t\t\tzap.Int(\"bytes\", len(rec.Value)))",
                "\t}",
                "\treturn nil")));
    }

    @Test
    void an_slog_and_a_logrus_line_after_a_whole_if_continue_are_found() {
        assertEquals(List.of("13", "14"), log01(edit("sync/apply.go", 10,
                "\t\tif ch.Deleted {",
                "\t\t\tcontinue",
                "\t\t}",
                "+\t\tslog.Info(\"applying change\", \"key\", ch.Key)",
                "+\t\tlogrus.WithField(\"key\", ch.Key).Info(\"applied\")",
                "\t\tapply(ch)",
                "\t}")));
    }

    @Test
    void a_go_summary_after_the_loop_and_a_level_tested_line_are_clean() {
        assertEquals(List.of(), log01(edit("sync/apply.go", 10,
                "\t\t\tcontinue",
                "\t\t}",
                "\t\tapply(ch)",
                "\t}",
                "+\tslog.Info(\"changes applied\", \"count\", len(changes))",
                "\treturn nil")));
        assertEquals(List.of(), log01(edit("sync/apply.go", 10,
                "\t\t\tcontinue",
                "\t\t}",
                "+\t\tif logger.Enabled(ctx, slog.LevelDebug) {",
                "+\t\t\tlogger.Debug(\"applying change\", \"key\", ch.Key)",
                "+\t\t}",
                "\t\tapply(ch)",
                "\t}")));
    }
}
