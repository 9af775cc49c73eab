package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name inside a string literal or a comment is not code: the helpers that search a statement's or a function's text
 * for a name (a use, a release, a value kept) read it with its literals and comments blanked
 * ({@code kb.review.analysis.CodeText}). Each class of search is pinned twice: the name written only in a message or a
 * comment neither silences nor triggers the rule, and the same name written as code still does. The code is written
 * for this test; findings are compared as "line:item".
 */
class LiteralTextClassesTest {

    private static List<String> java(String code, String item) {
        return JavaMissedClassesTest.items("src/main/java/a/Ledger.java", code).stream()
                .filter(s -> s.endsWith(":" + item)).toList();
    }

    private static List<String> go(String code, String item) {
        return GoMissedClassesTest.items("store/load.go", code).stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // TMO-01, the path walk's use test: the catch of a failed set-up logs a message that names the statement. A
    // message is no use of the statement before its timeout; a call on the statement there is.

    private static final String BALANCE = """
            package a;

            class Ledger {
                ResultSet balances(Connection db, String sql, int limitMs) throws SQLException {
                    PreparedStatement ps = null;
                    try {
                        ps = db.prepareStatement(sql);
                        int seconds = Math.max(1, limitMs / 1000);
                        if (seconds > 60) {
                            seconds = 60;
                        }
                        ps.setQueryTimeout(seconds);
                        return ps.executeQuery();
                    } catch (SQLException e) {
                        CATCH
                        throw e;
                    }
                }
            }
            """;

    @Test
    void a_message_naming_the_statement_in_the_set_up_catch_is_no_use_before_its_timeout() {
        assertEquals(List.of(), java(BALANCE.replace("CATCH",
                "log.warn(\"ps of balances failed: \" + sql, e); // ps.cancel() would not help here"), "TMO-01"));
    }

    @Test
    void a_call_on_the_statement_in_the_same_catch_is_still_a_use_without_its_timeout() {
        assertEquals(List.of("7:TMO-01"), java(BALANCE.replace("CATCH",
                "log.warn(\"balances failed: \" + sql, e);\n            ps.cancel();"), "TMO-01"));
    }

    // RES-01, the helper summaries: a helper the file is handed to releases it when its body closes it, and keeps it
    // when its body returns, stores or wraps it. A close written in a comment releases nothing, and an error message
    // that names the parameter keeps nothing: the caller still owns the file and must close it.

    private static final String LOAD = """
            package store

            func load(path string) error {
            	f, err := os.Open(path)
            	if err != nil {
            		return err
            	}
            	if err := check(f); err != nil {
            		return err
            	}
            	return nil
            }

            func check(file *os.File) error {
            	BODY
            	return nil
            }
            """;

    @Test
    void a_close_written_only_in_the_helpers_comment_releases_nothing() {
        assertEquals(List.of("4:RES-01"), go(LOAD.replace("BODY",
                "_, err := file.Stat() // file.Close() is the caller's job\n\treturn err"), "RES-01"));
    }

    @Test
    void an_error_message_of_the_helper_that_names_the_file_keeps_nothing() {
        assertEquals(List.of("4:RES-01"), go(LOAD.replace("BODY", """
                if _, err := file.Stat(); err != nil {
                		return fmt.Errorf("file unreadable: %w", err)
                	}"""), "RES-01"));
    }

    @Test
    void a_helper_that_closes_or_keeps_the_file_in_code_still_takes_it_over() {
        assertEquals(List.of(), go(LOAD.replace("BODY", "defer file.Close()"), "RES-01"));
        assertEquals(List.of(), go(LOAD.replace("BODY", """
                if _, err := file.Stat(); err != nil {
                		return wrap(file, err)
                	}"""), "RES-01"));
    }

    // RES-04, a thread pool built per call and shut down in a finally block (a scoped fork/join): a log line with a
    // placeholder brace before the shutdown is a literal, not the end of the block. A finally block that only mentions
    // the shutdown in a comment shuts nothing down. (Until session 25 this used a gRPC channel; a channel shut down by
    // the call is now reported whatever its finally says: RES-04's text, Round6ClassesTest.)

    private static final String QUOTES = """
            package a;

            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Ledger {
                long quote(List<Callable<Long>> parts) throws Exception {
                    ExecutorService pool = Executors.newFixedThreadPool(4);
                    try {
                        return pool.invokeAll(parts).size();
                    } finally {
                        FINALLY
                    }
                }
            }
            """;

    @Test
    void a_shutdown_after_a_log_line_with_a_placeholder_in_finally_ends_the_pool() {
        assertEquals(List.of(), java(QUOTES.replace("FINALLY",
                "log.debug(\"quote for {} done\", parts);\n            pool.shutdown();"), "RES-04"));
    }

    @Test
    void a_shutdown_written_only_in_a_comment_of_the_finally_block_is_still_reported() {
        assertEquals(List.of("8:RES-04"), java(QUOTES.replace("FINALLY",
                "log.debug(\"quote done\"); // pool.shutdown() is left to the caller"), "RES-04"));
    }
}
