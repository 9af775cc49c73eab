package kb.actions;

import kb.authoring.Authoring;
import kb.incidents.Incidents;
import kb.system.Allowed;
import kb.system.Templates;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static kb.system.Named.handler;

/**
 * Action items across incidents: the {@code /actions} page, its JSON, and marking an item done or open (a new
 * revision of the postmortem, written by the authoring feature). Called from the site map in {@code kb.App}.
 */
public final class ActionRoutes {

    private final ActionController controller;

    /** {@code evidence} says which checklist items a review detector enforces ({@link RuleEvidence#none()} for none). */
    public ActionRoutes(Jdbi jdbi, Templates templates, RuleEvidence evidence) {
        this(jdbi, templates, evidence, Clock.systemUTC());
    }

    /** As above; {@code clock} gives today's date, which decides what is overdue. */
    public ActionRoutes(Jdbi jdbi, Templates templates, RuleEvidence evidence, Clock clock) {
        ActionSummary summary = new ActionSummary(jdbi);
        this.controller = new ActionController(new ActionQuery(jdbi), summary, new Incidents(jdbi), new Authoring(jdbi),
                evidence, clock);
        // builds the summary tables if they are missing (a new or just-migrated database) before the first request
        // needs them: at 100,000 incidents that takes seconds
        Thread warm = new Thread(() -> {
            try {
                summary.sync();
            } catch (RuntimeException e) {
                // the first request tries again and reports what fails; an app closed at once (tests) ends up here
                org.slf4j.LoggerFactory.getLogger(ActionRoutes.class).info("action summary not built at start: {}", e.toString());
            }
        }, "action-summary");
        warm.setDaemon(true);
        warm.setUncaughtExceptionHandler((t, e) -> org.slf4j.LoggerFactory.getLogger(ActionRoutes.class)
                .error("action summary: the start-up build failed", e));
        warm.start();
        templates.pageModel().contribute(ctx -> Map.of("navLinks",
                List.of(Map.of("href", "/actions", "label", "Actions", "section", "actions"))));
    }

    public void pages() {
        get("actions", handler(controller::page), Allowed.ANYONE);
        // under the incident, so every write to an incident stays under /incidents (search and caches follow them)
        post("incidents/{id}/actions/{n}", handler(controller::mark), Allowed.EDITOR);
    }

    public void api() {
        get("actions", handler(controller::api), Allowed.ANYONE);
        post("incidents/{id}/actions/{n}", handler(controller::apiMark), Allowed.EDITOR);
    }
}
