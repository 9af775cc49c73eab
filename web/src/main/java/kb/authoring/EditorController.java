package kb.authoring;

import kb.system.Utf8;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.Problem;
import kb.incidents.IncidentHeader;
import kb.incidents.Incidents;
import kb.system.Access;
import kb.system.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code /incidents/new} and {@code /incidents/{id}/edit}: the Markdown editor, Preview and Save. Every
 * answer to a POST that does not save (invalid text, stale revision, expired session, our own failure)
 * is the editor again with the author's text exactly as it was sent.
 */
final class EditorController {

    private static final Logger log = LoggerFactory.getLogger(EditorController.class);

    private final Authoring authoring;
    private final Incidents incidents;

    EditorController(Authoring authoring, Incidents incidents) {
        this.authoring = authoring;
        this.incidents = incidents;
    }

    void newForm(Context ctx) {
        render(ctx, 200, EditorPage.forNew(skeleton()));
    }

    void editForm(Context ctx) {
        IncidentHeader row = existing(ctx.pathParam("id"));
        String text = authoring.source(row.id(), row.currentRevision()).orElse("");
        render(ctx, 200, EditorPage.forEdit(row.id(), text, row.currentRevision()));
    }

    void submitNew(Context ctx) {
        submit(ctx, null);
    }

    void submitEdit(Context ctx) {
        submit(ctx, ctx.pathParam("id"));
    }

    private void submit(Context ctx, String id) {
        // named "markdown" by contract with accounts, whose refused-form page keeps this field for the author
        String text = ctx.formParam("markdown") == null ? "" : ctx.formParam("markdown");
        Integer base = revisionNumber(ctx.formParam("baseRevision"));
        EditorPage page = id == null ? EditorPage.forNew(text) : EditorPage.forEdit(id, text, base);
        int status;
        try {
            status = handle(ctx, id, text, base, page);
        } catch (HttpResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("request {}: saving postmortem {} failed; the author's text was sent back", RequestIds.of(ctx),
                    id == null ? "(new)" : id, e);
            status = 500;
            page.notice("error", "Saving failed on our side (request " + RequestIds.of(ctx) + "). Nothing was saved; "
                    + "your text is kept below exactly as you sent it. Try again, or copy it somewhere safe.");
        }
        if (status > 0) {
            render(ctx, status, page);
        }
    }

    /** Does the work of one POST; returns the status to render {@code page} with, or 0 after a redirect. */
    private int handle(Context ctx, String id, String text, Integer base, EditorPage page) {
        if (!Access.canEdit(ctx)) {
            if (Access.user(ctx) == null) {
                page.notice("session", "Your session expired — sign in in another tab, then save again. "
                        + "Nothing was saved; your text is kept below.");
                return 401;
            }
            page.notice("forbidden", "Your account may read postmortems but not change them. Nothing was saved; "
                    + "your text is kept below so you can copy it.");
            return 403;
        }
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload != null && upload.size() > 0) {
            String uploaded = read(upload);
            if (uploaded == null) {
                page.problems(List.of(Problem.at(1, "the uploaded file '" + upload.filename()
                        + "' is not UTF-8 text; save it as UTF-8 and upload it again")));
                return 400;
            }
            text = uploaded;
            page.text(text);
        }
        IncidentHeader row = id == null ? null : existing(id);
        if (row != null && base == null) {
            page.baseRevision(row.currentRevision()).notice("stale", "The form did not say which revision you started "
                    + "from, so nothing was saved. Compare your text with the current page, then save again.");
            return 400;
        }
        if ("preview".equals(ctx.formParam("action"))) {
            Parsed<Postmortem> parsed = authoring.check(text, id);
            if (!parsed.valid()) {
                page.problems(parsed.problems());
                return 400;
            }
            page.preview(incidents.unsaved(parsed.value().orElseThrow(), row == null ? 1 : row.currentRevision() + 1));
            return 200;
        }
        String author = Access.user(ctx) == null ? "unknown" : Access.user(ctx);
        Authoring.Result result = id == null ? authoring.create(text, author)
                : authoring.update(id, text, base, author, "edit");
        if (result instanceof Authoring.Saved saved) {
            ctx.redirect("/incidents/" + saved.id(), io.javalin.http.HttpStatus.SEE_OTHER);
            return 0;
        }
        if (result instanceof Authoring.Stale st) {
            // the author has now seen the newer revision: saving the merged text again is deliberate
            page.baseRevision(st.current()).stale(st.base(), st.current(), st.currentText(), text)
                    .notice("stale", "Someone saved revision " + st.current() + " while you were editing revision "
                            + st.base() + ". Nothing was overwritten: your text is in the editor, and the current "
                            + "revision with its differences from yours is below. Merge what you need, then save again.");
            return 409;
        }
        page.problems(((Authoring.Invalid) result).problems());
        return 400;
    }

    private IncidentHeader existing(String id) {
        return authoring.current(id).orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
    }

    private static void render(Context ctx, int status, EditorPage page) {
        ctx.status(status);
        ctx.render("authoring/editor", page.model());
    }

    /** The file as text, or {@code null} when it is not valid UTF-8. */
    private static String read(UploadedFile upload) {
        return Utf8.decode(upload).orElse(null);
    }

    private static Integer revisionNumber(String raw) {
        if (raw == null || !raw.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.parseInt(raw.strip());
    }

    /** The starting text of a new postmortem: every required part, as a draft that starts now. */
    static String skeleton() {
        try (InputStream in = EditorController.class.getResourceAsStream("/authoring/skeleton.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
            return text.replace("{{started}}", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .replace("{{when}}", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
