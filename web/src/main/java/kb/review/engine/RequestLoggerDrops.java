package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.analysis.WidenedLoggers;
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
 * <p>(session 51, ids51) The same move outside net/http: a changed block that removes a production-level line written
 * through a logger bound to the call and adds, for the same event (its message words), a line through the standard
 * logger. Bound means taken from the context or the request or derived with fields that name the call
 * ({@code zerolog.Ctx(ctx).Error().Str("event_id", ...)}, {@code c.Logger().WithField("tx_id", tx.ID)}, read by
 * {@code WidenedLoggers.boundToCall}), or a local logger (a bare name) in a function that takes a context, a request,
 * an event or a delivery. The rounds' misses were a recovered event-handler panic (mautrix), a middleware's failed
 * rollback (buffalo) and a failed merge in a webhook's processing (bulldozer). Not this: a debug or trace line (off
 * where incidents are read), the receiver's or a package's logger given up (not bound to the call; a receiver field
 * with the same message is {@code WidenedLoggers}'), a standard line for another event, a local logger in a function
 * that serves no request (start-up, a command's main).
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
            for (ChangeBlocks.Block b : ChangeBlocks.of(h)) {
                int line = movedOffBoundLogger(file, h, b);
                if (line > 0) {
                    out.add(new Finding(RULE, "LOG-03", severity, file.path(), line, 1, file.line(line).strip(),
                            "The line this replaces was written through a logger bound to the call (taken from its "
                                    + "context or derived with its ids); the standard logger carries none of them, so "
                                    + "the record can no longer be tied to the request or event that failed. Keep the "
                                    + "bound logger (or log its ids).", Finding.Confidence.HIGH, null, "kb", null));
                }
            }
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
                if (HANDLER.matcher(header).find() && (movedOff || declared)
                        && out.stream().noneMatch(f -> f.line() == line)) {
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

    /** A removed log statement's logger (all before its level call) and its level. */
    private static final Pattern REMOVED_LOG = Pattern.compile("^(?<recv>[A-Za-z_].*?)\\.(?<lvl>Print|Info|Warn"
            + "|Warning|Error|Fatal|Panic|Debug|Trace)\\w*\\s*\\(");
    private static final Pattern MESSAGE_WORD = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BARE_LOCAL = Pattern.compile("(?i)[a-z_]*log\\w*|lg|l");
    private static final Pattern PACKAGE_LOGGERS = Pattern.compile(
            "log|logrus|klog|glog|slog|zap|zerolog|hclog|stdlog|logging|logs|xlog");

    /**
     * The session-51 shape: the new line of {@code b} that logs through the standard logger the event the block's
     * removed statement logged through a logger bound to the call; 0 if none.
     */
    private static int movedOffBoundLogger(SourceFile file, Hunk h, ChangeBlocks.Block b) {
        if (b.removed().isEmpty() || b.removed().size() > 8 || b.added().isEmpty()) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        b.removed().forEach(l -> joined.append(l.text().strip()));
        String removed = joined.toString();
        Matcher m = REMOVED_LOG.matcher(removed);
        if (!m.find() || m.group("lvl").equals("Debug") || m.group("lvl").equals("Trace")) {
            return 0;
        }
        String recv = m.group("recv").strip();
        DiffLine std = b.added().stream().filter(l -> STD_LOG.matcher(l.text()).find()).findFirst().orElse(null);
        if (std == null || !sameEvent(removed.substring(m.end()), std.text())) {
            return 0;
        }
        boolean bound = WidenedLoggers.boundToCall(recv);
        if (!bound && BARE_LOCAL.matcher(recv).matches() && !PACKAGE_LOGGERS.matcher(recv).matches()) {
            // a local logger, in a function that serves a request, an event or a delivery
            String header = null;
            for (int at = std.newLine() - 1; at >= 1 && file.known(at) && header == null; at--) {
                if (FUNC.matcher(file.line(at)).find()) {
                    header = file.line(at);
                }
            }
            if (header == null) {
                header = h.section() == null ? "" : h.section();
            }
            // a package-level logger of that name (declared in the file) is the service's, not the call's
            Pattern global = Pattern.compile("^(?:var\\s+)?" + Pattern.quote(recv) + "\\s*=");
            boolean packageLevel = false;
            for (int at = 1; at <= file.lineCount() && !packageLevel; at++) {
                packageLevel = file.known(at) && global.matcher(file.line(at)).find();
            }
            bound = !packageLevel && CorrelatedLoggerDrops.HANDLES.matcher(header).find();
        }
        return bound ? std.newLine() : 0;
    }

    /** Most of the new line's message words were the old line's, at least two of them: one event. */
    private static boolean sameEvent(String was, String now) {
        Set<String> old = messageWords(was);
        Set<String> fresh = messageWords(now);
        long common = fresh.stream().filter(old::contains).count();
        return common >= 2 && common * 2 >= fresh.size();
    }

    private static Set<String> messageWords(String code) {
        Set<String> out = new HashSet<>();
        Matcher lit = LITERAL.matcher(code);
        while (lit.find()) {
            Matcher w = MESSAGE_WORD.matcher(lit.group().toLowerCase());
            while (w.find()) {
                out.add(w.group());
            }
        }
        return out;
    }
}
