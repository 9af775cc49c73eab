package kb.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * LOG-03 in Go: a request or message handler whose lines lose the request's identity although the handler has it in
 * hand. LOG-03 asks for the id "in the logging context once ... a {@code slog.Logger} derived from it" and that every
 * line carries it; the structured loggers Go services use carry it the same way, as a logger derived with the id
 * ({@code logger.With(...)} in slog, zap, go-kit's {@code log.With(logger, ...)}, logrus' {@code WithField(s)},
 * zerolog's {@code With()...Logger()}, EdgeX's {@code lc.With(...)}). Two shapes of the change lose it:
 * <ul>
 *   <li>the edit replaces the derivation ({@code lc := h.lc.With(common.CorrelationHeader, id)}) by a plain copy of
 *   the service logger ({@code lc := h.lc}): every line written through that local from there on lacks the id, the
 *   unchanged ones included, so each is reported;</li>
 *   <li>the edit adds a line through the service logger (the receiver's field, {@code h.lc.Warnf}) in a function that
 *   logs through a local derived from it: the new line bypasses the request's logger. The derivation is read where
 *   the diff shows it; a hunk that starts inside the function (its header above the hunk) may hide it, and a local
 *   named exactly like the field it shadows is then taken for the derived one (low confidence).</li>
 * </ul>
 * Debug and trace lines are left out: the level is off where incidents are read. Functions with no request or
 * message in sight, and handlers that never had an identity-carrying logger, are left alone (the standard-logger
 * shape is {@link RequestLoggerDrops}').
 */
final class CorrelatedLoggerDrops {

    static final String RULE = "go-correlated-logger-bypassed";

    /** An assignment of a local: its name and right-hand side. */
    private static final Pattern ASSIGN = Pattern.compile("^\\s*(\\w+)\\s*:?=\\s*(.+?)\\s*$");
    /** A derivation of a logger with fields, in the structured loggers' spellings. */
    private static final Pattern DERIVES = Pattern.compile(
            "(?:\\.With(?:Fields?|Context|Values|Group)?|\\blog\\.With(?:Prefix)?|\\.Named)\\s*\\(");
    /** Words that name a request's or message's identity in a derivation's arguments. */
    private static final Pattern IDENTITY = Pattern.compile(
            "(?i)request|req_?id|reqid|correlation|trace|span_?id|traceparent|message_?id|msg_?id|delivery");
    /** A plain copy of another logger value: a name or a selector, nothing called. */
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z_][\\w.]*$");
    private static final Pattern FUNC = Pattern.compile("^func\\b");
    /** A function that serves a request or a message: what it takes in its header. */
    static final Pattern HANDLES = Pattern.compile(
            "\\*\\s*http\\.Request\\b|context\\.Context|\\b(?:env|envelope|msg|message|delivery|event|req|request)\\s+[\\w.*\\[\\]]+");

    private CorrelatedLoggerDrops() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO) {
            return List.of();
        }
        Severity severity = catalog.item("LOG-03").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        Set<Integer> lines = new LinkedHashSet<>();
        Set<Integer> guessed = new LinkedHashSet<>();
        for (Hunk h : file.change().hunks()) {
            copiesReplacingDerivations(file, h, lines);
            bypasses(file, h, lines, guessed);
        }
        List<Finding> out = new ArrayList<>();
        for (int line : lines) {
            out.add(finding(file, severity, line, guessed.contains(line)));
        }
        return out;
    }

    /** The first shape: a removed derivation carrying an id, and an added plain copy into the same local. */
    private static void copiesReplacingDerivations(SourceFile file, Hunk h, Set<Integer> out) {
        List<String> derived = new ArrayList<>();
        for (DiffLine l : h.lines()) {
            Matcher m = ASSIGN.matcher(l.text());
            if (l.kind() == DiffLine.Kind.REMOVED && m.find() && DERIVES.matcher(m.group(2)).find()
                    && IDENTITY.matcher(m.group(2)).find()) {
                derived.add(m.group(1));
            }
        }
        for (DiffLine l : h.lines()) {
            Matcher m = ASSIGN.matcher(l.text());
            if (l.kind() != DiffLine.Kind.ADDED || !m.find() || !derived.contains(m.group(1))
                    || !PLAIN.matcher(m.group(2)).matches()) {
                continue;
            }
            for (int at = l.newLine() + 1; at <= file.lineCount() && file.known(at); at++) {
                String text = file.line(at);
                if (FUNC.matcher(text).find() || text.startsWith("}")) {
                    break;
                }
                if (loggers(text).contains(m.group(1))) {
                    out.add(at);
                }
            }
        }
    }

    /** The second shape: an added line through the receiver's logger field beside a local derived from it. */
    private static void bypasses(SourceFile file, Hunk h, Set<Integer> out, Set<Integer> guessed) {
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            String field = loggers(l.text()).stream().filter(x -> RECEIVER_FIELD.matcher(x).matches())
                    .findFirst().orElse(null);
            if (field == null) {
                continue;
            }
            String name = field.substring(field.indexOf('.') + 1);
            int line = l.newLine();
            int from = line;
            String header = null;
            while (from > 1 && file.known(from - 1)) {
                from--;
                if (FUNC.matcher(file.line(from)).find()) {
                    header = file.line(from);
                    break;
                }
            }
            int to = line;
            while (to < file.lineCount() && file.known(to + 1) && !file.line(to + 1).startsWith("}")
                    && !FUNC.matcher(file.line(to + 1)).find()) {
                to++;
            }
            boolean headerHidden = header == null;
            if (!HANDLES.matcher(headerHidden ? h.section() : header).find()) {
                continue;
            }
            for (String local : loggingLocals(file, from, to, line)) {
                String made = definition(file, from, line, local);
                boolean derivedHere = made != null && made.contains(field) && DERIVES.matcher(made).find()
                        && IDENTITY.matcher(made).find();
                // a local named like the field it shadows, made above the hunk: taken for the derived one
                boolean shadows = made == null && headerHidden && local.equals(name);
                if (derivedHere || shadows) {
                    out.add(line);
                    if (!derivedHere) {
                        guessed.add(line);
                    }
                    break;
                }
            }
        }
    }

    /** The bare locals (no selector, no package) that lines {@code from..to} other than {@code skip} log through. */
    private static List<String> loggingLocals(SourceFile file, int from, int to, int skip) {
        Set<String> names = new LinkedHashSet<>();
        for (int at = from; at <= to; at++) {
            if (at != skip && file.known(at)) {
                loggers(file.line(at)).stream().filter(x -> x.indexOf('.') < 0 && !PACKAGES.contains(x))
                        .forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    /** The right-hand side that last defines {@code local} between {@code from} and {@code before}; null if unseen. */
    private static String definition(SourceFile file, int from, int before, String local) {
        Pattern def = Pattern.compile("^\\s*(?:var\\s+)?" + Pattern.quote(local) + "\\s*:?=\\s*(.+)$");
        String found = null;
        for (int at = from; at < before; at++) {
            Matcher m = def.matcher(file.line(at));
            if (file.known(at) && m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    /**
     * The loggers a line writes through at a production level, as written: {@code lc} for {@code lc.Errorf(...)},
     * {@code h.lc} for {@code h.lc.Warnf(...)}, {@code logger} for go-kit's {@code level.Warn(logger).Log(...)} and
     * zerolog's {@code logger.Error().Msg(...)}. A level method called without arguments and not chained into a
     * message ({@code err.Error()}) is no log line.
     */
    static List<String> loggers(String line) {
        List<String> out = new ArrayList<>();
        // both calls name a level (the kit's ends in Log): a line that names none, most of them, is not searched
        if (LEVEL_WORDS.stream().noneMatch(line::contains)) {
            return out;
        }
        Matcher m = METHOD_CALL.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        m = GO_KIT_CALL.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static final String LEVELS = "(?:Print|Info|Warn|Warning|Error|Fatal|Panic|Log)";
    /** A text of each level, one of which every match of either call holds. */
    private static final List<String> LEVEL_WORDS = List.of("Print", "Info", "Warn", "Error", "Fatal", "Panic", "Log");
    private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*(?:\\.\\w+)*?)\\s*\\.\\s*"
            + LEVELS + "\\w*\\s*\\((?:\\s*[^)\\s]|\\s*\\)\\s*\\.\\s*(?:Msg|Err|Str|Int|Any|Interface|Fields)\\w*\\s*\\()");
    private static final Pattern GO_KIT_CALL = Pattern.compile(
            "\\blevel\\s*\\.\\s*(?:Info|Warn|Error)\\s*\\(\\s*([A-Za-z_][\\w.]*)\\s*\\)\\s*\\.\\s*Log\\s*\\(");
    /** A field of the receiver (or of a package-level value): one selector step. */
    private static final Pattern RECEIVER_FIELD = Pattern.compile("[A-Za-z_]\\w*\\.[A-Za-z_]\\w*");
    /** Package names whose level functions are the process-wide loggers, not locals. */
    private static final Set<String> PACKAGES = Set.of("log", "slog", "fmt", "level", "klog", "glog", "zap", "logrus");

    private static Finding finding(SourceFile file, Severity severity, int line, boolean guessed) {
        return new Finding(RULE, "LOG-03", severity, file.path(), line, 1, file.line(line).strip(),
                "This handler has a logger that carries the request's (or message's) id, but this line is written "
                        + "through the plain service logger: it cannot be tied to the request that failed. Log "
                        + "through the logger derived with the id (logger.With(\"request_id\", id)).",
                guessed ? Finding.Confidence.LOW : Finding.Confidence.HIGH,
                guessed ? "the local's definition is above the hunk; taken to be derived from the field it shadows"
                        : null, "kb", null);
    }
}
