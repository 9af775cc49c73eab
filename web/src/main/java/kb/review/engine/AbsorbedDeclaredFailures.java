package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A failure the callers used to get, absorbed by a catch the change writes (session 40, err40). The change deletes
 * {@code throws X} from the method's declaration and adds a catch of X whose body tells no one: it is empty, holds
 * only a comment, or only returns nothing or a default, or moves on ({@code continue}, {@code break}). Before the
 * change a failed update, forward or receive reached a caller that could retry, roll back or answer an error; after
 * it, the work is lost and the method reports success. A comment there speaks to the next reader, not to the
 * operator; ERR-01 asks a failure absorbed on purpose to be logged with its cause and counted.
 *
 * <p>The deleted {@code throws} is the evidence that this failure mattered to someone: a catch written new without it
 * is {@code java-swallowed-catch}'s and {@link SilencedCatches}' to judge. Left alone: a catch that throws, logs,
 * counts, records or hands the exception on (any other statement); a comment that says the failure cannot happen
 * (a checked exception of an in-memory stream); a catch of a failure whose answer is absence, a bad value, an
 * interruption or a timeout; a try that only closes or releases; tests and examples; a file where the change does this
 * more than {@link #SWEEP} times (a project's own decision to stop declaring a checked exception).
 *
 * <p>A second evidence of the same contract (session 49, err49): the change takes calls out of bare code and writes
 * them again inside a new try with such a catch ({@code writer.write(result);} made {@code try { writer.write(result);
 * } catch (WriteException ignored) {}}). The bare call let its failure reach the caller, as the deleted
 * {@code throws} did; the catch now answers success. Real fixes undo exactly this (a post, a write, a render whose
 * exception the callers needed). Here a comment in the catch is the author's word of why, and leaves it alone. Code
 * written new in that shape, with no old bare call to compare, stays the other rules' to judge: set 17 showed most
 * new catches of a default to be chosen fall-backs.
 */
final class AbsorbedDeclaredFailures {

    static final String RULE = "java-declared-failure-absorbed";

    private static final int SWEEP = 3;

    /** A method's declaration (its end) with a throws clause: the names it declares are group 1. */
    private static final Pattern THROWS = Pattern.compile("\\)\\s*throws\\s+([\\w.$,\\s]+?)\\s*(?:\\{|$)");

    /** A declaration's end without a throws clause ({@code ...long reviewId) {}). */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:[\\w<>\\[\\],.?\\s@]+\\s)?[\\w$]+\\s*\\(.*\\)\\s*(?:throws\\s+[\\w.$,\\s]+)?\\{?\\s*$");

    private static final Pattern NAME = Pattern.compile("([\\w$]+)\\s*\\(");

    /** A line that opens a statement's block, not a declaration ({@code for (...) {}, {@code } catch (X e) {}). */
    private static final Pattern CONTROL = Pattern.compile(
            "^\\s*(?:\\}\\s*)?(?:if|for|while|switch|catch|synchronized|try|else|do|return|new)\\b");

    /** A comment that says the failure cannot occur here. */
    private static final Pattern CANNOT_HAPPEN = Pattern.compile(
            "(?i)can(?:'|no)?t\\s+(?:happen|occur|be thrown)|never\\s+(?:happens?|occurs?|thrown)|impossible|unreachable"
                    + "|not\\s+(?:be\\s+)?thrown|won'?t\\s+happen|should\\s+not\\s+happen");

    private static final Pattern MOVES_ON = Pattern.compile("^(?:continue|break)\\s*;$");

    private AbsorbedDeclaredFailures() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (!SilencedCatches.judged(file)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            // both readings need the hunk's old text (a deleted throws clause, a deleted bare call): a hunk that only
            // adds has neither, and skipping it keeps a long added file from being walked once per catch
            if (lines.stream().noneMatch(l -> l.kind() == DiffLine.Kind.REMOVED)) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine header = lines.get(i);
                Matcher m = header.kind() == DiffLine.Kind.ADDED ? SilencedCatches.failureCatch(header) : null;
                String dropped = m == null ? null : droppedDeclaration(lines, i, m.group(1));
                String wrapped = m == null || dropped != null ? null : wrappedCall(lines, i);
                if ((dropped != null || wrapped != null) && absorbs(lines, i, wrapped != null)
                        && !SilencedCatches.onlyCleansUp(lines, i)) {
                    out.add(finding(file, catalog, header.newLine(),
                            dropped != null ? droppedWhy(dropped) : wrappedWhy(wrapped)));
                }
            }
        }
        return out.size() > SWEEP ? List.of() : out;
    }

    /**
     * The caught type the change stops declaring: the method around the catch in the new text (the nearest declaration
     * above it at a lower indent) is a line the change writes, and a deleted declaration of the same method threw one of
     * {@code caught}, which the new one no longer does. Null otherwise (a kept declaration, a file rewritten whole with
     * the same declarations, a method that never declared it).
     */
    private static String droppedDeclaration(List<DiffLine> lines, int at, String caught) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String text = l.text();
            if (l.kind() == DiffLine.Kind.REMOVED || text.isBlank() || CodeText.indent(text) >= indent
                    || CONTROL.matcher(text).find() || text.strip().endsWith(";")) {
                continue;
            }
            if (!THROWS.matcher(text).find() && !DECLARATION.matcher(text).matches()) {
                continue;
            }
            String name = methodName(text);
            if (l.kind() == DiffLine.Kind.CONTEXT || name == null) {
                return null; // the method's declaration is kept as it was
            }
            for (DiffLine old : lines) {
                if (old.kind() != DiffLine.Kind.REMOVED) {
                    continue;
                }
                Matcher t = THROWS.matcher(old.text());
                if (!name.equals(methodName(old.text())) || !t.find()) {
                    continue;
                }
                String type = declaredAmong(t.group(1), caught);
                Matcher n = THROWS.matcher(text);
                return type == null || n.find() && declaredAmong(n.group(1), type) != null ? null : type;
            }
            return null;
        }
        return null;
    }

    /**
     * The first statement of the try this catch closes, when the change writes that try around lines it takes out of
     * the same hunk's old text unguarded (session 49, err49): {@code writer.write(result);} deleted and written again
     * inside {@code try { ... } catch (WriteException ignored) {}}. The old code let that call's failure reach the
     * caller; the deleted bare line is the evidence, as the deleted {@code throws} is above. Null when any line of the
     * try is kept or new, or when the hunk's old text had a try or catch of its own (a handler rewritten, not added).
     */
    private static String wrappedCall(List<DiffLine> lines, int at) {
        int indent = CodeText.indent(lines.get(at).text());
        List<String> guarded = new ArrayList<>();
        int j = at - 1;
        for (; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String t = l.text().strip();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isEmpty()) {
                continue;
            }
            if (CodeText.indent(l.text()) <= indent && SilencedCatches.TRY.matcher(t).matches()) {
                break;
            }
            if (l.kind() != DiffLine.Kind.ADDED || CodeText.indent(l.text()) <= indent) {
                return null; // a kept line in the try, or the end of another block at the catch's depth
            }
            guarded.add(t);
        }
        if (j < 0 || lines.get(j).kind() != DiffLine.Kind.ADDED || guarded.isEmpty()) {
            return null;
        }
        Set<String> deleted = new HashSet<>();
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.REMOVED) {
                String t = l.text().strip();
                if (SilencedCatches.TRY.matcher(t).matches() || t.contains("catch")) {
                    return null;
                }
                deleted.add(t);
            }
        }
        return deleted.containsAll(guarded) ? guarded.get(guarded.size() - 1) : null;
    }

    /** The name a declaration line declares (the identifier before its first parenthesis), or null. */
    private static String methodName(String line) {
        Matcher m = NAME.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The first simple name of {@code caught} (a multi-catch {@code A | B}) that {@code declared} lists. */
    private static String declaredAmong(String declared, String caught) {
        List<String> names = new ArrayList<>();
        for (String d : declared.split(",")) {
            String s = d.strip();
            names.add(s.substring(s.lastIndexOf('.') + 1));
        }
        for (String c : caught.split("\\|")) {
            String s = c.strip();
            s = s.substring(s.lastIndexOf('.') + 1);
            if (names.contains(s)) {
                return s;
            }
        }
        return null;
    }

    /**
     * True when the catch at {@code at}, whole in sight, only comments, returns nothing or a default, or moves on. With
     * {@code commentSaysWhy}, a comment there is the author's word that the fall-back is meant (set 17's Hop: a state
     * map answered null off the UI thread, its catch saying so), and the catch is not counted: without a deleted
     * {@code throws}, the bare call is weaker evidence that callers relied on the failure.
     */
    private static boolean absorbs(List<DiffLine> lines, int at, boolean commentSaysWhy) {
        int indent = CodeText.indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return true;
            }
            if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
                if (commentSaysWhy || CANNOT_HAPPEN.matcher(t).find()) {
                    return false;
                }
                continue;
            }
            if (!JavaRemovedErrorHandling.DEFAULT_RETURN.matcher(t).matches() && !MOVES_ON.matcher(t).matches()) {
                return false;
            }
        }
        return false; // the catch runs past the hunk
    }

    /** The catch absorbs a failure whose type the change stops declaring. */
    private static String droppedWhy(String type) {
        return "The change stops declaring `throws " + type + "` and absorbs it in this catch, which tells no one:"
                + " callers that used to learn of the failure (and retry, roll back or answer an error) now see"
                + " success, and no log line or counter records it. A comment explains it to the reader, not"
                + " to the operator. Keep the declaration, rethrow it wrapped, or log it with the cause and"
                + " count it.";
    }

    /** The catch absorbs the failure of a call the change took out of bare code. */
    private static String wrappedWhy(String call) {
        return "The change wraps `" + call + "`, whose failure used to reach the caller, in a try whose catch tells"
                + " no one: the caller now sees success when it fails, and no log line or counter records it."
                + " Let it propagate, rethrow it wrapped, or log it with the cause and count it.";
    }

    private static Finding finding(SourceFile file, Catalog catalog, int line, String message) {
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "ERR-01", severity, file.path(), line, 1, file.line(line).strip(), message,
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
