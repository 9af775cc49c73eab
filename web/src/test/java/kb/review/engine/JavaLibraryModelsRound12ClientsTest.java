package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound12Test.items;
import static kb.review.engine.JavaLibraryModelsRound12Test.lineOf;
import static kb.review.engine.JavaLibraryModelsRound12Test.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-12 Java clients meant to be built once (Neo4j drivers, Cosmos DB clients; RES-04), and a session opened by
 * a helper per call against one a caching getter keeps (sshj), from content/rules/models/java-libraries-7.yaml. Split
 * from {@link JavaLibraryModelsRound12Test}, whose pair check they share: the defect is reported at the line that
 * builds or opens the value, and the look-alike is clean.
 */
class JavaLibraryModelsRound12ClientsTest {

    private static final String GRAPH_COUNT = """
            package a;

            import org.neo4j.driver.AuthTokens;
            import org.neo4j.driver.Driver;
            import org.neo4j.driver.GraphDatabase;
            import org.neo4j.driver.Session;

            public class NodeCount {
            %s
                public long count() {
                    try (Session session = driver().session()) {
                        return session.run("MATCH (n) RETURN count(n)").single().get(0).asLong();
                    }
                }
            }
            """;

    @Test
    void neo4j_driver_built_per_call_is_reported_and_one_built_by_the_constructor_is_clean() {
        String perCall = """
                    private final String uri;

                    public NodeCount(String uri) {
                        this.uri = uri;
                    }

                    private Driver driver() {
                        Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", "secret"));
                        driver.verifyConnectivity();
                        return driver;
                    }
                """;
        String once = """
                    private final Driver driver;

                    public NodeCount(String uri) {
                        this.driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", "secret"));
                    }

                    private Driver driver() {
                        return driver;
                    }
                """;
        String defect = GRAPH_COUNT.formatted(perCall);
        // named at the private provider's per-call call (session 45: where the blind rounds label it)
        assertEquals(List.of(lineOf(defect, "driver().session()") + ":RES-04"),
                items("src/main/java/a/NodeCount.java", defect));
        assertEquals(List.of(), items("src/main/java/a/NodeCount.java", GRAPH_COUNT.formatted(once)));
    }

    private static final String COSMOS = """
            package a;

            import com.azure.cosmos.CosmosClient;
            import com.azure.cosmos.CosmosClientBuilder;
            import com.azure.cosmos.models.CosmosItemResponse;

            public class Profiles {
                private final String endpoint;
                private final String key;
            %s
            }
            """;

    @Test
    void cosmos_client_built_per_request_is_reported_and_one_built_by_the_constructor_is_clean() {
        String perCall = """

                    public Profiles(String endpoint, String key) {
                        this.endpoint = endpoint;
                        this.key = key;
                    }

                    public Object find(String id) {
                        try (CosmosClient client = new CosmosClientBuilder().endpoint(endpoint).key(key).buildClient()) {
                            CosmosItemResponse<Object> item = client.getDatabase("app").getContainer("profiles")
                                    .readItem(id, new com.azure.cosmos.models.PartitionKey(id), Object.class);
                            return item.getItem();
                        }
                    }
                """;
        String once = """
                    private final CosmosClient client;

                    public Profiles(String endpoint, String key) {
                        this.endpoint = endpoint;
                        this.key = key;
                        this.client = new CosmosClientBuilder().endpoint(endpoint).key(key).buildClient();
                    }

                    public Object find(String id) {
                        CosmosItemResponse<Object> item = client.getDatabase("app").getContainer("profiles")
                                .readItem(id, new com.azure.cosmos.models.PartitionKey(id), Object.class);
                        return item.getItem();
                    }
                """;
        String defect = COSMOS.formatted(perCall);
        assertEquals(List.of(lineOf(defect, "new CosmosClientBuilder") + ":RES-04"), items("src/main/java/a/Profiles.java", defect));
        assertEquals(List.of(), items("src/main/java/a/Profiles.java", COSMOS.formatted(once)));
    }

    private static final String SSHJ = """
            package a;

            import java.io.IOException;
            import net.schmizz.sshj.SSHClient;
            import net.schmizz.sshj.connection.channel.direct.Session;

            public class Remote {
                private final SSHClient ssh;
                private Session session;

                public Remote(SSHClient ssh) {
                    this.ssh = ssh;
                }

                public String uptime() throws IOException {
                    Session s = session();
                    Session.Command command = s.exec("uptime");
                    try {
                        return new String(command.getInputStream().readAllBytes());
                    } finally {
                        command.close();
                    }
                }

                private Session session() throws IOException {
            %s
                }
            }
            """;

    @Test
    void sshj_session_opened_by_a_helper_per_call_is_reported_and_a_caching_getter_is_clean() {
        // a helper returning a fresh session hands it to its caller, who never closes it; a getter that keeps the
        // session it opens in a field lends the object's session (the object's close ends it)
        pair("src/main/java/a/Remote.java", SSHJ.formatted("        return ssh.startSession();"),
                SSHJ.formatted("""
                                Session s = this.session;
                                if (s == null || !s.isOpen()) {
                                    s = ssh.startSession();
                                    this.session = s;
                                }
                                return s;"""),
                "RES-01", "Session s = session();");
    }
}
