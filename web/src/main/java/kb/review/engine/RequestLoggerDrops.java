package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * LOG-03 in Go: an HTTP handler (a function with an {@code *http.Request} parameter, or a closure inside one) that
 * has a request-scoped logger and writes a new line through the process-wide standard logger instead
 * ({@code log.Printf}), which carries no request id. LOG-03 asks for the id "in the logging context once ... a
 * slog.Logger derived from it in Go" and to "copy it explicitly into tasks handed to other ... goroutines"; its Bad Go
 * example is exactly a {@code log.Printf} line. Two signals that the handler has such a logger, both visible in the
 * change: the same hunk deletes a line that logged through another logger (the edit moved the line off the request's
 * logger), or the handler, above the new line, declares a logger from the request or its context
 * ({@code logger := middleware.Logger(r)}, {@code lg := loggerFrom(ctx)}). A handler with no logger in sight, and any
 * function that is not a handler, are left alone: the standard logger may be all the program has.
 */
final class RequestLoggerDrops {

    static final String RULE = "go-request-logger-dropped";

    /** A line through the standard library's process-wide logger. */
    private static final Pattern STD_LOG = Pattern.compile("^\\s*log\\.(?:Print|Printf|Println)\\s*\\(");
    /** A deleted line that logged through a logger value (not the standard {@code log} or {@code fmt}). */
    private static final Pattern OTHER_LOGGER = Pattern.compile(
            "^\\s*(?!log\\.|fmt\\.)[\\w.]*(?i:log)\\w*\\.(?:Debug|Info|Warn|Error)\\w*\\s*\\(");
    /** A logger declared from the request or its context. */
    private static final Pattern REQUEST_LOGGER = Pattern.compile(
            "\\b(?:(?:\\w*(?i:logger)\\w*|log|lg|\\w*Log)\\s*:?=\\s*[\\w.]+"
                    + "|\\w+\\s*:?=\\s*[\\w.]*(?:(?i:logger)|Log|zerolog\\.|log\\.)\\w*)"
                    + "\\([^;\\n]*\\b(?:r|req|request|ctx)\\b");
    private static final Pattern FUNC = Pattern.compile("^func\\b");
    private static final Pattern HANDLER = Pattern.compile("\\*\\s*http\\.Request\\b");

    private RequestLoggerDrops() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || !file.lowerText().contains("log.print")) {
            return List.of();
        }
        Severity severity = catalog.item("LOG-03").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            boolean movedOff = h.lines().stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED
                    && OTHER_LOGGER.matcher(l.text()).find());
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.ADDED || !STD_LOG.matcher(l.text()).find()) {
                    continue;
                }
                int line = l.newLine();
                String header = null;
                boolean declared = false;
                for (int at = line - 1; at >= 1 && file.known(at); at--) {
                    String text = file.line(at);
                    if (FUNC.matcher(text).find()) {
                        header = text;
                        break;
                    }
                    declared |= REQUEST_LOGGER.matcher(text).find();
                }
                if (header == null) {
                    header = h.section() == null ? "" : h.section();
                }
                if (HANDLER.matcher(header).find() && (movedOff || declared)) {
                    out.add(new Finding(RULE, "LOG-03", severity, file.path(), line, 1, l.text().strip(),
                            "This handler has a request-scoped logger, but this line goes to the process-wide "
                                    + "standard logger: it carries no request id, so it cannot be tied to the request "
                                    + "that failed. Log through the request's logger (or one derived from its "
                                    + "context), also inside the goroutines the handler starts.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }
}
