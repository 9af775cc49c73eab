package kb.checklist;

import kb.system.Allowed;
import org.jdbi.v3.core.Jdbi;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

/** The checklist pages and API; called from the site map in {@code kb.App}. */
public final class ChecklistRoutes {

    private final ChecklistController controller;

    public ChecklistRoutes(Jdbi jdbi) {
        this.controller = new ChecklistController(jdbi);
    }

    public void pages() {
        path("checklist", () -> {
            get(controller::list, Allowed.ANYONE);
            get("{id}", controller::show, Allowed.ANYONE);
        });
    }

    public void api() {
        path("checklist", () -> {
            get(controller::apiList, Allowed.ANYONE);
            get("{id}", controller::apiShow, Allowed.ANYONE);
        });
    }
}
