package kb.checklist;

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
            get(controller::list);
            get("{id}", controller::show);
        });
    }

    public void api() {
        path("checklist", () -> {
            get(controller::apiList);
            get("{id}", controller::apiShow);
        });
    }
}
