package kb.actions;

import kb.authoring.Authoring;
import kb.incidents.Incident;
import kb.incidents.IncidentPageExtension;
import kb.incidents.Incidents;
import kb.incidents.WriteHooks;
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
        // the summary moves in each write's own transaction; built if missing (a new or just-migrated database:
        // seconds at 100,000 incidents) before the first request needs it
        WriteHooks.register(jdbi, "actions", summary);
        summary.warmInBackground("action-summary");
        templates.pageModel().contribute(ctx -> Map.of("navLinks",
                List.of(Map.of("href", "/actions", "label", "Actions", "section", "actions"))));
    }

    /**
     * On an incident's page, its prevent items that a review rule enforces ("enforced by RULE-ID", linked to the rule),
     * and as {@code enforcedBy} in the incident's JSON; nothing when the incident has none.
     */
    public IncidentPageExtension incidentPage() {
        return new IncidentPageExtension() {
            @Override
            public List<Contribution> contribute(Incident incident, io.javalin.http.Context ctx) {
                List<Map<String, Object>> items = controller.enforcedIn(incident);
                return items.isEmpty() ? List.of()
                        : List.of(new Contribution(Slot.RELATED, "actions/enforced", Map.of("items", items)));
            }

            @Override
            public Map<String, Object> apiFields(Incident incident, io.javalin.http.Context ctx) {
                return Map.of("enforcedBy", controller.enforcedIn(incident));
            }
        };
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
