package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 25): a catch that throws a new exception without the one it caught (no cause argument, no
 * initCause, no addSuppressed, not logged), or with only its message. The defects vary the caught failure (JDBC, I/O,
 * JSON, a future's wait, a security provider), the thrown type (one without a cause constructor among them) and the
 * way the cause is lost. The look-alikes pass the cause, attach it by initCause, log it, or translate a failure of
 * the input or an absent value into the caller's own answer.
 */
class JavaLostCauseClassesTest {

    private static final String PATH = "src/main/java/com/acme/store/Store.java";
    private static final String RULE = "java-rethrow-drops-cause";

    private static List<String> err(String code) {
        return JavaS25Cases.review(PATH, code, "ERR-01");
    }

    @Test
    void a_resource_error_code_thrown_without_its_sql_exception_is_found() {
        String code = """
                class LocalResource {
                    void end(Xid xid) throws XAException {
                        try {
                            connection.setAutoCommit(previous);
                        } catch (SQLException sqlError) {
                            throw new XAException(XAException.XAER_RMFAIL);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new XAException", RULE), err(code));
    }

    @Test
    void an_io_failure_turned_into_an_illegal_state_without_cause_is_found() {
        String code = """
                class Manifests {
                    Manifest read(Path path) {
                        try (InputStream in = Files.newInputStream(path)) {
                            return new Manifest(in);
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read manifest " + path);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new IllegalStateException", RULE), err(code));
    }

    @Test
    void only_the_message_of_a_json_failure_handed_on_is_found() {
        String code = """
                class Payloads {
                    Order decode(String body) {
                        try {
                            return mapper.readValue(body, Order.class);
                        } catch (JsonProcessingException jpe) {
                            throw new BadPayloadException(jpe.getMessage());
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new BadPayloadException", RULE), err(code));
    }

    @Test
    void a_failed_wait_thrown_as_unavailable_after_a_log_line_without_the_exception_is_found() {
        String code = """
                class Search {
                    Hits search(Query q) {
                        try {
                            return pending.get(2, TimeUnit.SECONDS);
                        } catch (TimeoutException | ExecutionException e) {
                            LOG.error("search backend did not answer");
                            throw new ServiceUnavailableException("search backend");
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new ServiceUnavailableException", RULE), err(code));
    }

    @Test
    void a_security_failure_rethrown_as_its_string_is_found() {
        String code = """
                class Signer {
                    byte[] sign(byte[] data) {
                        try {
                            Signature s = Signature.getInstance("SHA256withECDSA");
                            s.initSign(key);
                            s.update(data);
                            return s.sign();
                        } catch (GeneralSecurityException gse) {
                            throw new RuntimeException("signing failed: " + gse.toString());
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new RuntimeException", RULE), err(code));
    }

    @Test
    void the_cause_passed_is_clean() {
        String code = """
                class Manifests {
                    Manifest read(Path path) {
                        try (InputStream in = Files.newInputStream(path)) {
                            return new Manifest(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read manifest " + path, e);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_cause_attached_by_init_cause_is_clean() {
        String code = """
                class LocalResource {
                    void end(Xid xid) throws XAException {
                        try {
                            connection.setAutoCommit(previous);
                        } catch (SQLException sqlError) {
                            XAException failed = new XAException(XAException.XAER_RMFAIL);
                            failed.initCause(sqlError);
                            throw failed;
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_logged_exception_is_clean() {
        String code = """
                class Search {
                    Hits search(Query q) {
                        try {
                            return pending.get(2, TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
                            LOG.warn("search backend slow for {}", q, e);
                            throw new ServiceUnavailableException("search backend");
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void an_input_conversion_failure_translated_into_an_argument_error_is_clean() {
        String code = """
                class Ports {
                    static int port(String text) {
                        try {
                            return Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("port must be a number: " + text);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void an_absent_row_translated_into_not_found_is_clean() {
        String code = """
                class Users {
                    User user(long id) {
                        try {
                            return jdbc.queryForObject(BY_ID, mapper, id);
                        } catch (EmptyResultDataAccessException e) {
                            throw new UserNotFoundException(id);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    // Set 18's KM (judged on the merge of session 25): bad input answered as bad input keeps no cause.

    @Test
    void an_api_parameter_that_does_not_parse_answered_as_an_illegal_parameter_is_clean() {
        String code = """
                class Settings {
                    Mode mode(Params params) throws ApiError {
                        try {
                            return Mode.valueOf(params.text("mode"));
                        } catch (Exception e) {
                            throw new ApiError(ApiError.Kind.ILLEGAL_PARAMETER, "mode");
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void an_upload_over_its_size_limit_answered_with_an_error_page_is_clean() {
        String code = """
                class Uploads {
                    List<Part> parts(Request request) throws Redirect {
                        try {
                            return parser.parse(request);
                        } catch (FileSizeLimitExceededException tooBig) {
                            throw new Redirect("upload too large: " + tooBig.getMessage(), errorPage);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_malformed_escape_past_the_end_of_the_array_is_clean() {
        String code = """
                class Escapes {
                    byte[] decode(byte[] in) throws DecodeError {
                        try {
                            return unescape(in);
                        } catch (ArrayIndexOutOfBoundsException e) {
                            throw new DecodeError("truncated escape: " + e.getMessage());
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_server_failure_answered_as_an_internal_error_without_cause_is_still_found() {
        String code = """
                class Accounts {
                    Account create(NewAccount request) throws ApiError {
                        try {
                            return registry.register(request);
                        } catch (RegistryException e) {
                            throw new ApiError(ApiError.Kind.INTERNAL_ERROR, "could not create the account");
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new ApiError", RULE), err(code));
    }
}
