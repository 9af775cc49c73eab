package kb.review.report;

import kb.review.engine.Review;
import kb.review.engine.Finding;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), one per unsuppressed finding, capped
 * so a large change does not drown the job log; a final notice says how many were left out.
 */
public final class GithubReport {

    public static final int DEFAULT_CAP = 50;

    private GithubReport() {
    }

    public static String render(ReportContext ctx, int cap) {
        StringBuilder out = new StringBuilder();
        List<Finding> active = ctx.review().active();
        for (Finding f : active.subList(0, Math.min(cap, active.size()))) {
            // a finding that hinges on a helper the review could not see fails no gate: a notice, saying why
            String command = f.undecided() ? "notice" : switch (f.severity()) {
                case BLOCKER -> "error";
                case WARNING -> "warning";
                case ADVICE -> "notice";
            };
            out.append("::").append(command).append(" file=").append(property(f.path()))
                    .append(",line=").append(f.line()).append(",col=").append(f.column())
                    .append(",title=").append(property(f.item() + " " + ctx.title(f.item()) + " (" + f.rule() + ")"))
                    .append("::").append(data(f.message() + (f.undecided() ? " (" + f.note() + ")" : "") + " "
                            + ctx.itemUrl(f.item()))).append('\n');
        }
        for (String path : ctx.review().notAnalysed()) {
            out.append("::warning file=").append(property(path)).append("::")
                    .append(data(path + " " + Review.NOT_ANALYSED)).append('\n');
        }
        if (active.size() > cap) {
            out.append("::notice::").append(data((active.size() - cap) + " more findings are not annotated; see the"
                    + " full report")).append('\n');
        }
        return out.toString();
    }

    /** Escaping for a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for a command's properties, where ':' and ',' are separators. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
