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
import kb.review.rules.Catalog;

/**
 * (session 54, res54) RES-01 in Java: the change removes the field an object kept a resource in so that another
 * method (its {@code close()}, a stop) could release it, and deletes that release with it, while the resource is still
 * acquired, now into a local that nothing releases. Two ways the field used to be fed: a local acquisition stored into
 * it ({@code executor = Executors.newSingleThreadScheduledExecutor(...)} then {@code holder.set(executor)} or
 * {@code this.f = executor}), the store deleted and the local kept; or the field assigned the acquisition itself
 * ({@code bamFileReader = openReader(fs, file)}), rewritten as a local declared from the same call
 * ({@code BAMFileReader reader = openReader(fs, file)}). The deleted field and its deleted release are the evidence
 * that the value holds something; the local is reported where it is declared.
 *
 * <p>Not reported: a field still named by an added line (it moved or was renamed), a field whose release the change
 * does not delete (nothing said it owned anything), a local that the new code releases, returns, stores, hands to a
 * call as an argument or declares in a try-with-resources (a new owner, or its own scope), and test sources. A line
 * another finding holds keeps that finding alone (the Reviewer's rule for drops): a client or pool made per call there
 * is RES-04's defect (rounds 75 and 124: the field removed so that each call makes its own).
 */
final class DroppedOwnerFields {

    static final String RULE = "owner-field-dropped";

    /** A field declaration with at least one modifier: group 1 its name. */
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:(?:private|protected|public|static|final|volatile"
            + "|transient)\\s+)+[\\w<>\\[\\],.? ]+?\\s+([A-Za-z_]\\w*)\\s*(?:=[^;]*)?;\\s*$");
    /** The verbs a release of a held value is written with. */
    private static final String VERBS = "(?:close|shutdown|shutdownNow|shutdownGracefully|release|disconnect|stop"
            + "|destroy|dispose|terminate)";
    /** A local declared from a call or a constructor: group 1 its name, group 2 the right-hand side. */
    private static final Pattern DECLARED = Pattern.compile("^\\s*(?:final\\s+)?[A-Z][\\w<>\\[\\],.? ]*?\\s+"
            + "([a-z_]\\w*)\\s*=\\s*(.*(?:\\bnew\\s+\\w|\\w\\s*\\().*?)\\s*;\\s*$");

    private DroppedOwnerFields() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        List<Finding> out = new ArrayList<>();
        if (file.language() != Language.JAVA || file.complete() || file.path().contains("/src/test/")) {
            return out;
        }
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.add(l.text());
                } else if (l.kind() == DiffLine.Kind.ADDED) {
                    added.add(l.text());
                }
            }
        }
        Set<Integer> reported = new HashSet<>();
        for (String r : removed) {
            Matcher fm = FIELD.matcher(r);
            if (!fm.find()) {
                continue;
            }
            String field = fm.group(1);
            Pattern named = Pattern.compile("(?<![\\w$])" + Pattern.quote(field) + "(?![\\w$])");
            if (added.stream().anyMatch(a -> named.matcher(a).find()) || !releaseDeleted(field, removed)) {
                continue;
            }
            int at = storedLocal(file, field, removed);
            if (at == 0) {
                at = rewrittenAsLocal(file, field, removed);
            }
            if (at > 0 && reported.add(at)) {
                Severity severity = catalog.item("RES-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "RES-01", severity, file.path(), at, 1, file.line(at).strip(),
                        "The change removes the field `" + field + "` and the release of what it held, but still "
                                + "acquires the value here, into a local nothing releases: the object can no longer "
                                + "let it go when it is closed or stopped. Keep the value where its release can reach "
                                + "it (or release it in this method).",
                        Finding.Confidence.LOW, "the review reads the removed field, not the value's whole life",
                        "kb", null));
            }
        }
        return out;
    }

    /**
     * True when a removed line releases the field, or a local the removed lines take from it
     * ({@code executor = discoveryExecutor.getAndSet(null)} then {@code executor.shutdown()}).
     */
    private static boolean releaseDeleted(String field, List<String> removed) {
        Set<String> names = new HashSet<>(List.of(field));
        Pattern alias = Pattern.compile("\\b([a-z_]\\w*)\\s*=\\s*(?:this\\.)?" + Pattern.quote(field)
                + "(?:\\s*\\.\\s*(?:getAndSet|get|getAndClear|getAcquire)\\s*\\([^)]*\\))?\\s*;");
        for (String r : removed) {
            Matcher m = alias.matcher(r);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        for (String name : names) {
            String n = Pattern.quote(name);
            Pattern release = Pattern.compile("(?<![\\w$])(?:this\\.)?" + n + "\\s*\\.\\s*" + VERBS + "\\s*\\("
                    + "|\\b(?:closeQuietly|closeSilently|safeClose|shutdownQuietly|shutdownAndAwaitTermination)\\s*\\("
                    + "\\s*(?:this\\.)?" + n + "\\s*[,)]");
            if (removed.stream().anyMatch(r -> release.matcher(r).find())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new line of a local declared from a call whose store into the field the change deletes
     * ({@code holder.set(executor)}, {@code this.f = executor}), the declaration kept; 0 when none.
     */
    private static int storedLocal(SourceFile file, String field, List<String> removed) {
        Pattern store = Pattern.compile("^\\s*(?:this\\.)?" + Pattern.quote(field) + "\\s*(?:\\.\\s*(?:set|lazySet"
                + "|setRelease)\\s*\\(\\s*([a-z_]\\w*)\\s*\\)|=\\s*([a-z_]\\w*))\\s*;\\s*$");
        for (String r : removed) {
            Matcher m = store.matcher(r);
            if (!m.find()) {
                continue;
            }
            String local = m.group(1) != null ? m.group(1) : m.group(2);
            for (int line = 1; line <= file.lineCount(); line++) {
                Matcher d = DECLARED.matcher(file.line(line));
                if (d.find() && d.group(1).equals(local) && !file.line(line).contains("try (")
                        && !releasedOrHandedOn(file, line, local)) {
                    return line;
                }
            }
        }
        return 0;
    }

    /**
     * The new line of an added local declared from the very call the removed assignment to the field made
     * ({@code bamFileReader = openReader(fs, file)} become {@code BAMFileReader reader = openReader(fs, file)}).
     */
    private static int rewrittenAsLocal(SourceFile file, String field, List<String> removed) {
        Pattern assigned = Pattern.compile("^\\s*(?:this\\.)?" + Pattern.quote(field) + "\\s*=\\s*(.*(?:\\bnew\\s+\\w"
                + "|\\w\\s*\\().*?)\\s*;\\s*$");
        for (String r : removed) {
            Matcher m = assigned.matcher(r);
            if (!m.find()) {
                continue;
            }
            String call = m.group(1).replaceAll("\\s+", "");
            for (int line = 1; line <= file.lineCount(); line++) {
                if (!file.added(line)) {
                    continue;
                }
                Matcher d = DECLARED.matcher(file.line(line));
                if (d.find() && d.group(2).replaceAll("\\s+", "").equals(call) && !file.line(line).contains("try (")
                        && !releasedOrHandedOn(file, line, d.group(1))) {
                    return line;
                }
            }
        }
        return 0;
    }

    /**
     * True when a shown line below the declaration, in its method, releases the local, returns it, stores it, or hands
     * it to a call as an argument: a use as a receiver ({@code reader.iterator(...)}) keeps nothing.
     */
    private static boolean releasedOrHandedOn(SourceFile file, int declared, String local) {
        String v = Pattern.quote(local);
        Pattern owner = Pattern.compile("(?<![\\w$.])" + v + "\\s*\\.\\s*" + VERBS + "\\s*\\("
                + "|\\breturn\\b[^;]*(?<![\\w$.])" + v + "(?![\\w$])"
                + "|=\\s*" + v + "\\s*;"
                + "|[(,]\\s*" + v + "\\s*[,)]"
                + "|\\btry\\s*\\([^)]*(?<![\\w$.])" + v + "(?![\\w$])");
        int depth = 0;
        for (int line = declared + 1; line <= file.lineCount(); line++) {
            if (!file.known(line)) {
                continue;
            }
            String text = file.line(line);
            if (owner.matcher(text).find()) {
                return true;
            }
            for (char c : text.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth < 0) {
                return false; // the method's end
            }
        }
        return false;
    }
}
