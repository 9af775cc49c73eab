package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that rewrites a line only to take the bound off the call it keeps: a deadline or timeout link cut out of
 * the chain ({@code stub.withDeadlineAfter(d, unit).get(req)} becoming {@code stub.get(req)}, a Reactor
 * {@code .timeout(d)}, a future's {@code .orTimeout(...)}, a MongoDB query's server-side limit
 * {@code .maxTime(d, unit)} or {@code .maxTimeMS(ms)}, which ends a slow find or aggregate and frees the caller), or
 * the bound emptied out of a blocking wait ({@code mono.block(Duration.ofSeconds(5))} becoming {@code mono.block()},
 * {@code future.get(2, SECONDS)} becoming {@code future.get()}, the same for {@code blockFirst}, {@code blockLast},
 * {@code await}, {@code join} and {@code waitFor}). TMO-01 asks for a deadline on every RPC and a timeout on every
 * outbound call; the old line is the
 * code's own word that this one had a bound, and the new line is the old one less the bound, so the wait is now
 * unlimited. {@link DeletedTimeoutSetters} reads whole deleted lines; this reads a line edited in place.
 * Silent when the old line stripped of the bound differs in anything else from the new one (a rewrite), when the
 * bound was off anyway ({@code 0}, {@code Duration.ZERO}), for idle and keep-alive timeouts, and when an added line of
 * the change names a timeout or deadline (the bound moved). Cost: one {@code contains} pre-check per deleted line; the
 * patterns run only on deleted lines that name a timeout, a deadline or a wait with arguments.
 */
final class StrippedTimeouts {

    static final String RULE = "stripped-timeout";

    /** A chain link that bounds the call: {@code .withDeadlineAfter(...)}, {@code .timeout(...)}, {@code .orTimeout(...)}. */
    private static final Pattern LINK = Pattern.compile(
            "\\.\\s*((?:with)?Deadline(?:After)?|withDeadline(?:After)?|timeout|orTimeout|completeOnTimeout"
                    + "|with[A-Z]\\w*Timeout|maxTime(?:MS|Msec)?)\\s*\\(");
    /** A blocking wait given a bound as its arguments. */
    private static final Pattern WAIT = Pattern.compile(
            "\\.\\s*(block|blockFirst|blockLast|blockOptional|get|await|join|waitFor|blockingAwait)\\s*\\(");
    private static final Pattern NOT_A_WAIT = Pattern.compile("Idle|KeepAlive|Linger|Evict|Shutdown|Close|Grace");
    private static final Pattern OFF = Pattern.compile("^\\s*(?:0+[lL]?|-1|Duration\\.ZERO)\\s*(?:,.*)?$");
    private static final Pattern MENTIONS = Pattern.compile("(?i)timeout|deadline|maxTime");
    private static final Pattern UNIT_ARG = Pattern.compile(".*,\\s*(?:[A-Z][A-Z_]+|\\w*[uU]nit)\\s*");
    private static final Pattern MILLIS = Pattern.compile("\\s*\\d+[lL]?\\s*|.*(?i:millis|timeout|ms\\b).*");
    private static final Pattern BOUND_NAME = Pattern.compile(".*(?i:timeout|deadline|wait|limit|budget).*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private StrippedTimeouts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        List<RemovedLine> removed = RemovedLine.of(file);
        if (removed.isEmpty() || allAdded.anyFinds(MENTIONS)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : removed) {
            if (continues(r.lines(), r.index(), DiffLine.Kind.REMOVED)) {
                continue; // read with the line that starts its statement
            }
            String old = statement(r.lines(), r.index(), DiffLine.Kind.REMOVED);
            if (!hasBound(old)) {
                continue;
            }
            for (String[] cut : strippings(old)) {
                DiffLine now = replacement(r, cut[0]);
                if (now != null && !moved(cut[1], file, now) && out.stream().noneMatch(f -> f.line() == now.newLine())) {
                    out.add(new Finding(RULE, "TMO-01", severity, file.path(), now.newLine(), 1, now.text().strip(),
                            "The change keeps this call but takes its bound off (`"
                                    + SPACE.matcher(old.strip()).replaceAll(" ") + "` before): a peer "
                                    + "that stops answering now holds the caller, its thread and its connection "
                                    + "without limit. Keep a deadline or timeout on the call, or say where it moved.",
                            Finding.Confidence.HIGH, null, "kb", null));
                    break;
                }
            }
        }
        return out;
    }

    /** The cheap pre-check: the deleted line names a timeout or deadline, or passes arguments to a wait. */
    private static boolean hasBound(String line) {
        return line.contains("imeout") || line.contains("eadline") || line.contains("maxTime")
                || line.contains(".block")
                || line.contains(".get(") || line.contains(".await(") || line.contains(".join(")
                || line.contains(".waitFor(") || line.contains(".blockingAwait(")
                || DeletedTimeoutSetters.MENTIONS_TIMEOUT.matcher(line).find();
    }

    /** The deleted line without each bound it carries (whitespace removed), with the bound's arguments. */
    private static List<String[]> strippings(String line) {
        List<String[]> out = new ArrayList<>();
        Matcher link = LINK.matcher(line);
        while (link.find()) {
            int close = closing(line, link.end() - 1);
            if (close > 0 && !NOT_A_WAIT.matcher(link.group(1)).find()
                    && !OFF.matcher(line.substring(link.end(), close)).matches()) {
                out.add(new String[] {squeeze(line.substring(0, link.start()) + line.substring(close + 1)),
                        line.substring(link.end(), close)});
            }
        }
        Matcher wait = WAIT.matcher(line);
        while (wait.find()) {
            int close = closing(line, wait.end() - 1);
            String args = close > 0 ? line.substring(wait.end(), close) : "";
            if (close > 0 && !args.isBlank() && !OFF.matcher(args).matches() && bounding(wait.group(1), args)) {
                out.add(new String[] {squeeze(line.substring(0, wait.end()) + line.substring(close)), args});
            }
        }
        out.addAll(droppedArguments(line));
        return out;
    }

    /** An argument that is a time limit by its name: {@code CONNECT_TIMEOUT_MS}, {@code timeoutMillis}, {@code d.deadline}. */
    private static final Pattern LIMIT_ARGUMENT = Pattern.compile("^[\\w$.]*(?i:timeout|deadline)[\\w$]*(?:\\(\\s*\\))?$");

    /**
     * The deleted line less the arguments of one call that name a time limit, and less that call's whole argument list
     * (session 52, tmo52): {@code new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT)} become
     * {@code new DefaultResourceRetriever()}, {@code session.connect(timeoutMillis)} become {@code session.connect()}.
     * The construction or call stays and takes the library's default, mostly no bound at all (rounds 52 and 94). Only
     * arguments whose name says timeout or deadline count (the word table {@link DeletedTimeoutSetters#MENTIONS_TIMEOUT});
     * idle, keep-alive and the other no-wait limits do not.
     */
    private static final Pattern NO_WAIT_ARGUMENT = Pattern.compile(
            "(?i)idle|keep_?alive|linger|evict|shutdown|close|grace|ttl|lease|validation");

    private static List<String[]> droppedArguments(String line) {
        List<String[]> out = new ArrayList<>();
        for (int open = line.indexOf('('); open >= 0; open = line.indexOf('(', open + 1)) {
            int close = closing(line, open);
            if (close < 0) {
                continue;
            }
            List<String> args = arguments(line.substring(open + 1, close));
            List<String> kept = new ArrayList<>();
            List<String> limits = new ArrayList<>();
            for (String a : args) {
                if (LIMIT_ARGUMENT.matcher(a).matches() && !NO_WAIT_ARGUMENT.matcher(a).find()) {
                    limits.add(a);
                } else {
                    kept.add(a);
                }
            }
            if (limits.isEmpty()) {
                continue;
            }
            String head = line.substring(0, open + 1);
            String tail = line.substring(close);
            out.add(new String[] {squeeze(head + String.join(",", kept) + tail), String.join(",", limits)});
            if (!kept.isEmpty()) {
                out.add(new String[] {squeeze(head + tail), String.join(",", limits)});
            }
        }
        return out;
    }

    /** The top-level arguments of an argument list, stripped. */
    private static List<String> arguments(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(' || c == '[' || c == '{' || c == '<') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!list.isBlank()) {
            out.add(list.substring(start).strip());
        }
        return out;
    }

    /**
     * True when {@code args} of the wait {@code name} read as a bound: a {@code Duration}, a time unit, or a name or
     * number for a bound. A {@code get(key)} of a map or {@code join(", ")} of strings is no wait.
     */
    private static boolean bounding(String name, String args) {
        boolean unit = args.contains("TimeUnit.") || UNIT_ARG.matcher(args).matches();
        if (name.equals("get") || name.equals("await") || name.equals("waitFor")) {
            return unit;
        }
        if (name.equals("join")) {
            return unit || MILLIS.matcher(args).matches();
        }
        return unit || args.contains("Duration") || BOUND_NAME.matcher(args).matches();
    }

    /**
     * True when a variable the bound was made of ({@code budget} in {@code get(budget.toMillis(), MILLISECONDS)})
     * appears on another added line of the file: the bound moved (into a watchdog that cancels the work, a
     * {@code timeout} link on the line above) rather than went away.
     */
    private static boolean moved(String args, SourceFile file, DiffLine now) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(args.charAt(i - 1))
                    && args.charAt(i - 1) != '.')) {
                int end = i;
                while (end < args.length() && Character.isJavaIdentifierPart(args.charAt(end))) {
                    end++;
                }
                if (Character.isLowerCase(c) && end - i > 1) {
                    names.add(args.substring(i, end));
                }
                i = end;
            }
        }
        if (names.isEmpty()) {
            return false;
        }
        for (var h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED && l != now
                        && names.stream().anyMatch(n -> mentions(l.text(), n))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code text} holds {@code name} as a whole identifier. */
    private static boolean mentions(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The added line of the same changed block whose statement reads as {@code stripped}, or null. Statements are
     * compared whole: a chain the old side split over two lines ({@code ...toCompletableFuture()} then {@code .get(t,
     * MILLISECONDS);}) and the new side wrote on one is the same call less its bound (session 45, round 77's DNS
     * resolver).
     */
    private static DiffLine replacement(RemovedLine r, String stripped) {
        List<DiffLine> block = RemovedLine.changedBlock(r.lines(), r.index());
        for (int i = 0; i < block.size(); i++) {
            DiffLine l = block.get(i);
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && !continues(block, i, DiffLine.Kind.ADDED)
                    && squeeze(statement(block, i, DiffLine.Kind.ADDED)).equals(stripped)) {
                return l;
            }
        }
        return null;
    }

    /** How many lines of one kind a statement is read across. */
    private static final int STATEMENT_LINES = 4;

    /** True when the line at {@code at} continues a statement the line above it, of the same kind, left open. */
    private static boolean continues(List<DiffLine> lines, int at, DiffLine.Kind kind) {
        return at > 0 && lines.get(at - 1).kind() == kind && open(lines.get(at - 1).text());
    }

    /** The text of the statement that starts at {@code at}: the line and the lines of its kind that continue it. */
    private static String statement(List<DiffLine> lines, int at, DiffLine.Kind kind) {
        StringBuilder text = new StringBuilder(lines.get(at).text());
        for (int i = at + 1; i < lines.size() && i - at < STATEMENT_LINES && open(lines.get(i - 1).text())
                && lines.get(i).kind() == kind; i++) {
            text.append(' ').append(lines.get(i).text());
        }
        return text.toString();
    }

    /** A line that leaves its statement open: it does not end with {@code ;}, a brace, or a comment. */
    private static boolean open(String line) {
        String t = line.strip();
        return !t.isEmpty() && !t.endsWith(";") && !t.endsWith("{") && !t.endsWith("}") && !t.startsWith("//")
                && !t.startsWith("*") && !t.startsWith("/*") && !t.startsWith("@");
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1 when the line ends first. */
    static int closing(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String squeeze(String s) {
        return SPACE.matcher(s).replaceAll("");
    }
}
