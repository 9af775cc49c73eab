package kb.review.engine;

import static kb.review.engine.JavaLostFailureEditsTest.PRINTED;
import static kb.review.engine.JavaLostFailureEditsTest.at;
import static kb.review.engine.JavaLostFailureEditsTest.edit;
import static kb.review.engine.JavaLostFailureEditsTest.whole;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 26), {@code java-throw-replaced-by-print-and-default}: an edit that replaces a throw with a
 * printed stack trace and a default return, and the look-alikes left alone. Split from
 * {@link JavaLostFailureEditsTest}; the edits start below the method and catch headers, as a hunk of a long method
 * does.
 */
class JavaThrowReplacedByPrintTest {

    // --- java-throw-replaced-by-print-and-default ---

    @Test
    void a_failed_connect_printed_and_answered_with_null_is_found() {
        String body = """
                             if (session != null) {\r
                                 session.disconnect();\r
                             }\r
                -            throw new NetconfException("connect to " + host, e);\r
                +            e.printStackTrace();\r
                +            return null;\r
                         }\r
                """;
        assertEquals(at(body, "e.printStackTrace()", PRINTED), edit(body));
    }

    @Test
    void a_failed_query_printed_and_answered_with_an_empty_list_is_found() {
        String body = """
                -            throw new RepositoryException("list orders", sqlError);
                +            sqlError.printStackTrace();
                +            return Collections.emptyList();
                         }
                """;
        assertEquals(at(body, "sqlError.printStackTrace()", PRINTED), edit(body));
    }

    @Test
    void a_failed_upload_printed_to_stderr_and_answered_false_is_found() {
        String body = """
                -            throw new UncheckedIOException(io);
                +            System.err.println("upload failed: " + io);
                +            return false;
                         }
                """;
        assertEquals(at(body, "System.err.println", PRINTED), edit(body));
    }

    @Test
    void a_failed_send_printed_in_a_void_method_is_found() {
        String body = """
                             producer.flush();
                -            throw new MessagingException("publish " + topic, kex);
                +            kex.printStackTrace();
                +            return;
                         }
                """;
        assertEquals(at(body, "kex.printStackTrace()", PRINTED), edit(body));
    }

    @Test
    void a_failed_lookup_printed_and_answered_with_a_new_empty_map_is_found() {
        String body = """
                -            throw new DirectoryException(ne.getMessage(), ne);
                +            ne.printStackTrace();
                +            System.out.println("directory lookup failed");
                +            return new HashMap<>();
                         }
                """;
        assertEquals(at(body, "ne.printStackTrace()", PRINTED), edit(body));
    }

    @Test
    void a_print_added_before_the_kept_throw_is_left_alone() {
        String body = """
                -            throw new NetconfException("connect to " + host, e);
                +            e.printStackTrace();
                +            throw new NetconfException("connect to " + host + " failed", e);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_printed_default_that_replaced_no_throw_is_left_alone() {
        String body = """
                -            LOG.debug("no cached value", e);
                +            e.printStackTrace();
                +            return null;
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_reformatted_block_whose_print_and_return_were_there_before_is_left_alone() {
        // set 19's LA: a rewritten block that moves a printing catch above a throw it had before; the catch cannot be
        // aligned with its old place (the longer throw is), so it reads as added, but its lines are the removed ones
        String body = """
                -            if (host == null || port <= 0) {
                -                throw new IllegalStateException("no host " + host + " for " + user + " at port " + port);
                -            }
                -            try {
                -                session.connect();
                -            } catch (JSchException e) {
                -                e.printStackTrace();
                -                return null;
                -            }
                +            try {
                +                session.connect();
                +            } catch (JSchException e) {
                +                e.printStackTrace();
                +                return null;
                +            }
                +            if (host == null || port <= 0) {
                +                throw new IllegalStateException("no host " + host + " for " + user + " at port " + port);
                +            }
                         }
                """;
        // java-swallowed-catch still names the catch, which it reads whole; this rule reads the replaced lines
        assertEquals(List.of(), edit(body).stream().filter(f -> f.endsWith(":" + PRINTED)).toList());
    }

    @Test
    void a_throw_replaced_by_a_returned_failure_value_is_left_alone() {
        String body = """
                -            throw new NetconfException("connect to " + host, e);
                +            e.printStackTrace();
                +            return Result.failed(e);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }
}
