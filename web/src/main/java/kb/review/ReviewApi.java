package kb.review;

import kb.review.diff.DiffEncoding;
import kb.review.diff.DiffFormatException;
import kb.review.rules.RuleFileException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import kb.system.Access;

/**
 * {@code POST /api/reviews} (a raw diff, or JSON {@code {diff, repository?, pr?, title?, url?}}),
 * {@code GET /api/reviews/{id}} and {@code POST /api/reviews/{id}/marks}. Editors only for writes; errors are JSON
 * with the diff line where there is one.
 */
final class ReviewApi {

    /** Reads request bodies; its own mapper, so the report writers\' output settings never change what is accepted. */
    private static final ObjectMapper BODIES = new ObjectMapper();

    private final SavedReviews reviews;
    private final ReviewReports reports;

    ReviewApi(SavedReviews reviews, ReviewReports reports) {
        this.reviews = reviews;
        this.reports = reports;
    }

    void create(Context ctx) {
        SavedReviews.Draft draft = draft(ctx);
        try {
            SavedReviews.Loaded r = reviews.create(draft, Access.user(ctx));
            long id = r.row().id();
            ctx.status(201).header("Location", "/api/reviews/" + id).contentType("application/json")
                    .result(reports.json(r, reports.site(ctx)));
        } catch (DiffFormatException e) {
            error(ctx, 400, e.getMessage(), e.line());
        } catch (SavedReviews.RejectedDiff e) {
            error(ctx, e.status(), e.getMessage(), null);
        } catch (IOException | RuleFileException e) {
            error(ctx, 503, "The review rules could not be loaded: " + e.getMessage(), null);
        }
    }

    void show(Context ctx) {
        long id = id(ctx.pathParam("id"));
        SavedReviews.Loaded r = reviews.load(id).orElseThrow(() -> new NotFoundResponse("There is no review " + id
                + "."));
        ctx.contentType("application/json").result(reports.json(r, reports.site(ctx)));
    }

    /** JSON {@code {item, state, note?}} or the same as form fields; answers the new verdict. */
    void mark(Context ctx) {
        long id = id(ctx.pathParam("id"));
        if (reviews.load(id).isEmpty()) {
            throw new NotFoundResponse("There is no review " + id + ".");
        }
        boolean isJson = ctx.contentType() != null && ctx.contentType().startsWith("application/json");
        JsonNode body = isJson ? json(ctx) : null;
        try {
            SavedReviews.Outcome o = isJson
                    ? reviews.mark(id, text(body, "item"), text(body, "state"), text(body, "note"), Access.user(ctx))
                    : reviews.mark(id, ctx.formParam("item"), String.valueOf(ctx.formParam("state")),
                    ctx.formParam("note"), Access.user(ctx));
            ctx.json(Map.of("verdict", o.key(), "verdictReasons", o.reasons()));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage(), null);
        }
    }

    private SavedReviews.Draft draft(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (ctx.contentLength() > SavedReviews.MAX_DIFF_BYTES * 2L) {
            throw new HttpResponseException(413, "The request has " + ctx.contentLength() + " bytes; a diff may have"
                    + " at most " + SavedReviews.MAX_DIFF_BYTES);
        }
        switch (type) {
            case "text/x-diff", "text/x-patch", "text/plain" -> {
                // a diff's lines are in the encodings of the files it changes: a Latin-1 file's lines are read as such
                return new SavedReviews.Draft(DiffEncoding.decode(ctx.bodyAsBytes()), null, null, null, null);
            }
            case "application/json" -> {
                JsonNode body = json(ctx);
                if (!body.path("diff").isTextual()) {
                    throw new HttpResponseException(400, "The JSON body needs a string field 'diff' with the unified"
                            + " diff");
                }
                JsonNode pr = body.path("pr");
                Integer number;
                if (pr.isMissingNode() || pr.isNull()) {
                    number = null;
                } else if (pr.isIntegralNumber() && pr.canConvertToInt() && pr.asInt() > 0) {
                    number = pr.asInt();
                } else {
                    number = apiPrNumber(pr.asText());
                }
                return new SavedReviews.Draft(body.get("diff").asText(), text(body, "repository"), number,
                        text(body, "title"), text(body, "url"));
            }
            case "application/x-www-form-urlencoded", "multipart/form-data" -> {
                // curl --data-urlencode diff@change.diff (or -F diff=@change.diff)
                return new SavedReviews.Draft(ctx.formParam("diff"), ctx.formParam("repository"),
                        apiPrNumber(ctx.formParam("pr")), ctx.formParam("title"), ctx.formParam("url"));
            }
            default -> throw new HttpResponseException(415, "Send the diff as Content-Type text/x-diff or text/plain,"
                    + " JSON {\"diff\": ...} as application/json, or a form field 'diff'"
                    + (type.isEmpty() ? "" : ", not " + type));
        }
    }

    private static JsonNode json(Context ctx) {
        try {
            JsonNode node = BODIES.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new HttpResponseException(400, "The body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpResponseException(400, "The body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new HttpResponseException(400, "Field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static void error(Context ctx, int status, String message, Integer line) {
        kb.system.Web.jsonError(ctx, status, message, line == null ? Map.of() : Map.of("line", line));
    }

    /** {@link #prNumber}, with a bad number answered 400 naming the field (not a 500). */
    private static Integer apiPrNumber(String raw) {
        try {
            return prNumber(raw);
        } catch (IllegalArgumentException e) {
            throw new HttpResponseException(400, "Field 'pr': " + e.getMessage());
        }
    }

    /** A PR number as typed; blank gives null. */
    static Integer prNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replaceFirst("^#", "");
        if (!s.matches("[0-9]{1,9}") || Integer.parseInt(s) == 0) {
            throw new IllegalArgumentException("The PR number must be a positive whole number, got '" + raw.strip()
                    + "'.");
        }
        return Integer.parseInt(s);
    }

    /** A review id from the path; 404 for anything that is not one. */
    static long id(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw new NotFoundResponse("There is no review '" + raw + "'.");
        }
        return Long.parseLong(raw);
    }
}
