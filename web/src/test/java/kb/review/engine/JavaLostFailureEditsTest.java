package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 26): three classes of a lost failure that need no catch header in sight.
 * <ul>
 * <li>{@code java-rethrow-keeps-only-cause}: a new exception built from the caught one's message and its cause, not
 * from the caught exception itself; a wrapper whose cause is the real failure may be unwrapped.</li>
 * <li>{@code java-edit-drops-rethrow-cause}: an edit whose rethrow passed the caught exception as its cause and now
 * passes only its message (or nothing).</li>
 * <li>{@code java-throw-replaced-by-print-and-default}: an edit that replaces a throw with a printed stack trace and
 * a default return ({@link JavaThrowReplacedByPrintTest}).</li>
 * </ul>
 * The edits start below the method and catch headers, as a hunk of a long method does.
 */
class JavaLostFailureEditsTest {

    private static final String PATH = "src/main/java/org/harbor/dock/Berth.java";
    private static final String ONLY_CAUSE = "java-rethrow-keeps-only-cause";
    private static final String CAUSE_EDIT = "java-edit-drops-rethrow-cause";
    static final String PRINTED = "java-throw-replaced-by-print-and-default";
    private static final int START = 57;

    static List<String> edit(String body) {
        return JavaEdits.item(JavaEdits.edit(PATH, START, body), "ERR-01");
    }

    static List<String> at(String body, String marker, String rule) {
        return List.of(JavaEdits.newLine(START, body, marker) + ":" + rule);
    }

    static List<String> whole(String code) {
        return JavaS25Cases.review(PATH, code, "ERR-01");
    }

    // --- java-rethrow-keeps-only-cause ---

    @Test
    void a_bus_failure_thrown_as_io_with_its_text_and_cause_is_found() {
        String body = """
                             if (link != null) {
                                 link.hangUp();
                             }
                -            throw new IOException("cannot open the keyring", e);
                +            throw new IOException(e.toString(), e.getCause());
                         }
                """;
        assertEquals(at(body, "e.getCause()", ONLY_CAUSE), edit(body));
    }

    @Test
    void a_storage_exception_built_from_the_message_and_cause_of_a_sql_error_is_found() {
        String code = """
                class Ledger {
                    void append(Entry entry) {
                        try (PreparedStatement ps = db.prepareStatement(INSERT)) {
                            ps.setString(1, entry.id());
                            ps.executeUpdate();
                        } catch (SQLException sqlErr) {
                            throw new StorageException("append " + entry.id() + ": " + sqlErr.getMessage(), sqlErr.getCause());
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "sqlErr.getCause()", ONLY_CAUSE), whole(code));
    }

    @Test
    void a_failure_handed_to_a_future_as_a_new_error_of_the_cause_is_found() {
        String code = """
                class Uploader {
                    void push(Blob blob, CompletableFuture<Void> done) {
                        try {
                            bucket.write(blob.key(), blob.bytes());
                            done.complete(null);
                        } catch (BucketException ex) {
                            done.completeExceptionally(new UploadFailedException(ex.getMessage(), ex.getCause()));
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "ex.getCause()", ONLY_CAUSE), whole(code));
    }

    @Test
    void a_runtime_exception_of_the_cause_alone_after_a_key_store_failure_is_found() {
        String body = """
                             store.load(in, secret);
                         } catch (GeneralSecurityException failure) {
                -            throw new KeyStoreUnavailable(failure);
                +            throw new RuntimeException(failure.getCause());
                         }
                """;
        assertEquals(at(body, "failure.getCause()", ONLY_CAUSE), edit(body));
    }

    @Test
    void a_parse_error_wrapped_with_a_literal_message_and_the_cause_is_found() {
        String body = """
                +        } catch (SAXException xmlProblem) {
                +            throw new ConfigurationError("feed.xml is unreadable", xmlProblem.getCause());
                +        }
                """;
        assertEquals(at(body, "xmlProblem.getCause()", ONLY_CAUSE), edit(body));
    }

    @Test
    void unwrapping_a_reflective_call_or_a_future_is_left_alone() {
        String code = """
                class Invoker {
                    Object call(Method m, Object target) {
                        try {
                            return m.invoke(target);
                        } catch (InvocationTargetException ite) {
                            throw new HandlerException(ite.getMessage(), ite.getCause());
                        } catch (IllegalAccessException iae) {
                            throw new HandlerException("not accessible: " + m, iae);
                        }
                    }
                    Result await(Future<Result> f) throws Exception {
                        try {
                            return f.get();
                        } catch (ExecutionException ee) {
                            throw new JobFailedException("job failed", ee.getCause());
                        }
                    }
                }
                """;
        assertEquals(List.of(), whole(code));
    }

    @Test
    void the_caught_exception_passed_as_the_cause_is_left_alone() {
        String body = """
                         } catch (IOException e) {
                             log.error("cannot open the keyring: {}", e.getCause(), e);
                             throw new IOException("cannot open the keyring: " + e.getCause(), e);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_cause_read_for_a_test_or_a_message_is_left_alone() {
        String code = """
                class Replies {
                    Reply send(Request r) {
                        try {
                            return channel.call(r);
                        } catch (RpcException e) {
                            if (e.getCause() instanceof ConnectException) {
                                throw new PeerDownException("peer down: " + e.getCause().getMessage(), e);
                            }
                            throw e;
                        }
                    }
                }
                """;
        assertEquals(List.of(), whole(code));
    }

    // --- java-edit-drops-rethrow-cause ---

    @Test
    void a_cause_replaced_by_its_message_in_a_rethrow_is_found() {
        String body = """
                             return table;
                         } catch (IOException e) {
                -            throw new ArchiveException("read table of " + apk.getName(), e);
                +            throw new ArchiveException("read table of " + apk.getName() + ": " + e.getMessage());
                         }
                """;
        // the header is in sight here, so java-rethrow-drops-cause reports the line and the backstop stays silent
        assertEquals(at(body, "+ \": \" + e.getMessage()", "java-rethrow-drops-cause"), edit(body));
    }

    @Test
    void a_cause_dropped_below_the_catch_header_is_found() {
        String body = """
                             writer.flush();
                -            throw new TransferException("copy to " + target, cause);
                +            throw new TransferException("copy to " + target);
                         }
                """;
        assertEquals(at(body, "(\"copy to \" + target);", CAUSE_EDIT), edit(body));
    }

    @Test
    void a_wrapper_turned_into_a_message_of_the_cause_is_found() {
        String body = """
                                 .orElseThrow();
                -            throw new IllegalStateException("session lost", ex);
                +            throw new IllegalStateException("session lost: " + ex.getMessage());
                         }
                """;
        assertEquals(at(body, "session lost: ", CAUSE_EDIT), edit(body));
    }

    @Test
    void a_cause_joined_into_the_message_instead_of_attached_is_found() {
        // round 23's java-10: the caught exception is only concatenated, so its text survives and its stack does not
        String body = """
                                 .orElseThrow();
                -            throw new StoreException("read of " + file, failure);
                +            throw new StoreException("read of " + file + " [" + failure + ']');
                         }
                """;
        assertEquals(at(body, "\" [\" + failure", CAUSE_EDIT), edit(body));
    }

    @Test
    void a_catch_in_sight_whose_rethrow_only_concatenates_the_exception_is_found_and_one_that_attaches_it_is_not() {
        String code = """
                class Meta {
                    Object read(java.io.File metaFile) throws StoreException {
                        try (java.io.ObjectInputStream in = open(metaFile)) {
                            return in.readObject();
                        } catch (java.io.IOException | ClassNotFoundException e) {
                            throw new StoreException("cannot read " + metaFile + " [" + e + ']');
                        }
                    }
                    Object readKept(java.io.File metaFile) throws StoreException {
                        try (java.io.ObjectInputStream in = open(metaFile)) {
                            return in.readObject();
                        } catch (java.io.IOException | ClassNotFoundException e) {
                            throw new StoreException("cannot read " + metaFile + " [" + e + ']', e);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "\" [\" + e + ']');", "java-rethrow-drops-cause"), whole(code));
    }

    @Test
    void a_cause_swapped_for_a_new_error_code_is_found() {
        String body = """
                                 conn.rollback();
                -                throw new DaoException(Codes.WRITE_FAILED, sqlEx);
                +                throw new DaoException(Codes.WRITE_FAILED);
                             }
                """;
        assertEquals(at(body, "(Codes.WRITE_FAILED);", CAUSE_EDIT), edit(body));
    }

    @Test
    void a_runtime_rethrow_that_now_names_the_failure_only_by_its_text_is_found() {
        String body = """
                -            throw new UncheckedIOException("read " + path, ioe);
                +            throw new RuntimeException(ioe.toString());
                         }
                     }
                """;
        assertEquals(at(body, "ioe.toString()", CAUSE_EDIT), edit(body));
    }

    @Test
    void a_rethrow_reworded_with_the_cause_kept_is_left_alone() {
        String body = """
                             writer.flush();
                -            throw new TransferException("copy to " + target, cause);
                +            throw new TransferException("copy of " + source + " to " + target + " failed", cause);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_cause_logged_in_the_same_change_is_left_alone() {
        String body = """
                -            throw new TransferException("copy to " + target, cause);
                +            LOG.warn("copy to {} failed", target, cause);
                +            throw new TransferException("copy to " + target);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void an_answer_of_bad_input_reworded_is_left_alone() {
        String body = """
                -            throw new IllegalArgumentException("bad port " + text, nfe);
                +            throw new IllegalArgumentException("port must be a number, got " + text);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_last_argument_that_is_a_page_not_a_cause_is_left_alone() {
        String body = """
                -            throw new RedirectException("upload refused", errorPage);
                +            throw new RedirectException("upload refused: too large", nextPage);
                         }
                """;
        assertEquals(List.of(), edit(body));
    }

    @Test
    void a_failure_logged_with_its_stack_right_above_the_rethrow_is_left_alone() {
        String body = """
                         } catch (final StoreException storeErr) {
                             LOG.error("could not save the entry", storeErr);
                -            throw new ServletException("could not save the entry", storeErr);
                +            throw new ServletException("could not save the entry");
                         }
                """;
        assertEquals(List.of(), edit(body));
    }
}
