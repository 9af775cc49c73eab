package kb.authoring;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kb.incidents.Incident;
import kb.incidents.Incidents;
import kb.system.Access;

/**
 * Downloads: one incident's Markdown ({@code /incidents/{id}.md}, any revision for editors) and the
 * whole knowledge base ({@code /export.zip}). Readers get what they may read: no drafts, nothing unlisted.
 */
final class ExportController {

    static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final Exporter exporter;
    private final Incidents incidents;

    ExportController(Exporter exporter, Incidents incidents) {
        this.exporter = exporter;
        this.incidents = incidents;
    }

    void markdown(Context ctx) {
        String id = ctx.pathParam("id");
        Incident i = incidents.visible(id, Access.canEdit(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
        send(ctx, id + ".md", exporter.revision(id, i.header().currentRevision()));
    }

    void revisionMarkdown(Context ctx) {
        String id = ctx.pathParam("id");
        String n = ctx.pathParam("n");
        String text = n.matches("[0-9]{1,9}") ? exporter.revision(id, Integer.parseInt(n)) : null;
        if (text == null) {
            throw new NotFoundResponse("Incident '" + id + "' has no revision " + n + ".");
        }
        send(ctx, id + "-r" + n + ".md", text);
    }

    void zip(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"postmortems.zip\"");
        ctx.contentType("application/zip").result(exporter.zip(Access.canEdit(ctx)));
    }

    private static void send(Context ctx, String filename, String text) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType(MARKDOWN).result(text);
    }
}
