package kb.authoring;

import kb.system.Utf8;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import kb.format.Problem;
import kb.system.Access;
import kb.system.Web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/incidents} and {@code PUT /api/incidents/{id}}: the body is the postmortem's Markdown
 * ({@code Content-Type: text/markdown}, at most 1 MiB, UTF-8). Editors only. A PUT names the revision it
 * replaces in {@code If-Match}; answers carry the new revision in {@code ETag}.
 */
final class AuthoringApi {

    private final Authoring authoring;

    AuthoringApi(Authoring authoring) {
        this.authoring = authoring;
    }

    /** 201 with {@code Location}; 400 with the problems (an id already taken is one of them). */
    void create(Context ctx) {
        String text = body(ctx);
        answer(ctx, authoring.create(text, author(ctx)), 201);
    }

    /** 200; 428 without {@code If-Match}; 409 when it names an old revision; 404 for an unknown id. */
    void update(Context ctx) {
        String id = ctx.pathParam("id");
        String text = body(ctx);
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpResponseException(428, "Send If-Match: <revision> with the revision your text is based on "
                    + "(GET /api/incidents/" + id + " gives the current one), so no one's changes are overwritten.");
        }
        String raw = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!raw.matches("[0-9]{1,9}")) {
            throw new HttpResponseException(400, "If-Match must be a revision number such as 3, got '" + ifMatch + "'");
        }
        authoring.current(id).orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
        answer(ctx, authoring.update(id, text, Integer.parseInt(raw), author(ctx), "edit"), 200);
    }

    private void answer(Context ctx, Authoring.Result result, int okStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof Authoring.Saved saved) {
            body.put("id", saved.id());
            body.put("revision", saved.revision());
            body.put("url", "/incidents/" + saved.id());
            if (okStatus == 201) {
                ctx.header("Location", "/api/incidents/" + saved.id());
            }
            ctx.header("ETag", "\"" + saved.revision() + "\"");
            ctx.status(okStatus).json(body);
            return;
        }
        if (result instanceof Authoring.Stale stale) {
            Web.jsonError(ctx, 409, "The incident is at revision " + stale.current() + "; your text is based on revision "
                    + stale.base() + ". Merge the current text (GET /incidents/{id}.md) into yours and send it again "
                    + "with If-Match: " + stale.current() + ".", Map.of("currentRevision", stale.current()));
            return;
        }
        List<Problem> problems = ((Authoring.Invalid) result).problems();
        Web.jsonError(ctx, 400, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " in the postmortem; nothing was saved",
                Map.of("problems", problems.stream().map(AuthoringApi::problem).toList()));
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", p.line());
        if (p.column() > 0) {
            m.put("column", p.column());
        }
        m.put("message", p.message());
        return m;
    }

    /** The Markdown body; 415 for another content type, 413 over 1 MiB, 400 when it is not UTF-8. */
    private static String body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("text/markdown") && !type.equals("text/x-markdown")) {
            throw new HttpResponseException(415, "Send the postmortem as Content-Type: text/markdown"
                    + (type.isEmpty() ? "" : ", not " + type));
        }
        if (ctx.contentLength() > Authoring.MAX_BYTES) {
            throw new HttpResponseException(413, "A postmortem may be at most 1 MiB (1048576 bytes); this one has "
                    + ctx.contentLength());
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > Authoring.MAX_BYTES) {
            throw new HttpResponseException(413, "A postmortem may be at most 1 MiB (1048576 bytes); this one has "
                    + bytes.length);
        }
        return Utf8.decode(bytes).orElseThrow(() -> new HttpResponseException(400, "The body is not valid UTF-8 text"));
    }

    private static String author(Context ctx) {
        return Access.user(ctx) == null ? "api" : Access.user(ctx);
    }
}
