package kb.checklist;

import kb.system.Allowed;
import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static kb.system.Named.handler;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The checklist pages and API; called from the site map in {@code kb.App}. */
public final class ChecklistRoutes {

    private final ChecklistController controller;

    public ChecklistRoutes(Jdbi jdbi) {
        this.controller = new ChecklistController(jdbi);
    }

    public void pages() {
        path("checklist", () -> {
            get(handler(controller::list), Allowed.ANYONE);
            get("{id}", handler(controller::show), Allowed.ANYONE);
        });
    }

    public void api() {
        path("checklist", () -> {
            get(handler(controller::apiList), Allowed.ANYONE);
            get("{id}", handler(controller::apiShow), Allowed.ANYONE);
        });
    }
}
