package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request factories and builders a Spring RestTemplate is made from: their defaults wait without limit. */
class JavaHttpTimeoutsTest {

    private static final String CONFIG = """
            package a;

            class ClientConfig {
                RestTemplate restTemplate() {
                    %s
                }
            }
            """;

    @Test
    void a_rest_template_over_a_default_request_factory_has_no_timeouts() {
        assertEquals(List.of("5:TMO-01"), items("src/main/java/a/ClientConfig.java", CONFIG.formatted(
                "return new RestTemplate(new SimpleClientHttpRequestFactory());")));
        assertEquals(List.of("5:TMO-01"), items("src/main/java/a/ClientConfig.java", CONFIG.formatted("""
                HttpComponentsClientHttpRequestFactory f = new HttpComponentsClientHttpRequestFactory();
                        return new RestTemplate(f);""")));
    }

    @Test
    void a_request_factory_given_its_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ClientConfig.java", CONFIG.formatted("""
                SimpleClientHttpRequestFactory f = new SimpleClientHttpRequestFactory();
                        f.setConnectTimeout(2000);
                        f.setReadTimeout(5000);
                        return new RestTemplate(f);""")));
    }

    @Test
    void a_rest_template_builder_needs_its_timeouts_in_the_chain() {
        assertEquals(List.of("5:TMO-01"), items("src/main/java/a/ClientConfig.java", CONFIG.formatted(
                "return new RestTemplateBuilder().build();")));
        assertEquals(List.of(), items("src/main/java/a/ClientConfig.java", CONFIG.formatted(
                "return new RestTemplateBuilder().setConnectTimeout(Duration.ofSeconds(2))"
                        + ".setReadTimeout(Duration.ofSeconds(5)).build();")));
    }
}
