package kb.authoring;

import kb.incidents.Incidents;
import kb.system.Access;
import kb.system.Templates;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/**
 * Writing postmortems: the editor, history and restore, Markdown and zip export, and the write API.
 * Called from the site map in {@code kb.App} <em>before</em> the incident routes, whose {@code {id}}
 * would otherwise take {@code /incidents/new}.
 */
public final class AuthoringRoutes {

    private static final Pattern INCIDENT_PAGE = Pattern.compile("/incidents/([a-z0-9][a-z0-9-]{2,79})");

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
        get("export.zip", export::zip);
        path("incidents", () -> {
            get("new", editor::newForm);
            post("new", editor::submitNew);
            get("{id}.md", export::markdown);
            path("{id}", () -> {
                get("edit", editor::editForm);
                post("edit", editor::submitEdit);
                get("history", history::show);
                post("history/{n}/restore", history::restore);
                get("revisions/{n}.md", export::revisionMarkdown);
            });
        });
    }

    public void api() {
        path("incidents", () -> {
            post(api::create);
            put("{id}", api::update);
        });
    }

    /** Editors get a "New postmortem" link everywhere, and Edit, History and Export on an incident's page. */
    private static Map<String, Object> links(io.javalin.http.Context ctx) {
        if (!Access.canEdit(ctx)) {
            return Map.of();
        }
        List<Map<String, String>> nav = List.of(Map.of("href", "/incidents/new", "label", "New postmortem", "section", "new"));
        Matcher m = INCIDENT_PAGE.matcher(ctx.path());
        if (!m.matches() || m.group(1).equals("new")) {
            return Map.of("navLinks", nav);
        }
        String base = "/incidents/" + m.group(1);
        return Map.of("navLinks", nav, "incidentActions", List.of(
                Map.of("href", base + "/edit", "label", "Edit"),
                Map.of("href", base + "/history", "label", "History"),
                Map.of("href", base + ".md", "label", "Export .md")));
    }
}
