package kb.authoring;

import kb.system.Allowed;
import kb.incidents.IncidentPageExtension;
import kb.incidents.Incidents;
import kb.system.Access;
import kb.system.Templates;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.get;
import static kb.system.Named.handler;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/**
 * Writing postmortems: the editor, history and restore, Markdown and zip export, and the write API.
 * Called from the site map in {@code kb.App}; adds its buttons to incident pages through
 * {@link #incidentPage()}.
 */
public final class AuthoringRoutes {

    private final EditorController editor;
    private final HistoryController history;
    private final ExportController export;
    private final AuthoringApi api;

    public AuthoringRoutes(Jdbi jdbi, Templates templates) {
        Authoring authoring = new Authoring(jdbi);
        Incidents incidents = authoring.incidents();
        this.editor = new EditorController(authoring, incidents);
        this.history = new HistoryController(authoring);
        this.export = new ExportController(authoring.exporter(), incidents);
        this.api = new AuthoringApi(authoring);
        templates.pageModel().contribute(AuthoringRoutes::links);
    }

    public void pages() {
        get("export.zip", handler(export::zip), Allowed.ANYONE);
        path("incidents", () -> {
            get("new", handler(editor::newForm), Allowed.EDITOR);
            post("new", handler(editor::submitNew), Allowed.EDITOR_KEEPS_TEXT);
            get("{id}.md", handler(export::markdown), Allowed.ANYONE);
            path("{id}", () -> {
                get("edit", handler(editor::editForm), Allowed.EDITOR);
                post("edit", handler(editor::submitEdit), Allowed.EDITOR_KEEPS_TEXT);
                get("history", handler(history::show), Allowed.EDITOR);
                post("history/{n}/restore", handler(history::restore), Allowed.EDITOR);
                get("revisions/{n}.md", handler(export::revisionMarkdown), Allowed.EDITOR);
            });
        });
    }

    public void api() {
        path("incidents", () -> {
            post(handler(api::create), Allowed.EDITOR);
            put("{id}", handler(api::update), Allowed.EDITOR);
        });
    }

    /** Editors get a "New postmortem" link everywhere. */
    private static Map<String, Object> links(io.javalin.http.Context ctx) {
        if (!Access.canEdit(ctx)) {
            return Map.of();
        }
        return Map.of("navLinks", List.of(Map.of("href", "/incidents/new", "label", "New postmortem", "section", "new")));
    }

    /** Edit, History and Export on an incident's page, for editors. */
    public IncidentPageExtension incidentPage() {
        return (incident, ctx) -> {
            if (!Access.canEdit(ctx)) {
                return List.of();
            }
            String base = "/incidents/" + incident.header().id();
            return List.of(action(base + "/edit", "Edit"), action(base + "/history", "History"),
                    action(base + ".md", "Export .md"));
        };
    }

    private static IncidentPageExtension.Contribution action(String href, String label) {
        return new IncidentPageExtension.Contribution(IncidentPageExtension.Slot.ACTION, "authoring/incident-action",
                Map.of("href", href, "label", label));
    }
}
