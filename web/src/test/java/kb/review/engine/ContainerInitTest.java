package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Methods a container calls once per component by contract, without an annotation to say so: Spring's
 * {@code afterPropertiesSet()} and a filter's {@code init(FilterConfig)}. A pooled HTTP client built there is the
 * component's, as in a constructor (set 7's look-alike class: a singleton factory bean that builds its client when
 * its properties are set). The same construction in an ordinary method of the class runs per call and is reported.
 * The fixtures are written for this test. Findings are "line:item".
 */
class ContainerInitTest {

    private static String relay(String method) {
        return newFile("src/main/java/a/Relay.java", """
                package a;

                import org.apache.http.impl.client.CloseableHttpClient;
                import org.apache.http.impl.client.HttpClients;
                import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
                import org.springframework.beans.factory.InitializingBean;

                class Relay implements InitializingBean {
                    private Forwarder forwarder;

                    public void METHOD {
                        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
                        pool.setMaxTotal(32); pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(5000).build());
                        CloseableHttpClient http = HttpClients.custom().setConnectionManager(pool).build();
                        forwarder = new Forwarder(http);
                    }
                }
                """.replace("METHOD", method));
    }

    @Test
    void a_pool_built_when_the_bean_properties_are_set_belongs_to_the_bean() {
        assertEquals(List.of(), items(relay("afterPropertiesSet()")));
    }

    @Test
    void a_pool_built_in_a_filter_init_belongs_to_the_filter() {
        assertEquals(List.of(), items(relay("init(final javax.servlet.FilterConfig config)")));
    }

    @Test
    void the_same_pool_built_in_an_ordinary_method_is_built_per_call() {
        assertEquals(List.of("12:RES-04"), items(relay("reconnect(String target)")));
    }
}
