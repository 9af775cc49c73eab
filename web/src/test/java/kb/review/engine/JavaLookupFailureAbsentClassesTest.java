package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java: a catch of a failure of the work (a database, remote client or directory lookup) that logs it and
 * answers with the value the method also gives when the work succeeds and finds nothing: null or an empty Optional or
 * list from a lookup, zero from a count, false from a write. The caller cannot tell "could not look" from "nothing
 * there" and decides on it; a log line is not the rethrow, and not the log-and-count the item asks for a deliberate
 * absorption. The defects vary the failure (a multi-catch of a graph client's exceptions, Spring's
 * DataAccessException and RestClientException, JDBC, gRPC, JNDI, an HTTP call's IOException), the answer and the log
 * level. The look-alikes read optional data from local disk, count the failure, name the fallback in the method's
 * name, say why in a comment, only fail on their input, or rethrow.
 */
class JavaLookupFailureAbsentClassesTest {

    private static final String PATH = "src/main/java/com/example/directory/Lookups.java";

    private static List<String> err(String body) {
        return JavaEdits.item(JavaEdits.edit(PATH, 20, added(body)), "ERR-01");
    }

    private static List<String> at(String body, String marker) {
        return List.of(JavaEdits.newLine(20, added(body), marker) + ":java-failure-returned-as-result");
    }

    /** A body written with kept rows only becomes new code: every row added. */
    private static String added(String body) {
        if (body.lines().anyMatch(r -> r.startsWith("+") || r.startsWith("-"))) {
            return body;
        }
        return body.lines().map(r -> r.isEmpty() ? "+" : "+" + r.substring(1)).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void a_multi_catch_of_client_failures_logged_and_answered_with_null_is_found() {
        String body = """
                         try {
                             ResultSet result = session.execute(statement);
                             return result;
                         } catch (IOErrorException | AuthFailedException | NotValidConnectionException e) {
                -            throw new QueryException("graph unavailable for " + space, e);
                +            log.warn("graph statement failed in {}", space, e);
                +            return null;
                         }
                """;
        assertEquals(at(body, "catch (IOErrorException"), err(body));
    }

    @Test
    void a_data_access_failure_logged_at_debug_and_counted_as_zero_rows_is_found() {
        String body = """
                             for (Row row : rows) {
                                 sink.write(row);
                                 written++;
                             }
                             return written;
                         } catch (DataAccessException e) {
                             log.debug("export stopped early", e);
                             return 0;
                         }
                """;
        assertEquals(at(body, "catch (DataAccessException"), err(body));
    }

    @Test
    void a_rest_client_failure_answered_with_an_empty_optional_is_found() {
        String body = """
                     public Optional<Profile> profile(String userId) {
                         try {
                             Profile body = rest.getForObject(PROFILE_URL, Profile.class, userId);
                             return Optional.ofNullable(body);
                         } catch (RestClientException ex) {
                             LOGGER.error("profile service failed for {}", userId, ex);
                             return Optional.empty();
                         }
                     }
                """;
        assertEquals(at(body, "catch (RestClientException"), err(body));
    }

    @Test
    void a_jdbc_query_failure_answered_with_an_empty_list_is_found() {
        String body = """
                     List<Invoice> open(long customer) {
                         try (PreparedStatement ps = connection.prepareStatement(OPEN_INVOICES)) {
                             ps.setLong(1, customer);
                             return map(ps.executeQuery());
                         } catch (SQLException e) {
                             logger.warn("open invoices of {} not read", customer, e);
                             return Collections.emptyList();
                         }
                     }
                """;
        assertEquals(at(body, "catch (SQLException"), err(body));
    }

    @Test
    void a_grpc_status_failure_and_a_jndi_lookup_answered_with_null_are_found() {
        String grpc = """
                         try {
                             ProfileReply reply = stub.getProfile(request);
                             return reply.getProfile();
                         } catch (StatusRuntimeException e) {
                             LOG.info("profile rpc failed: {}", e.getStatus());
                             return null;
                         }
                """;
        assertEquals(at(grpc, "catch (StatusRuntimeException"), err(grpc));
        String ldap = """
                         try {
                             Attributes attrs = context.getAttributes("uid=" + uid + ",ou=people");
                             return String.valueOf(attrs.get("mail").get());
                         } catch (NamingException e) {
                             log.warn("directory lookup of {} failed", uid, e);
                             return null;
                         }
                """;
        assertEquals(at(ldap, "catch (NamingException"), err(ldap));
    }

    @Test
    void an_http_call_failure_logged_and_answered_with_false_is_found() {
        String body = """
                         try (Response response = client.newCall(request).execute()) {
                             return response.isSuccessful();
                         } catch (IOException e) {
                             log.warn("webhook to {} failed", url, e);
                             return false;
                         }
                """;
        assertEquals(at(body, "catch (IOException"), err(body));
    }

    @Test
    void optional_data_read_from_local_disk_answered_with_null_is_not_reported() {
        String body = """
                         try (InputStream in = Files.newInputStream(templates.resolve(name))) {
                             return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                         } catch (IOException e) {
                             log.debug("no template {}", name, e);
                             return null;
                         }
                """;
        assertEquals(List.of(), err(body));
    }

    @Test
    void a_failure_that_is_counted_or_explained_is_not_reported() {
        String counted = """
                         try {
                             return jdbc.queryForObject(SQL_BALANCE, Long.class, account);
                         } catch (DataAccessException e) {
                             log.warn("balance of {} not read", account, e);
                             balanceFailures.increment();
                             return null;
                         }
                """;
        assertEquals(List.of(), err(counted));
        String explained = """
                         try {
                             return rest.getForObject(AVATAR_URL, byte[].class, user);
                         } catch (RestClientException e) {
                             // avatars are decoration: the page renders initials instead
                             log.debug("avatar of {} not fetched", user, e);
                             return null;
                         }
                """;
        assertEquals(List.of(), err(explained));
    }

    @Test
    void a_method_named_for_its_fallback_or_a_rethrow_is_not_reported() {
        String named = """
                     public Profile findProfileOrNull(String userId) {
                         try {
                             return rest.getForObject(PROFILE_URL, Profile.class, userId);
                         } catch (RestClientException ex) {
                             LOGGER.warn("profile service failed for {}", userId, ex);
                             return null;
                         }
                     }
                """;
        assertEquals(List.of(), err(named));
        String rethrown = """
                         try {
                             return reply(stub.getProfile(request));
                         } catch (StatusRuntimeException e) {
                             log.warn("profile rpc failed", e);
                             throw new ProfileUnavailableException(request.getUserId(), e);
                         }
                """;
        assertEquals(List.of(), err(rethrown));
    }

    @Test
    void a_failure_of_the_input_answered_with_zero_is_not_reported() {
        String body = """
                         try {
                             return Integer.parseInt(header.trim());
                         } catch (NumberFormatException e) {
                             log.warn("bad retry header {}", header);
                             return 0;
                         }
                """;
        assertEquals(List.of(), err(body));
    }
}
