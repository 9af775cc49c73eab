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
 * An edit that deletes the guard which built a client once and now builds it on every call: the deleted lines held
 * {@code if (replicationConnection == null) {...}} (a lazy field) or {@code client = cache.get(uri); if (client ==
 * null) {...}} (one client per peer, kept in a map), and an added line of the same edit assigns the same name from a
 * construction with nothing checking it first ({@code replicationConnection = new ...Builder(cfg).build()}, {@code
 * client = new MqttClient(uri, id)}). The guard is what made the method share the client: it was there because the
 * method runs again and again (per split, per event, per sink), so with it gone each run opens its own connections,
 * which RES-04 asks not to do. The deleted guard says it whatever the method is called, so no method name is read;
 * only a constructor or a static initialiser, which run once, are left alone.
 *
 * <p>What makes the name a client: its declared type, its own name or the construction's says a client, connection,
 * pool, channel, producer, template, transport, data source or executor. A guard kept in the added lines ({@code if
 * (client == null)} written again, {@code computeIfAbsent}) is no drop. Reported at the assignment, at low
 * confidence: the review sees the guard go, not how often the method runs.
 */
final class DroppedClientGuards {

    static final String RULE = "client-guard-dropped";

    /** A deleted null guard on a name (a field, maybe through this, or a local): group 1 the name. */
    private static final Pattern GUARD = Pattern.compile(
            "^\\s*(?:}\\s*else\\s+)?if\\s*\\(\\s*(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*==\\s*null\\s*\\)"
                    + "|^\\s*(?:}\\s*else\\s+)?if\\s*\\(\\s*null\\s*==\\s*(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*\\)");
    /**
     * An assignment from a construction: group 1 the declared type if any, 2 the name, 3 the construction ({@code new
     * X(}, a builder or a static factory of a type, a factory method of the class whose name says it makes one).
     */
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*(?:final\\s+)?(?:([A-Z][\\w.]*(?:<[^;=()]*>)?)\\s+)?"
            + "(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*=\\s*(new\\s+[\\w.]+|[A-Z][\\w.]*\\s*\\.\\s*(?:builder|newBuilder"
            + "|create\\w*|new\\w*|open\\w*|connect)"
            + "|(?:this\\s*\\.\\s*)?(?:create|build|new|open|make|connect)[A-Z]?\\w*)"
            + "\\s*\\(");
    /** The type, the name or the construction says a client, a connection or a pool. */
    private static final Pattern CLIENT = Pattern.compile("(?i)client|connection|pool|channel|producer|template"
            + "|transport|datasource|executor");
    /** A constructor's or static initialiser's first line: they run once, so nothing is made per call there. */
    private static final Pattern ONCE = Pattern.compile("^\\s*(?:static\\s*\\{|(?:public|protected|private)?\\s*"
            + "[A-Z]\\w*\\s*\\([^;=]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\{?\\s*$)");

    private DroppedClientGuards() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()
                || file.path().matches("(?:.*/)?src/test/.*|.*Tests?\\.java$")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            Matcher guard = GUARD.matcher(r.line().text());
            if (!guard.find()) {
                continue;
            }
            String name = guard.group(1) != null ? guard.group(1) : guard.group(2);
            List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
            if (guardedAgain(block, name)) {
                continue;
            }
            for (DiffLine l : block) {
                Matcher made = l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 ? ASSIGNED.matcher(l.text()) : null;
                if (made == null || !made.find() || !made.group(2).equals(name)) {
                    continue;
                }
                String says = (made.group(1) == null ? "" : made.group(1)) + " " + name + " " + made.group(3);
                if (!CLIENT.matcher(says).find() || once(file, l.newLine())
                        || out.stream().anyMatch(f -> f.line() == l.newLine())) {
                    break;
                }
                Severity severity = catalog.item("RES-04").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "RES-04", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change deletes the `" + name + " == null` check that built `" + name + "` once and "
                                + "builds it here on every call instead: each call now opens its own connections "
                                + "(and threads), and the ones before are neither reused nor closed. Keep building it "
                                + "only when there is none yet, or build it once where the object is made.",
                        Finding.Confidence.LOW, "the review sees the guard go, not how often the method runs", "kb",
                        null));
                break;
            }
        }
        return out;
    }

    /** An added line of the edit checks the name again, or fills it through {@code computeIfAbsent}. */
    private static boolean guardedAgain(List<DiffLine> block, String name) {
        Pattern again = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*[!=]=\\s*null|null\\s*[!=]=\\s*"
                + "(?:this\\s*\\.\\s*)?" + Pattern.quote(name) + "(?!\\w)|computeIfAbsent|getOrDefault");
        return block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && again.matcher(l.text()).find());
    }

    /** The method around {@code line}, as far as the diff shows it, is a constructor or a static initialiser. */
    private static boolean once(SourceFile file, int line) {
        for (int at = line - 1; file.known(at); at--) {
            String text = file.line(at);
            if (ONCE.matcher(text).find()) {
                return true;
            }
            if (RemovedReleases.HEADER.matcher(text).find()) {
                return false;
            }
        }
        return false;
    }
}
