package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java try the change writes whose catches disagree (session 51, err51): one catch reports the failure (it throws,
 * or logs above debug), and a sibling catch of the same try, for a failure of the work itself (I/O, a database, a
 * remote or asynchronous call, a catch-all), lets its failure go with no word to anyone: it only counts ({@code
 * failed++}), puts a default in a local, or returns a default, with at most a debug line. The author's own sibling is
 * the evidence that failures of this try are meant to be seen, and that this one goes nowhere: the caller gets an
 * ordinary answer (an empty list for "could not read the device") and production's log has nothing (a reconnect that
 * fails every 15 seconds, forever, unseen).
 *
 * <p>This is the reading of a catch written new that {@link SilencedCatches} leaves alone (it wants a deleted use of
 * the exception: a catch written new that answers a default is mostly a chosen fall-back), narrowed by the sibling.
 * Left alone: a catch of a failure whose answer is absence, a bad value, an interruption, a timeout, or a peer that
 * went away ({@link JavaRemovedErrorHandling#ANSWERABLE}, {@link #INPUT}); a catch with a comment (the author says
 * why); a debug line with no default answer (an expected failure logged for whoever debugs: a network read that a
 * client abandoned); a count that the code compares (a retry bound: the failure surfaces when the bound is hit);
 * a boolean or a negative number returned (the caller's flag, or the exception's meaning); a catch that does anything else (a call, a
 * block, the exception used); a try whose lines only close or release; a sibling that is itself quiet; catches the
 * change does not write whole; and a file with more than {@link #SWEEP} of them (the project's style).
 */
final class DiscordantCatches {

    static final String RULE = "java-catch-silent-beside-reporting-sibling";

    private static final int SWEEP = 2;

    /** Failures of the input (a value that does not parse or convert): a default for them is a fall-back. */
    static final Pattern INPUT = Pattern.compile(
            "Pars\\w*Exception|Syntax\\w*|\\w*Format\\w*Exception|Json\\w*|Malformed\\w*|Conversion\\w*|Mapping\\w*"
                    + "|IllegalArgumentException|Security\\w*|AccessDenied\\w*|Unsupported\\w*|ClassNotFound\\w*"
                    + "|NoClassDef\\w*|Linkage\\w*|ClassCast\\w*|IndexOutOfBounds\\w*|NullPointer\\w*");

    /** A count of the failure: {@code failed++}, {@code ++failed}, {@code failed += 1}, {@code failures.incrementAndGet()}. */
    private static final Pattern COUNT = Pattern.compile(
            "^(?:this\\.)?([\\w$]+)\\s*(?:\\+\\+|\\+=\\s*1)\\s*;$|^\\+\\+\\s*(?:this\\.)?([\\w$]+)\\s*;$"
                    + "|^(?:this\\.)?([\\w$]+)\\s*\\.\\s*(?:incrementAndGet|getAndIncrement|increment)\\s*\\(\\s*\\)\\s*;$");

    /** A try-with-resources whose resources run over several lines ({@code try (Connection c = ...;}). */
    private static final Pattern RESOURCES = Pattern.compile("^try\\s*\\([^{]*$");

    /**
     * The caller's flag: {@code false} or a negative number, and (merge of session 51) {@code true}: a boolean method
     * whose catch answers {@code true} gives the exception's meaning as its answer (an {@code
     * OverlappingFileLockException} means the file is in use: the project's own Backups.inUse, flagged by the
     * self-review), not a failure passed off as success.
     */
    private static final Pattern SENTINEL = Pattern.compile(
            "^return\\s+(?:false|true|-\\s*\\d+[Ll]?|Boolean\\.(?:FALSE|TRUE))\\s*;$");

    private DiscordantCatches() {
    }

    /** One catch of a try, as the new file has it: header index in the shown lines, body statements. */
    private record Catch(DiffLine header, String types, String name, List<DiffLine> body) {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (!SilencedCatches.judged(file)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines().stream().filter(l -> l.kind() != DiffLine.Kind.REMOVED).toList();
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).text().strip();
                if (lines.get(i).kind() != DiffLine.Kind.ADDED || t.startsWith("}")
                        || !SilencedCatches.TRY.matcher(t).matches() && !RESOURCES.matcher(t).find()) {
                    continue;
                }
                List<Catch> catches = catches(lines, i);
                if (catches.size() < 2 || SilencedCatches.onlyCleansUp(lines, i + 1 + tryLength(lines, i))) {
                    continue;
                }
                for (Catch c : catches) {
                    String why = silent(c, file);
                    if (why != null && catches.stream().anyMatch(o -> o != c && reports(o))) {
                        out.add(finding(file, catalog, c.header().newLine(), why));
                    }
                }
            }
        }
        return out.size() > SWEEP ? List.of() : out;
    }

    /** The number of lines of the try's own body (from the line after {@code at} to its closing brace, exclusive). */
    private static int tryLength(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size(); j++) {
            String t = lines.get(j).text();
            if (!t.isBlank() && CodeText.indent(t) <= indent) {
                return j - at - 1;
            }
        }
        return lines.size() - at - 1;
    }

    /** The catches that follow the try opened at {@code at}, each with its body; empty when they run past the hunk. */
    private static List<Catch> catches(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        List<Catch> out = new ArrayList<>();
        Matcher header = null;
        DiffLine headerLine = null;
        List<DiffLine> body = new ArrayList<>();
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (t.isBlank() || CodeText.indent(t) > indent) {
                if (header != null) {
                    body.add(l);
                }
                continue;
            }
            if (header != null) {
                out.add(new Catch(headerLine, header.group(1), header.group(2), List.copyOf(body)));
                body.clear();
            }
            Matcher m = JavaRemovedErrorHandling.CATCH.matcher(t);
            if (!m.find() || !t.strip().startsWith("}")) {
                return out;
            }
            header = m;
            headerLine = l;
        }
        return List.of(); // the last catch runs past the hunk
    }

    /** True for a catch written whole by the change that throws, or logs above debug. */
    private static boolean reports(Catch c) {
        if (c.header().kind() != DiffLine.Kind.ADDED) {
            return false;
        }
        for (DiffLine l : c.body()) {
            String t = JavaRemovedErrorHandling.STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (JavaRemovedErrorHandling.THROW.matcher(t).find() || JavaRemovedErrorHandling.LOG.matcher(t).find()
                    && !JavaRemovedErrorHandling.QUIET.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /** What the catch does with its failure when that is to let it go unseen; null otherwise. */
    private static String silent(Catch c, SourceFile file) {
        String types = c.types();
        if (c.header().kind() != DiffLine.Kind.ADDED || JavaRemovedErrorHandling.ANSWERABLE.matcher(types).find()
                || types.contains("Timeout") || INPUT.matcher(types).find()) {
            return null;
        }
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (DiffLine l : c.body()) {
            String t = JavaRemovedErrorHandling.STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (t.isEmpty()) {
                continue;
            }
            if (l.kind() != DiffLine.Kind.ADDED || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")
                    || t.contains("//") || t.endsWith("{") || t.startsWith("}")) {
                return null; // a kept line, a comment (the author says why) or a block: not this
            }
            statement.append(t).append(' ');
            if (t.endsWith(";")) {
                statements.add(statement.toString().strip());
                statement.setLength(0);
            }
        }
        if (statements.isEmpty() || !statement.isEmpty()) {
            return null;
        }
        boolean quietLog = false;
        String returned = null;
        String counted = null;
        for (String s : statements) {
            if (JavaRemovedErrorHandling.LOG.matcher(s).find()) {
                if (!JavaRemovedErrorHandling.QUIET.matcher(s).find() || s.contains("printStackTrace")
                        || s.startsWith("System")) {
                    return null;
                }
                quietLog = true;
                continue;
            }
            if (GoRemovedErrorHandling.mentions(s, c.name())) {
                return null; // the exception goes somewhere
            }
            Matcher count = COUNT.matcher(s);
            if (count.matches()) {
                counted = count.group(1) != null ? count.group(1) : count.group(2) != null ? count.group(2) : count.group(3);
                continue;
            }
            if (JavaRemovedErrorHandling.DEFAULT_RETURN.matcher(s).matches() && !SENTINEL.matcher(s).matches()) {
                returned = s;
                continue;
            }
            if (!JavaRemovedErrorHandling.DEFAULT_ASSIGN.matcher(s).matches()) {
                return null;
            }
        }
        if (quietLog && (returned == null || returned.equals("return;"))) {
            return null; // an expected failure logged for whoever debugs, with no answer made of it
        }
        if (counted != null && compared(file, counted)) {
            return null; // a retry bound: the failure surfaces when the count reaches it
        }
        if (returned != null && !returned.equals("return;")) {
            return (quietLog ? "logs at most at debug and returns `" : "says nothing and returns `")
                    + returned.replaceAll(";$", "") + "`";
        }
        return counted != null ? "only counts the failure (`" + counted + "`)" : "only puts a default in place";
    }

    /** True when a shown line of the new file compares the count {@code name} ({@code if (failed >= max)}). */
    private static boolean compared(SourceFile file, String name) {
        Pattern compare = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*(?:[<>]=?|[=!]=)|(?:[<>]=?|[=!]=)\\s*(?:this\\.)?"
                + Pattern.quote(name) + "\\b");
        for (int n = file.knownLines().nextSetBit(1); n >= 0; n = file.knownLines().nextSetBit(n + 1)) {
            if (compare.matcher(file.line(n)).find()) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(SourceFile file, Catalog catalog, int line, String why) {
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "ERR-01", severity, file.path(), line, 1, file.line(line).strip(),
                "This catch " + why + ", while a sibling catch of the same try reports its failure: this failure of"
                        + " the work reaches neither the caller nor the log, so it looks like an ordinary result and"
                        + " nobody learns it happened. Rethrow it with context as the sibling does, or log it with the"
                        + " exception as the cause.",
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
