package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java: an edit that takes the handling out of a catch it keeps (a rethrow, a log line, a counter) and leaves
 * only a comment in its place. The comment says the failure is absorbed on purpose; the item asks exactly that case to
 * be "logged with context and counted, so it is seen", and a comment is seen by nobody at run time: a failed listing,
 * query or send now returns a partial or empty result and the caller carries on. The defects vary the library (NIO,
 * JDBC, JMS, an HTTP client), the comment's form (line, block, several lines) and the layout (a catch in a lambda, a
 * multi-catch, a header the edit rewrites). The look-alikes keep a statement in the catch (a log, a fallback), only
 * reword a comment that was already alone there, move the rethrow out of the catch, or close quietly.
 */
class JavaCommentedCatchClassesTest {

    private static final String PATH = "src/main/java/com/example/store/Catalogue.java";

    private static List<String> err(String body) {
        return JavaEdits.item(JavaEdits.edit(PATH, 40, body), "ERR-01");
    }

    private static String at(String body, String marker) {
        return JavaEdits.newLine(40, body, marker) + ":" + EmptiedCatches.RULE;
    }

    @Test
    void a_rethrow_replaced_by_a_line_comment_is_found() {
        String body = """
                         try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                             for (Path p : entries) {
                                 names.add(p.getFileName().toString());
                             }
                         } catch (IOException failure) {
                -            throw new UncheckedIOException("cannot list " + root, failure);
                +            // the directory may be gone by now: answer with what was read
                         }
                         return names;
                """;
        assertEquals(List.of(at(body, "catch (IOException")), err(body));
    }

    @Test
    void a_log_line_replaced_by_a_block_comment_after_a_query_is_found() {
        String body = """
                         try (PreparedStatement st = connection.prepareStatement(SQL_PRICES)) {
                             st.setLong(1, sku);
                             fill(prices, st.executeQuery());
                         } catch (SQLException e) {
                -            log.warn("price lookup for {} failed", sku, e);
                -            lookupFailures.increment();
                +            /* prices are optional here */
                         }
                """;
        assertEquals(List.of(at(body, "catch (SQLException")), err(body));
    }

    @Test
    void a_send_failure_whose_handling_became_two_comment_lines_in_a_lambda_is_found() {
        String body = """
                         batch.forEach(message -> {
                             try {
                                 producer.send(destination, message);
                -            } catch (JMSException | IllegalStateException ex) {
                -                throw new DeliveryException("send to " + destination, ex);
                +            } catch (JMSException | IllegalStateException ex) {
                +                // a lost message is retried by the next sweep
                +                // (the sweep re-reads unacknowledged rows)
                             }
                         });
                """;
        assertEquals(List.of(at(body, "+            } catch (JMSException")), err(body));
    }

    @Test
    void a_remote_call_whose_fallback_statement_became_a_comment_is_found() {
        String body = """
                         try {
                             rates = client.fetchRates(currency);
                         } catch (RestClientException e) {
                -            return Optional.empty();
                +            // keep the rates of the last refresh
                         }
                         return Optional.ofNullable(rates);
                """;
        assertEquals(List.of(at(body, "catch (RestClientException")), err(body));
    }

    @Test
    void a_catch_that_keeps_a_statement_beside_its_comment_is_clean() {
        assertEquals(List.of(), err("""
                         try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                             entries.forEach(p -> names.add(p.toString()));
                         } catch (IOException failure) {
                -            throw new UncheckedIOException("cannot list " + root, failure);
                +            // the directory may be gone by now: answer with what was read
                +            log.warn("listing {} stopped early", root, failure);
                         }
                """));
        assertEquals(List.of(), err("""
                         try {
                             rates = client.fetchRates(currency);
                         } catch (RestClientException e) {
                -            throw e;
                +            // keep the rates of the last refresh, and say so
                +            staleRates.increment();
                         }
                """));
    }

    @Test
    void a_comment_reworded_in_a_catch_that_only_held_a_comment_is_clean() {
        assertEquals(List.of(), err("""
                         try {
                             Files.deleteIfExists(lockFile);
                         } catch (IOException e) {
                -            // ignore
                +            // the lock file is advisory: a leftover one is replaced on the next start
                         }
                """));
    }

    @Test
    void a_rethrow_moved_out_of_the_catch_is_clean() {
        assertEquals(List.of(), err("""
                         IOException failure = null;
                         try {
                             body = reader.readAll();
                         } catch (IOException e) {
                -            throw new UncheckedIOException("read " + name, e);
                +            // rethrown below, after the reader is released
                +            failure = e;
                         }
                """));
        assertEquals(List.of(), err("""
                         try {
                             stream.close();
                         } catch (IOException e) {
                -            log.debug("close failed", e);
                +            // closing quietly: the content is already written
                         }
                """));
    }

    @Test
    void an_interrupt_whose_catch_became_a_comment_is_left_to_the_interrupt_rule() {
        assertEquals(List.of(), err("""
                         try {
                             worker.join(timeoutMillis);
                         } catch (InterruptedException e) {
                -            throw new IllegalStateException("interrupted while joining", e);
                +            // shutting down anyway
                         }
                """));
    }
}
