package kb.system;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteMapTest {

    /** Stands in for a feature's controller. */
    static final class Pages {
        void show(Context ctx) {
            ctx.result("show");
        }
    }

    @Test
    void a_named_route_shows_its_class_and_method_and_a_plain_one_its_declaring_class() {
        SiteMap map = new SiteMap();
        Pages pages = new Pages();
        Javalin.create(config -> {
            map.install(config);
            RouteTable.mount(config.routes, () -> {
                get("/pages/{id}", Named.handler(pages::show), Allowed.ANYONE);
                post("/pages", ctx -> ctx.result("plain"), Allowed.EDITOR);
                get("/pages", ctx -> ctx.result("list"), Allowed.ANYONE);
                get("/open", ctx -> ctx.result("no role"));
            });
        });
        List<SiteMap.Route> routes = map.routes();
        assertEquals(new SiteMap.Route("GET", "/pages/{id}", Allowed.ANYONE, "system.SiteMapTest$Pages.show"),
                routes.stream().filter(r -> r.path().equals("/pages/{id}")).findFirst().orElseThrow());
        assertEquals(new SiteMap.Route("POST", "/pages", Allowed.EDITOR, "system.SiteMapTest"),
                routes.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow());
        assertNull(routes.stream().filter(r -> r.path().equals("/open")).findFirst().orElseThrow().allowed());

        String table = map.table();
        assertTrue(table.lines().anyMatch(l -> l.matches("GET +/pages/\\{id} +anyone +system\\.SiteMapTest\\$Pages\\.show")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("GET +/open +\\(none\\) +system\\.SiteMapTest")), table);
        assertEquals(List.of("METHOD PATH", "GET /open", "GET /pages", "POST /pages", "GET /pages/{id}"),
                table.lines().map(l -> String.join(" ", List.of(l.split(" +")).subList(0, 2))).toList(), table);
    }
}
