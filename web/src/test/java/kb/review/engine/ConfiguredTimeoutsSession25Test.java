package kb.review.engine;

import static kb.review.engine.RemoteSessionsSession25Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's TMO-01 shapes (README "javares25 (session 25)"): jOOQ queries that each set {@code queryTimeout},
 * timeouts set whenever the configuration gives one, and a factory whose client another method of the file
 * configures. Split from {@link RemoteSessionsSession25Test}; findings are compared as "line:item".
 */
class ConfiguredTimeoutsSession25Test {

    @Test
    void a_jooq_context_whose_every_query_sets_query_timeout_is_clean() {
        assertEquals(List.of(), items("src/main/java/club/members/MemberStore.java", """
            package club.members;

            import javax.sql.DataSource;
            import org.jooq.DSLContext;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;

            public class MemberStore {
                private final DSLContext db;

                public MemberStore(DataSource ds) {
                    this.db = DSL.using(ds, SQLDialect.POSTGRES);
                }

                public int count(String club) {
                    return db.selectCount().from(DSL.table("members")).where(DSL.field("club").eq(club)).queryTimeout(5).fetchOne(0, int.class);
                }

                public void rename(String id, String name) {
                    db.update(DSL.table("members")).set(DSL.field("name"), name).where(DSL.field("id").eq(id))
                            .queryTimeout(5)
                            .execute();
                }
            }
            """));
    }

    @Test
    void a_jooq_context_with_one_query_without_query_timeout() {
        assertEquals(List.of("12:TMO-01"), items("src/main/java/club/members/MemberAdmin.java", """
            package club.members;

            import javax.sql.DataSource;
            import org.jooq.DSLContext;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;

            public class MemberAdmin {
                private final DSLContext db;

                public MemberAdmin(DataSource ds) {
                    this.db = DSL.using(ds, SQLDialect.POSTGRES);
                }

                public int count(String club) {
                    return db.selectCount().from(DSL.table("members")).where(DSL.field("club").eq(club)).queryTimeout(5).fetchOne(0, int.class);
                }

                public void purge(String club) {
                    db.deleteFrom(DSL.table("members")).where(DSL.field("club").eq(club)).execute();
                }
            }
            """));
    }

    @Test
    void an_ftp_factory_setting_timeouts_whenever_configured_is_clean() {
        assertEquals(List.of(), items("src/main/java/edi/transfer/FtpFactory.java", """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;

            public class FtpFactory {
                public FTPClient create(FtpSettings settings) {
                    FTPClient client = new FTPClient();
                    Integer connectTimeout = settings.connectTimeoutMillis();
                    if (connectTimeout != null) {
                        client.setConnectTimeout(connectTimeout);
                        client.setDefaultTimeout(connectTimeout);
                    }
                    client.setControlEncoding("UTF-8");
                    return client;
                }
            }
            """));
    }

    @Test
    void a_request_config_setting_the_response_timeout_whenever_configured_is_clean() {
        assertEquals(List.of(), items("src/main/java/rest/call/ClientFactory.java", """
            package rest.call;

            import org.apache.hc.client5.http.config.RequestConfig;
            import org.apache.hc.core5.util.Timeout;

            public class ClientFactory {
                public RequestConfig config(Settings settings) {
                    RequestConfig.Builder rc = RequestConfig.custom();
                    if (settings.getReadTimeout() != null) {
                        rc.setResponseTimeout(Timeout.ofMilliseconds(settings.getReadTimeout()));
                    }
                    rc.setRedirectsEnabled(false);
                    return rc.build();
                }
            }
            """));
    }

    @Test
    void an_ftp_client_whose_timeout_is_set_on_one_branch_only() {
        assertEquals(List.of("7:TMO-01"), items("src/main/java/edi/transfer/FtpFactory2.java", """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;

            public class FtpFactory2 {
                public FTPClient create(boolean slowLink) {
                    FTPClient client = new FTPClient();
                    if (slowLink) {
                        client.setDefaultTimeout(120000);
                    }
                    return client;
                }
            }
            """));
    }

    private static final String FTP_FACTORY = """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;
            import org.apache.commons.net.ftp.FTPSClient;

            public class Clients {
                public FTPClient open(Settings settings) throws Exception {
                    FTPClient client = create(settings.secure());
                    CONFIGURE
                    client.connect(settings.host());
                    return client;
                }

                private static FTPClient create(boolean secure) {
                    if (!secure) {
                        return new FTPClient();
                    }
                    FTPSClient client = new FTPSClient(true);
                    client.setEndpointCheckingEnabled(true);
                    return client;
                }
            HELPER
            }
            """;

    @Test
    void a_factory_whose_client_a_configure_method_of_the_file_gives_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/edi/transfer/Clients.java", FTP_FACTORY
                .replace("CONFIGURE", "configure(client, settings);")
                .replace("HELPER", """
                    private static void configure(FTPClient c, Settings settings) {
                        Integer t = settings.timeoutMillis();
                        if (t != null) {
                            c.setConnectTimeout(t);
                            c.setDefaultTimeout(t);
                        }
                    }
                """)));
    }

    @Test
    void a_factory_whose_client_nothing_in_the_file_gives_timeouts_is_reported() {
        assertEquals(List.of("18:TMO-01"), items("src/main/java/edi/transfer/Clients.java", FTP_FACTORY
                .replace("CONFIGURE", "client.setControlEncoding(\"UTF-8\");").replace("HELPER", "")));
    }
}
