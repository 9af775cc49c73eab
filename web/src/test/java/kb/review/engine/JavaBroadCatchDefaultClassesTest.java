package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 25): a catch of everything (Exception, Throwable, RuntimeException, alone or in a multi-catch)
 * whose whole body answers a default, around work that fails for reasons outside the code (a file read, a remote
 * call, a query, a lookup, a decode of outside data). The defects vary the work, the default (a constant, null, an
 * empty Optional or list, an assignment) and the catch's type. The look-alikes catch the narrow failure and rethrow
 * the rest, log, say why in a comment, name the fallback in the method, or only convert a plain value.
 */
class JavaBroadCatchDefaultClassesTest {

    private static final String PATH = "src/main/java/com/acme/settings/Settings.java";
    private static final String RULE = "java-broad-catch-answers-default";

    private static List<String> err(String code) {
        return JavaS25Cases.review(PATH, code, "ERR-01");
    }

    @Test
    void a_settings_file_read_answered_with_null_is_found() {
        String code = """
                class Settings {
                    String proxyHost(Path file) {
                        try (InputStream in = Files.newInputStream(file)) {
                            Properties props = new Properties();
                            props.load(in);
                            return props.getProperty("proxy.host");
                        } catch (Exception e) {
                            return null;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (Exception e)", RULE), err(code));
    }

    @Test
    void a_remote_rate_answered_with_a_library_constant_is_found() {
        String code = """
                class Rates {
                    BigDecimal rate(String currency) {
                        try {
                            return ratesClient.fetchRate(currency).amount();
                        } catch (Throwable t) {
                            return BigDecimal.ONE;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (Throwable t)", RULE), err(code));
    }

    @Test
    void a_decoded_response_answered_with_the_defaults_object_is_found() {
        String code = """
                class FeatureFlags {
                    Flags flags(HttpResponse<String> response) {
                        try {
                            return mapper.readValue(response.body(), Flags.class);
                        } catch (Exception ex) {
                            return Flags.DEFAULTS;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (Exception ex)", RULE), err(code));
    }

    @Test
    void a_multi_catch_with_runtime_exception_assigning_a_default_limit_is_found() {
        String code = """
                class Limits {
                    int limit;
                    void reload(Path limitFile) {
                        try {
                            limit = Integer.parseInt(Files.readString(limitFile).strip());
                        } catch (RuntimeException | IOException e) {
                            limit = 100;
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (RuntimeException", RULE), err(code));
    }

    @Test
    void a_query_answered_with_an_empty_list_is_found() {
        String code = """
                class Tags {
                    List<String> tags(long id) {
                        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
                            ps.setLong(1, id);
                            List<String> out = new ArrayList<>();
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.add(rs.getString(1));
                                }
                            }
                            return out;
                        } catch (Exception e) {
                            return Collections.emptyList();
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (Exception e)", RULE), err(code));
    }

    @Test
    void a_directory_lookup_answered_with_an_empty_optional_is_found() {
        String code = """
                class Queues {
                    Optional<Queue> queue(String name) {
                        try {
                            return Optional.of((Queue) context.lookup("jms/" + name));
                        } catch (Exception e) {
                            return Optional.empty();
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "catch (Exception e)", RULE), err(code));
    }

    @Test
    void the_narrow_missing_file_default_with_a_rethrow_of_the_rest_is_clean() {
        String code = """
                class Ports {
                    int port(Path portFile) {
                        try {
                            return Integer.parseInt(Files.readString(portFile).trim());
                        } catch (NoSuchFileException e) {
                            return DEFAULT_PORT;
                        } catch (IOException | NumberFormatException e) {
                            throw new IllegalStateException("unreadable port file " + portFile, e);
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_broad_catch_that_logs_before_the_default_is_not_this_class() {
        String code = """
                class Rates {
                    BigDecimal rate(String currency) {
                        try {
                            return ratesClient.fetchRate(currency).amount();
                        } catch (Exception e) {
                            log.warn("rate service failed for {}", currency, e);
                            return BigDecimal.ONE;
                        }
                    }
                }
                """;
        assertEquals(List.of(), JavaEdits.item(JavaS25Cases.added(PATH, code), "ERR-01").stream()
                .filter(f -> f.endsWith(RULE)).toList());
    }

    @Test
    void a_comment_that_says_why_is_clean() {
        String code = """
                class Banner {
                    String banner(Path file) {
                        try {
                            return Files.readString(file);
                        } catch (Exception e) {
                            // the banner is decoration: a missing or unreadable file shows none
                            return "";
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_method_named_for_its_fallback_is_clean() {
        String code = """
                class Timeouts {
                    Duration readTimeoutOrDefault(Path file) {
                        try {
                            return Duration.parse(Files.readString(file).trim());
                        } catch (Exception e) {
                            return DEFAULT_TIMEOUT;
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_plain_conversion_helper_is_clean() {
        String code = """
                class Numbers {
                    static int toInt(String value) {
                        try {
                            return Integer.parseInt(value.trim());
                        } catch (Exception e) {
                            return 0;
                        }
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_one_statement_try_without_outside_work_in_a_method_that_does_file_work_is_clean() {
        String code = """
                class Folders {
                    void open(Path path) throws IOException {
                        Path root;
                        try {
                            root = Paths.get(rootFolder).toAbsolutePath().normalize();
                        } catch (Exception e) {
                            root = null;
                        }
                        Files.setPosixFilePermissions(path, PERMS);
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }
}
