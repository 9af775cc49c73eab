package kb.authoring;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import kb.format.Problem;
import kb.incidents.IncidentHeader;
import kb.incidents.Parts.Revision;
import kb.system.Access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /incidents/{id}/history}: every revision with its diff against the one before, and restore. */
final class HistoryController {

    private final Authoring authoring;

    HistoryController(Authoring authoring) {
        this.authoring = authoring;
    }

    void show(Context ctx) {
        render(ctx, existing(ctx.pathParam("id")), 200, null, List.of());
    }

    /** Saves the text of an old revision as the newest one (origin {@code restore}); the history stays whole. */
    void restore(Context ctx) {
        IncidentHeader row = existing(ctx.pathParam("id"));
        int number = number(ctx.pathParam("n"), "revision");
        int base = number(ctx.formParam("baseRevision"), "baseRevision");
        String author = Access.user(ctx) == null ? "unknown" : Access.user(ctx);
        Authoring.Result result = authoring.restore(row.id(), number, base, author);
        if (result instanceof Authoring.Saved) {
            ctx.redirect("/incidents/" + row.id() + "/history", HttpStatus.SEE_OTHER);
        } else if (result instanceof Authoring.Stale stale) {
            render(ctx, existing(row.id()), 409, "Revision " + stale.current() + " was saved after you opened this page, "
                    + "so nothing was restored. Look at the newest changes below, then restore again if you still want to.",
                    List.of());
        } else {
            render(ctx, row, 400, "Revision " + number + " no longer passes the format's checks (for example a checklist "
                    + "item it names was removed), so it was not restored. Open the editor to fix it by hand.",
                    ((Authoring.Invalid) result).problems());
        }
    }

    private void render(Context ctx, IncidentHeader row, int status, String notice, List<Problem> problems) {
        List<Revision> revisions = authoring.revisions(row.id());
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision r = revisions.get(i);
            Revision previous = i + 1 < revisions.size() ? revisions.get(i + 1) : null;
            Map<String, Object> v = new HashMap<>();
            v.put("number", r.number());
            v.put("author", r.author());
            v.put("origin", r.origin());
            v.put("createdAt", r.createdAt().toString());
            v.put("previous", previous == null ? null : previous.number());
            v.put("diff", previous == null ? List.of() : LineDiff.between(previous.source(), r.source(),
                    "revision " + previous.number(), "revision " + r.number()));
            views.add(v);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", row.id());
        model.put("title", row.title());
        model.put("current", row.currentRevision());
        model.put("revisions", views);
        model.put("notice", notice == null ? null : Map.of("kind", status == 409 ? "stale" : "invalid", "message", notice));
        model.put("problems", problems);
        ctx.status(status);
        ctx.render("authoring/history", model);
    }

    private IncidentHeader existing(String id) {
        return authoring.current(id).orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
    }

    private static int number(String raw, String name) {
        if (raw == null || !raw.strip().matches("[0-9]{1,9}")) {
            throw new BadRequestResponse(name + " must be a revision number, got '" + raw + "'");
        }
        return Integer.parseInt(raw.strip());
    }
}
