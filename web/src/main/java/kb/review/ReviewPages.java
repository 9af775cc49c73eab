package kb.review;

import kb.review.engine.GeneratedCode;
import kb.review.engine.Review;
import kb.review.diff.DiffEncoding;
import kb.review.diff.DiffFormatException;
import kb.review.engine.Finding;
import kb.review.engine.ManualCheck;
import kb.review.rules.RuleFileException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.checklist.Checklist;
import kb.format.ChecklistItem.Severity;
import kb.system.Access;
import org.jdbi.v3.core.Jdbi;

/**
 * The review pages: the paste form, the list, one review with its findings and manual checklist, and the report
 * downloads. A rejected submission renders the form again with the user's text exactly as sent.
 */
final class ReviewPages {

    /** Findings on one page of a review: a big review is read page by page, never as one huge page. */
    static final int FINDINGS_PER_PAGE = 100;
    /** Generated or vendored files the page names before it only counts the rest (a vendored bump has thousands). */
    static final int FOREIGN_SHOWN = 20;

    private final SavedReviews reviews;
    private final Jdbi jdbi;
    private final ReviewReports reports;

    ReviewPages(SavedReviews reviews, Jdbi jdbi, ReviewReports reports) {
        this.reviews = reviews;
        this.jdbi = jdbi;
        this.reports = reports;
    }

    void list(Context ctx) {
        ctx.render("reviews/list", Map.of("reviews", reviews.newest(200)));
    }

    void newForm(Context ctx) {
        ctx.render("reviews/new", form(new Form("", "", "", "", "")));
    }

    void submit(Context ctx) {
        Form f = new Form(orEmpty(ctx.formParam("diff")), orEmpty(ctx.formParam("repository")),
                orEmpty(ctx.formParam("pr")), orEmpty(ctx.formParam("title")), orEmpty(ctx.formParam("url")));
        if (!Access.canEdit(ctx)) {
            boolean anonymous = Access.user(ctx) == null;
            reject(ctx, f, anonymous ? 401 : 403, anonymous
                    ? "Your session expired: sign in in another tab, then submit again. Your diff is kept below."
                    : "Reviews are created by editors; your account may only read them. Your diff is kept below.",
                    null);
            return;
        }
        UploadedFile upload = ctx.uploadedFile("file");
        if (upload != null && upload.size() > 0) {
            if (upload.size() > SavedReviews.MAX_DIFF_BYTES) {
                reject(ctx, f, 413, "The uploaded file '" + upload.filename() + "' has " + upload.size()
                        + " bytes; at most " + SavedReviews.MAX_DIFF_BYTES + " are accepted.", null);
                return;
            }
            f = f.withDiff(read(upload));
        }
        Integer pr;
        try {
            pr = ReviewApi.prNumber(f.pr());
        } catch (IllegalArgumentException e) {
            reject(ctx, f, 400, e.getMessage(), null);
            return;
        }
        try {
            long id = reviews.create(new SavedReviews.Draft(f.diff(), f.repository(), pr, f.title(), f.url()),
                    Access.user(ctx)).row().id();
            ctx.redirect("/reviews/" + id, HttpStatus.SEE_OTHER);
        } catch (DiffFormatException e) {
            String why = e.getMessage();
            reject(ctx, f, 400, "This is not a diff we can read: " + why + (why.matches(".*[.?!]$") ? "" : "."),
                    e.line());
        } catch (SavedReviews.RejectedDiff e) {
            reject(ctx, f, e.status(), e.getMessage(), null);
        } catch (IOException | RuleFileException e) {
            reject(ctx, f, 503, "The review rules could not be loaded, so nothing was reviewed: " + e.getMessage(),
                    null);
        }
    }

    void show(Context ctx) {
        SavedReviews.Loaded r = load(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", r.row());
        model.put("outcome", r.outcome());
        model.put("blockers", r.review().count(Severity.BLOCKER));
        model.put("warnings", r.review().count(Severity.WARNING));
        model.put("advice", r.review().count(Severity.ADVICE));
        model.put("files", r.review().files());
        model.put("testFiles", r.review().testFiles());
        List<String> foreign = r.review().foreignFiles();
        model.put("foreignFiles", foreign.stream().limit(FOREIGN_SHOWN)
                .map(p -> Map.of("path", p, "reason", GeneratedCode.reason(p))).toList());
        model.put("foreignCount", foreign.size());
        model.put("notAnalysed", r.review().notAnalysed());
        model.put("notAnalysedText", Review.NOT_ANALYSED);
        model.put("addedLines", r.review().addedLines());
        Checklist checklist = new Checklist(jdbi);
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Finding> all = r.review().findings();
        int pages = Math.max(1, (all.size() + FINDINGS_PER_PAGE - 1) / FINDINGS_PER_PAGE);
        int page = Math.min(pageParam(ctx), pages);
        model.put("findingsPage", page);
        model.put("findingsPages", pages);
        model.put("findingsTotal", all.size());
        for (Finding f : all.subList((page - 1) * FINDINGS_PER_PAGE, Math.min(all.size(), page * FINDINGS_PER_PAGE))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", f);
            m.put("item", item(items, checklist, f.item()));
            m.put("severity", f.severity().label());
            m.put("lang", f.path().endsWith(".go") ? "go" : f.path().endsWith(".java") ? "java" : "plaintext");
            m.put("low", f.confidence() == Finding.Confidence.LOW);
            findings.add(m);
        }
        model.put("findings", findings);
        model.put("inline", InlineFindings.byLine(findings));
        model.put("diffFiles", InlineFindings.files(r.row().diff()));
        model.put("suppressedCount", r.review().findings().stream().filter(Finding::suppressed).count());
        List<Map<String, Object>> manual = new ArrayList<>();
        for (ManualCheck m : r.review().manual()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("m", m);
            row.put("item", item(items, checklist, m.item()));
            row.put("mark", r.marks().get(m.item()));
            manual.add(row);
        }
        model.put("manual", manual);
        model.put("states", SavedReviews.MARK_STATES);
        ctx.render("reviews/show", model);
    }

    void mark(Context ctx) {
        long id = ReviewApi.id(ctx.pathParam("id"));
        if (reviews.load(id).isEmpty()) {
            throw new NotFoundResponse("There is no review " + id + ".");
        }
        String item = ctx.pathParam("item");
        try {
            reviews.mark(id, item, orEmpty(ctx.formParam("state")), ctx.formParam("note"), Access.user(ctx));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The mark was not saved: " + e.getMessage() + ".");
        }
        ctx.redirect("/reviews/" + id + "#manual-" + item, HttpStatus.SEE_OTHER);
    }

    void markdown(Context ctx) {
        ctx.contentType("text/markdown; charset=utf-8").result(reports.markdown(load(ctx), site(ctx)));
    }

    void sarif(Context ctx) {
        ctx.contentType("application/sarif+json").result(reports.sarif(load(ctx), site(ctx)));
    }

    void json(Context ctx) {
        ctx.contentType("application/json").result(reports.json(load(ctx), site(ctx)));
    }

    private SavedReviews.Loaded load(Context ctx) {
        long id = ReviewApi.id(ctx.pathParam("id"));
        return reviews.load(id).orElseThrow(() -> new NotFoundResponse("There is no review " + id + "."));
    }

    String site(Context ctx) {
        return reports.site(ctx);
    }

    /** The checklist item's title, severity and incidents, read once per page. */
    private static Map<String, Object> item(Map<String, Map<String, Object>> cache, Checklist checklist, String id) {
        return cache.computeIfAbsent(id, k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            var row = checklist.item(k);
            m.put("id", k);
            m.put("title", row.map(c -> c.title()).orElse(k));
            m.put("severity", row.map(c -> c.severity()).orElse(""));
            m.put("incidents", checklist.incidents(k));
            m.put("fix", checklist.body(k).map(InlineFindings::fix).orElse(null));
            return m;
        });
    }

    private void reject(Context ctx, Form f, int status, String message, Integer line) {
        Map<String, Object> model = form(f);
        model.put("error", message);
        if (line != null) {
            model.put("errorLine", line);
            String[] lines = f.diff().split("\r\n|\r|\n", -1);
            model.put("errorText", line >= 1 && line <= lines.length ? lines[line - 1] : null);
        }
        ctx.status(status);
        ctx.render("reviews/new", model);
    }

    private static Map<String, Object> form(Form f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", f);
        m.put("error", null);
        m.put("errorLine", null);
        m.put("errorText", null);
        m.put("maxBytes", SavedReviews.MAX_DIFF_BYTES);
        return m;
    }

    /** The file as text: UTF-8, and Latin-1 for the lines of a file kept in that encoding ({@link DiffEncoding}). */
    private static String read(UploadedFile upload) {
        try (java.io.InputStream in = upload.content()) {
            return DiffEncoding.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code ?page=N} (1-based); 1 when missing or not a positive number. */
    private static int pageParam(Context ctx) {
        try {
            return Math.max(1, Integer.parseInt(orEmpty(ctx.queryParam("page"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The form's fields exactly as the user sent them. */
    public record Form(String diff, String repository, String pr, String title, String url) {
        Form withDiff(String text) {
            return new Form(text, repository, pr, title, url);
        }
    }
}
