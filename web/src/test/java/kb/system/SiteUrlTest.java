package kb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteUrlTest {

    @Test
    void links_point_at_the_port_the_server_listens_on_unless_a_site_url_is_set() {
        assertEquals("http://localhost:7070", SiteUrl.of(Map.of()));
        assertEquals("http://localhost:7312", SiteUrl.of(Map.of("KB_PORT", "7312")));
        assertEquals("https://kb.example.com",
                SiteUrl.of(Map.of("KB_PORT", "7312", "KB_SITE_URL", "https://kb.example.com/")));
        assertEquals("http://localhost:7070", SiteUrl.of(Map.of("KB_PORT", "not a port")),
                "the server refuses such a port itself; links keep the default");
    }

    @Test
    void a_site_url_that_is_not_http_is_refused_with_the_variable_named() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SiteUrl.of(Map.of("KB_SITE_URL", "javascript:alert(1)")));
        assertTrue(e.getMessage().contains("KB_SITE_URL"), e.getMessage());
    }
}
