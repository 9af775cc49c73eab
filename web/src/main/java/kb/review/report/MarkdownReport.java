package kb.review.report;

import kb.review.engine.Finding;
import kb.review.engine.GeneratedCode;
import kb.review.engine.ManualCheck;
import kb.review.engine.Review;
import kb.review.rules.Catalog;
import java.util.List;
import java.util.stream.Collectors;
import kb.format.ChecklistItem.Severity;

/**
 * The pull-request comment. It starts with {@value #MARKER} so a bot can find and update its previous comment, and
 * each manual-checklist line carries a hidden {@code <!-- kb-manual:ID -->} marker so ticks survive an update.
 */
public final class MarkdownReport {

    /** How many generated or vendored files the comment names before it only counts the rest. */
    static final int FOREIGN_SHOWN = 10;

    public static final String MARKER = "<!-- kb-review -->";

    private MarkdownReport() {
    }

    public static String render(ReportContext ctx) {
        Review r = ctx.review();
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        boolean pass = ctx.verdict() == Review.Verdict.PASS;
        md.append("## Checklist review: ").append(pass ? "passed" : "changes requested").append("\n\n");
        if (ctx.saved() != null && !ctx.saved().reasons().isEmpty()) {
            md.append("Why:\n");
            ctx.saved().reasons().forEach(reason -> md.append("- ").append(text(reason)).append('\n'));
            md.append('\n');
        }
        md.append("| blocker | warning | advice | suppressed | manual checks |\n|---:|---:|---:|---:|---:|\n");
        long suppressed = r.findings().stream().filter(Finding::suppressed).count();
        md.append("| ").append(r.count(Severity.BLOCKER)).append(" | ").append(r.count(Severity.WARNING))
                .append(" | ").append(r.count(Severity.ADVICE)).append(" | ").append(suppressed).append(" | ")
                .append(r.manual().size()).append(" |\n\n");
        md.append("Reviewed ").append(r.files().size()).append(r.files().size() == 1 ? " file" : " files")
                .append(", ").append(r.addedLines()).append(" added lines (").append(modeText(r.mode()))
                .append("). The gate fails on ").append(ReportContext.label(ctx.failLevel())).append(" or worse.\n");
        if (!r.testFiles().isEmpty()) {
            md.append(r.testFiles().size()).append(r.testFiles().size() == 1 ? " test file was" : " test files were")
                    .append(" not reviewed (the checklist is about production code; `--include-tests` reviews them).\n");
        }
        if (!r.foreignFiles().isEmpty()) {
            boolean one = r.foreignFiles().size() == 1;
            md.append(r.foreignFiles().size()).append(one ? " file was" : " files were")
                    .append(" not reviewed because nobody edits ").append(one ? "it" : "them")
                    .append(" by hand here (a fix belongs in the generator or ")
                    .append("upstream): ").append(String.join(", ", r.foreignFiles().stream().limit(FOREIGN_SHOWN)
                    .map(p -> '`' + p + "` (" + GeneratedCode.reason(p) + ")").toList()));
            if (r.foreignFiles().size() > FOREIGN_SHOWN) {
                // a dependency bump vendors thousands of files: the comment must stay within a PR comment's size
                md.append(" and ").append(r.foreignFiles().size() - FOREIGN_SHOWN).append(" more (the JSON report "
                        + "lists them all)");
            }
            md.append(".\n");
        }
        for (String path : r.notAnalysed()) {
            md.append('`').append(path).append("` ").append(Review.NOT_ANALYSED).append(".\n");
        }
        if (r.unmappedImports() > 0) {
            md.append(r.unmappedImports()).append(" imported result(s) map to no checklist item and are not shown.\n");
        }
        List<Finding> active = r.active();
        if (!active.isEmpty()) {
            md.append("\n### Findings\n");
            active.forEach(f -> finding(md, ctx, f));
        }
        List<Finding> silenced = r.findings().stream().filter(Finding::suppressed).toList();
        if (!silenced.isEmpty()) {
            md.append("\n<details><summary>Suppressed findings (").append(silenced.size()).append(")</summary>\n\n");
            for (Finding f : silenced) {
                md.append("- `").append(f.path()).append(':').append(f.line()).append("` ").append(f.rule())
                        .append(" (").append(f.item()).append("): ")
                        .append(text(f.suppression().reason() == null ? "no reason given" : f.suppression().reason()))
                        .append('\n');
            }
            md.append("\n</details>\n");
        }
        if (!r.manual().isEmpty()) {
            md.append("\n### Manual checklist\nDetectors cannot decide these; the change touches what they are about."
                    + " Tick each one you checked.\n\n<!-- kb-manual:start -->\n");
            for (ManualCheck m : r.manual()) {
                manualLine(md, ctx, m);
            }
            md.append("<!-- kb-manual:end -->\n");
        }
        return md.append("\n<!-- kb-review:end -->\n").toString();
    }

    /** An unticked box, or the reviewer's mark: ticked when checked or not applicable, who marked it, the note. */
    private static void manualLine(StringBuilder md, ReportContext ctx, ManualCheck m) {
        ReportContext.Mark mark = ctx.mark(m.item()).orElse(null);
        md.append(mark == null ? "- [ ] " : mark.state().equals("failed") ? "- [ ] **failed** " : "- [x] ");
        md.append('[').append(m.item()).append(" ").append(text(ctx.title(m.item()))).append("](")
                .append(ctx.itemUrl(m.item())).append("): ").append(text(m.prompt())).append(" _(")
                .append(text(m.reason())).append(")_");
        if (mark != null) {
            md.append(" (").append(mark.state().replace('_', ' ')).append(" by ").append(text(mark.markedBy()))
                    .append(')');
            if (!mark.note().isBlank()) {
                md.append(' ').append(text(mark.note()));
            }
        }
        md.append(" <!-- kb-manual:").append(m.item()).append(" -->\n");
    }

    private static void finding(StringBuilder md, ReportContext ctx, Finding f) {
        md.append("\n**").append(ReportContext.label(f.severity())).append("** `").append(f.path()).append(':')
                .append(f.line()).append("` · [").append(f.item()).append(' ').append(text(ctx.title(f.item())))
                .append("](").append(ctx.itemUrl(f.item())).append(") · `").append(f.rule()).append("`\n");
        if (!f.code().isEmpty()) {
            md.append("```\n").append(f.code().replace("```", "'''")).append("\n```\n");
        }
        md.append(text(f.message()));
        if (f.confidence() == Finding.Confidence.LOW) {
            md.append(" _Low confidence: ").append(text(f.note())).append("._");
        } else if (f.note() != null && !f.note().isBlank()) {
            // a reason that no longer lowers confidence (Hit.calibrated) is still what the review could not see
            md.append(" _Note: ").append(text(f.note())).append("._");
        }
        md.append('\n');
        if (!f.flow().isEmpty()) {
            md.append("\nPath: ").append(text(f.flowSummary())).append('\n');
            for (Finding.Step step : f.flow()) {
                md.append("- line ").append(step.line()).append(": ").append(text(step.message())).append('\n');
            }
        }
        List<Catalog.IncidentRef> incidents = ctx.incidents(f.item());
        if (!incidents.isEmpty()) {
            md.append("Incidents behind this item: ").append(incidents.stream()
                    .map(i -> "[" + text(i.title()) + "](" + ctx.incidentUrl(i.id()) + ")")
                    .collect(Collectors.joining(", "))).append('\n');
        }
    }

    private static String modeText(String mode) {
        return switch (mode) {
            case "repo" -> "whole files from the repository";
            case "diff" -> "diff hunks only";
            default -> "whole files";
        };
    }

    /** Plain text safe inside Markdown: no HTML, no accidental links or emphasis from brackets and stars. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_")
                .replace("\r", " ").replace("\n", " ");
    }
}
