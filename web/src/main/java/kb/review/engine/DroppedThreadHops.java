package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 43 (conc43), CONC-03: a Java change that unwraps writes to a shared collection from the hop that ran them on
 * the owner thread. The deleted lines hand a block to the one thread that owns the state (Bukkit's main thread by
 * {@code getScheduler().runTask(plugin, ...)}, Android's UI thread by {@code runOnUiThread(...)} or a main-looper
 * {@code Handler.post(...)}, Swing's {@code invokeLater}, JavaFX's {@code Platform.runLater}, Vert.x's
 * {@code runOnContext}); the block wrote a collection ({@code recipes.clear()}, {@code items.add(x)}); and the added
 * lines keep the same write with no hop. The deleted hop was the author's word that the surrounding code runs on
 * another thread (a worker, an async task, a callback's thread) while the owner thread reads the collection: now the
 * write races those reads (a half-cleared map, {@code ConcurrentModificationException}, an adapter changed off the UI
 * thread). Real fixes go the other way: they wrap the write in the hop (round 71's java-01, a recipe table reloaded
 * by an async task).
 *
 * <p>Reported at the first unwrapped write, at low confidence: the review sees the hop go, not the threads. Silent
 * when the change adds a hop anywhere in the file (moved, not dropped), when the collection is a local declared in
 * sight, and when its visible declaration builds a concurrent or synchronized collection.
 */
final class DroppedThreadHops {

    static final String RULE = "write-taken-off-owner-thread";

    /** A hand-off to the thread that owns the state. */
    private static final Pattern HOP = Pattern.compile(
            "\\.\\s*(?:runTask|runTaskLater|scheduleSyncDelayedTask|callSyncMethod|runOnContext)\\s*\\("
                    + "|\\brunOnUiThread\\s*\\("
                    + "|\\b(?:SwingUtilities|EventQueue)\\s*\\.\\s*invoke(?:Later|AndWait)\\s*\\("
                    + "|\\bPlatform\\s*\\.\\s*runLater\\s*\\("
                    // a main-thread handler or executor: mainHandler.post(, getMainLooper()).post(, uiExecutor.execute(
                    + "|(?:\\b[mM]ain|(?<=[a-z])Main|\\bui|(?<=[a-z])Ui|UI)\\w*(?:\\s*\\([^()]*\\))?\\s*\\)*\\s*\\."
                    + "\\s*(?:post|postDelayed|execute)\\s*\\(");
    /** A statement that changes a collection; group 1 the collection's name. */
    private static final Pattern WRITE = Pattern.compile("^\\s*(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*\\.\\s*(?:"
            + String.join("|", SharedCollections.WRITES) + ")\\s*\\(");
    /** The end of a hop's lambda or anonymous class. */
    private static final Pattern CLOSE = Pattern.compile("^\\s*}\\s*\\)");
    /** A local variable's declaration; group 1 its name. */
    private static final Pattern LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:var|[A-Z][\\w.]*(?:<.*>)?(?:\\[\\])*)\\s+(\\w+)\\s*[=;]");
    /** A concurrent or synchronized collection assigned; group 1 the name it is assigned to. */
    private static final Pattern SAFE = Pattern.compile(
            "\\b(\\w+)\\s*=\\s*(?:new\\s+(?:java\\.util\\.concurrent\\.)?(?:Concurrent|CopyOnWrite)"
                    + "|Collections\\s*\\.\\s*synchronized|ConcurrentHashMap\\s*\\.\\s*newKeySet)");

    private DroppedThreadHops() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<RemovedLine> hops = RemovedLine.of(file).stream()
                .filter(r -> HOP.matcher(r.line().text()).find()).toList();
        if (hops.isEmpty() || file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && HOP.matcher(l.text()).find())) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine hop : hops) {
            DiffLine unwrapped = unwrapped(file, hop);
            if (unwrapped != null) {
                Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), unwrapped.newLine(), 1,
                        unwrapped.text().strip(),
                        "The change takes this write out of the hop that ran it on the owner thread (the deleted "
                                + "runTask, runOnUiThread, invokeLater or runLater): the code around it runs on "
                                + "another thread, so the write now races the owner thread's reads of the collection "
                                + "(lost entries, a half-built map, ConcurrentModificationException). Keep the write "
                                + "in the hop, or make the collection concurrent.",
                        Finding.Confidence.LOW, "the review sees the hop go, not the threads", "kb", null));
            }
        }
        return out;
    }

    /**
     * The first added line of the hop's changed block that repeats a collection write of the hop's deleted body, or
     * null. The body is the deleted run after the hop's line up to the line that closes it.
     */
    private static DiffLine unwrapped(SourceFile file, RemovedLine hop) {
        List<DiffLine> lines = hop.lines();
        List<DiffLine> block = RemovedLine.changedBlock(lines, hop.index());
        for (int i = hop.index() + 1; i < lines.size() && lines.get(i).kind() == DiffLine.Kind.REMOVED; i++) {
            String old = lines.get(i).text();
            if (CLOSE.matcher(old).find()) {
                break;
            }
            Matcher w = WRITE.matcher(old);
            if (!w.find() || confined(file, hop.hunk(), w.group(1))) {
                continue;
            }
            for (DiffLine l : block) {
                if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && l.text().strip().equals(old.strip())) {
                    return l;
                }
            }
        }
        return null;
    }

    /**
     * True when the written collection is a local declared in the hunk, or its declaration in sight builds a
     * concurrent or synchronized collection: then the write races nothing.
     */
    private static boolean confined(SourceFile file, Hunk hunk, String name) {
        for (DiffLine l : hunk.lines()) {
            Matcher m = LOCAL.matcher(l.text());
            if (m.find() && m.group(1).equals(name)) {
                return true;
            }
        }
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n)) {
                Matcher m = SAFE.matcher(file.line(n));
                while (m.find()) {
                    if (m.group(1).equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
