package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 25): a catch whose only handling is printing the exception to stderr (printStackTrace, or
 * System.err.println of the exception itself) and then answering "nothing" (null, empty, false): in a server the
 * print goes nowhere anyone reads, and the caller takes the answer for a real one. The defects vary the failure
 * (parsers of outside data, a wait, a security provider, a URI) and the answer. The look-alikes convert a plain value
 * and say what they fall back to, rethrow with the cause, or log.
 */
class JavaPrintedFailureClassesTest {

    private static final String PATH = "src/main/java/com/acme/feeds/Feeds.java";
    private static final String RULE = "java-swallowed-catch";

    private static List<String> err(String code) {
        return JavaS25Cases.review(PATH, code, "ERR-01");
    }

    @Test
    void a_remote_feed_that_fails_to_parse_printed_and_answered_empty_is_found() {
        String code = """
                class Feeds {
                    List<Entry> entries(InputStream body) {
                        try {
                            return reader.read(builder.parse(body));
                        } catch (SAXException e) {
                            e.printStackTrace();
                            return Collections.emptyList();
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (SAXException e)", RULE), err(code));
    }

    @Test
    void a_json_failure_printed_and_answered_null_is_found() {
        String code = """
                class Events {
                    Event event(String text) {
                        try {
                            return mapper.readValue(text, Event.class);
                        } catch (JsonProcessingException ex) {
                            ex.printStackTrace();
                            return null;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (JsonProcessingException ex)", RULE), err(code));
    }

    @Test
    void a_timed_out_wait_printed_to_stderr_and_answered_empty_is_found() {
        String code = """
                class Quotes {
                    Optional<Quote> quote(String symbol) {
                        try {
                            return Optional.of(pending.get(symbol).get(1, TimeUnit.SECONDS));
                        } catch (TimeoutException t) {
                            System.err.println(t);
                            return Optional.empty();
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (TimeoutException t)", RULE), err(code));
    }

    @Test
    void a_verification_failure_printed_and_answered_false_is_found() {
        String code = """
                class Tokens {
                    boolean verify(byte[] token, byte[] sig) {
                        try {
                            verifier.update(token);
                            return verifier.verify(sig);
                        } catch (GeneralSecurityException gse) {
                            gse.printStackTrace();
                            return false;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (GeneralSecurityException gse)", RULE), err(code));
    }

    @Test
    void a_bad_link_printed_and_answered_with_no_links_is_found() {
        String code = """
                class Links {
                    List<URI> links(String header) {
                        try {
                            return List.of(new URI(header));
                        } catch (URISyntaxException e) {
                            e.printStackTrace();
                            return List.of();
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (URISyntaxException e)", RULE), err(code));
    }

    @Test
    void a_plain_value_conversion_that_says_its_fallback_is_clean() {
        String code = """
                class Ports {
                    static int port(String text) {
                        try {
                            return Integer.parseInt(text);
                        } catch (NumberFormatException e) {
                            System.err.println("invalid port " + text + ", using " + DEFAULT_PORT);
                            return DEFAULT_PORT;
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_rethrow_with_the_cause_is_clean() {
        String code = """
                class Feeds {
                    List<Entry> entries(InputStream body) throws IOException {
                        try {
                            return reader.read(builder.parse(body));
                        } catch (SAXException e) {
                            throw new IOException("feed is not valid XML", e);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_logged_parse_failure_is_not_this_class() {
        String code = """
                class Events {
                    Optional<Event> event(String text) {
                        try {
                            return Optional.of(mapper.readValue(text, Event.class));
                        } catch (JsonProcessingException ex) {
                            log.warn("dropping malformed event", ex);
                            return Optional.empty();
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }
}
