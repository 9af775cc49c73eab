package kb.review.report;

import kb.review.engine.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * reviewdog's Diagnostic Format (rdjson), so {@code reviewdog -f=rdjson} can post the findings as review comments.
 * Suppressed findings are left out.
 */
public final class RdjsonReport {

    private RdjsonReport() {
    }

    public static String render(ReportContext ctx) {
        ObjectNode root = SarifReport.JSON.createObjectNode();
        root.putObject("source").put("name", "postmortem-kb").put("url", ctx.siteUrl() + "/");
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Finding f : ctx.review().active()) {
            ObjectNode d = diagnostics.addObject();
            d.put("message", f.message() + incidents(ctx, f));
            ObjectNode start = d.putObject("location").put("path", f.path()).putObject("range").putObject("start");
            start.put("line", f.line()).put("column", f.column());
            d.put("severity", switch (f.severity()) {
                case BLOCKER -> "ERROR";
                case WARNING -> "WARNING";
                case ADVICE -> "INFO";
            });
            d.putObject("source").put("name", f.origin().equals("kb") ? "postmortem-kb" : f.origin());
            d.putObject("code").put("value", f.item() + "/" + f.rule()).put("url", ctx.itemUrl(f.item()));
        }
        try {
            return SarifReport.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rdjson could not be written", e);
        }
    }

    private static String incidents(ReportContext ctx, Finding f) {
        var list = ctx.incidents(f.item());
        if (list.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" Incidents: ");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(list.get(i).title()).append(" (")
                    .append(ctx.incidentUrl(list.get(i).id())).append(')');
        }
        return sb.toString();
    }
}
