package kb.system;

import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two features share {@code /incidents}: one owns {@code {id}}, the other {@code new}, {@code {id}.md} and
 * {@code {id}/edit}. Mounted in either order, every URL reaches the same handler. (The app itself mounts
 * the incident pages before authoring's, the order that used to send {@code /incidents/new} to the
 * incident page; the editor tests cover that.)
 */
class RouteTableTest {

    private static final EndpointGroup READING = () -> path("incidents", () -> {
        get(ctx -> ctx.result("list"));
        get("{id}", ctx -> ctx.result("show " + ctx.pathParam("id")));
    });

    private static final EndpointGroup WRITING = () -> path("incidents", () -> {
        get("new", ctx -> ctx.result("new form"));
        get("{id}.md", ctx -> ctx.result("markdown " + ctx.pathParam("id")));
        path("{id}", () -> get("edit", ctx -> ctx.result("edit " + ctx.pathParam("id"))));
    });

    private static final Map<String, String> EXPECTED = Map.of(
            "/incidents", "list",
            "/incidents/new", "new form",
            "/incidents/pool-leak", "show pool-leak",
            "/incidents/pool-leak.md", "markdown pool-leak",
            "/incidents/pool-leak/edit", "edit pool-leak");

    @Test
    void every_url_reaches_the_same_handler_whichever_feature_is_mounted_first() throws Exception {
        for (List<EndpointGroup> order : List.of(List.of(READING, WRITING), List.of(WRITING, READING))) {
            Javalin app = Javalin.create(config -> RouteTable.mount(config.routes, () -> order.forEach(EndpointGroup::addEndpoints)))
                    .start(0);
            try {
                HttpClient client = HttpClient.newHttpClient();
                for (var e : EXPECTED.entrySet()) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port() + e.getKey())).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), e.getKey());
                    assertEquals(e.getValue(), r.body(), e.getKey() + " with " + (order.get(0) == READING ? "reading" : "writing") + " first");
                }
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void literal_segments_outrank_parameters_with_text_which_outrank_bare_parameters_and_wildcards() {
        assertTrue(RouteTable.bySpecificity("/incidents/new", "/incidents/{id}") < 0);
        assertTrue(RouteTable.bySpecificity("/incidents/{id}.md", "/incidents/{id}") < 0);
        assertTrue(RouteTable.bySpecificity("/incidents/{id}", "/incidents/*") < 0);
        assertTrue(RouteTable.bySpecificity("/incidents/{id}/edit", "/incidents/{id}/{tab}") < 0);
        assertTrue(RouteTable.bySpecificity("/reviews/{id}", "/incidents/new") > 0);
        assertEquals(0, RouteTable.bySpecificity("/a/{x}", "/b/{y}"));
    }
}
