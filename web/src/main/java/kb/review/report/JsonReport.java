package kb.review.report;

import kb.review.engine.Finding;
import kb.review.engine.GeneratedCode;
import kb.review.engine.ManualCheck;
import kb.review.engine.Review;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The review as JSON: what {@code POST /api/reviews} returns and what {@code --format json} prints. */
public final class JsonReport {

    private JsonReport() {
    }

    /**
     * The report as a tree. A saved review's also says what the findings alone gave ({@code engineVerdict}), why
     * the verdict is what it is ({@code verdictReasons}), and each manual item's {@code mark} (null when unmarked).
     */
    public static ObjectNode tree(ReportContext ctx) {
        return tree(ctx, SarifReport.JSON.createObjectNode());
    }

    private static ObjectNode tree(ReportContext ctx, ObjectNode root) {
        Review r = ctx.review();
        if (ctx.saved() != null) {
            root.put("engineVerdict", ReportContext.key(ctx.engineVerdict()));
        }
        root.put("verdict", ReportContext.key(ctx.verdict()));
        if (ctx.saved() != null) {
            ArrayNode reasons = root.putArray("verdictReasons");
            ctx.saved().reasons().forEach(reasons::add);
        }
        root.put("failLevel", ReportContext.label(ctx.failLevel())).put("mode", r.mode())
                .put("addedLines", r.addedLines()).put("unmappedImports", r.unmappedImports());
        ArrayNode files = root.putArray("files");
        for (Review.ReviewedFile f : r.files()) {
            files.addObject().put("path", f.path()).put("oldPath", f.oldPath())
                    .put("change", f.change().name().toLowerCase(Locale.ROOT))
                    .put("language", f.language().key()).put("addedLines", f.addedLines())
                    .put("binary", f.binary()).put("wholeFile", f.complete()).put("analysed", f.analysed());
        }
        ArrayNode tests = root.putArray("testFilesNotReviewed");
        r.testFiles().forEach(tests::add);
        ArrayNode foreign = root.putArray("foreignFilesNotReviewed");
        r.foreignFiles().forEach(p -> foreign.addObject().put("path", p).put("reason", GeneratedCode.reason(p)));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.rule()).put("item", f.item()).put("itemTitle", ctx.title(f.item()))
                    .put("itemUrl", ctx.itemUrl(f.item())).put("severity", ReportContext.label(f.severity()))
                    .put("path", f.path()).put("line", f.line()).put("column", f.column()).put("code", f.code())
                    .put("message", f.message()).put("confidence", f.confidence().name().toLowerCase(Locale.ROOT))
                    .put("note", f.note()).put("origin", f.origin()).put("suppressed", f.suppressed());
            if (f.suppressed()) {
                o.putObject("suppression").put("line", f.suppression().line())
                        .put("reason", f.suppression().reason());
            }
            ArrayNode incidents = o.putArray("incidents");
            ctx.incidents(f.item()).forEach(i -> incidents.addObject().put("id", i.id()).put("title", i.title())
                    .put("url", ctx.incidentUrl(i.id())));
        }
        ArrayNode manual = root.putArray("manual");
        for (ManualCheck m : r.manual()) {
            ObjectNode o = manual.addObject().put("item", m.item()).put("itemTitle", ctx.title(m.item()))
                    .put("itemUrl", ctx.itemUrl(m.item())).put("prompt", m.prompt()).put("reason", m.reason());
            if (ctx.saved() != null) {
                ctx.mark(m.item()).ifPresentOrElse(mark -> o.putObject("mark").put("state", mark.state())
                        .put("note", mark.note()).put("markedBy", mark.markedBy())
                        .put("markedAt", mark.markedAt().toString()), () -> o.putNull("mark"));
            }
        }
        return root;
    }

    public static String render(ReportContext ctx) {
        return render(ctx, SarifReport.JSON.createObjectNode());
    }

    /** The report after the fields of {@code envelope} (e.g. a saved review's id and links), which come first. */
    public static String render(ReportContext ctx, ObjectNode envelope) {
        try {
            return SarifReport.JSON.writeValueAsString(tree(ctx, envelope.deepCopy())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }
}
