package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java method that only forwards its call, and loses the lock it took around the forward (session 54, conc54): a
 * synchronizing wrapper ({@code SyncedEnforcer extends Enforcer}, a decorator over a delegate) whose method was
 * {@code lock.writeLock().lock(); try { return super.addPolicy(params); } finally { lock.writeLock().unlock(); }}, or
 * {@code synchronized (this) { return delegate.put(k, v); }}, or {@code synchronized} on the method's head, and is now
 * the bare forward. The method exists for the lock: the state it guards is the parent's or the delegate's, so the
 * readers of written fields ({@code shared-write-lock-removed}) see no write, yet a thread that calls this method now
 * changes the state while another reads it under the lock the wrapper's other methods still take (CONC-03).
 *
 * <p>Read from the hunk: a deleted lock statement ({@code x.lock();}, {@code x.writeLock().lock();},
 * {@code lockInterruptibly()}), a deleted {@code synchronized (m) {} line, or a method head that loses its
 * {@code synchronized} modifier (the head otherwise the same); the method's kept statements below it, to its closing
 * brace, are one statement that calls {@code super.m(...)} or {@code f.m(...)} with exactly the method's parameters
 * (the head in sight), or {@code super.m(...)} (the head out of sight). Reported at that statement.
 *
 * <p>Not reported: a lock taken again on an added line of the file (moved or changed kind), a deleted lock line
 * re-added, more than one kept statement (the fields readers judge those), a call whose arguments are not the
 * parameters passed through, a comment or name saying the caller holds the lock or the type is confined to one thread,
 * a delegate field the file declares thread-safe or immutable, a constant, a static method's forward, tests.
 */
final class UnlockedDelegations {

    static final String RULE = "forwarding-lock-removed";

    private static final Pattern LOCK = Pattern.compile(
            "^\\s*(?:this\\s*\\.\\s*)?\\w+(?:\\s*\\.\\s*(?:writeLock|readLock)\\s*\\(\\s*\\))?\\s*\\.\\s*"
                    + "(?:lock|lockInterruptibly)\\s*\\(\\s*\\)\\s*;\\s*$");
    private static final Pattern BLOCK = Pattern.compile("^\\s*synchronized\\s*\\([^)]*\\)\\s*\\{\\s*$");
    private static final Pattern HEAD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+"
                    + "(\\w+)\\s*\\(([^)]*)\\)\\s*(?:throws\\s+[\\w., ]+)?\\{\\s*$");
    /** A forward: group 1 the receiver ({@code super}, a field), group 2 the arguments. */
    private static final Pattern FORWARD = Pattern.compile(
            "^\\s*(?:return\\s+)?(?:this\\s*\\.\\s*)?(super|\\w+)\\s*\\.\\s*\\w+\\s*\\(([^()]*)\\)\\s*;\\s*$");
    private static final Pattern ADDED_LOCK = Pattern.compile(
            "\\.\\s*(?:lock|lockInterruptibly|tryLock)\\s*\\(|\\bsynchronized\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int REACH = 14;

    private UnlockedDelegations() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        String path = file.path().toLowerCase(Locale.ROOT);
        if (file.language() != Language.JAVA || path.contains("/test/") || !file.change().removesLines()
                || kb.review.analysis.RemovedGuards.CONFINED.matcher(file.addedText().text()).find()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.lines();
            int at = removed.index();
            String t = lines.get(at).text();
            boolean modifier = !LOCK.matcher(t).matches() && !BLOCK.matcher(t).matches();
            String[] params;
            if (modifier) {
                params = unmarkedHead(lines, at);
            } else {
                params = headAbove(lines, at);
            }
            if (params == null || readded(lines, at) || relocked(file)) {
                continue;
            }
            int forward = -1;
            int statements = 0;
            int depth = 0;
            for (int j = at + 1; j < lines.size() && j <= at + REACH; j++) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                String s = l.text().strip();
                if (s.isEmpty() || s.startsWith("//") || s.startsWith("*") || s.startsWith("/*")) {
                    continue;
                }
                if (modifier && statements == 0 && depth == 0 && l.kind() == DiffLine.Kind.ADDED
                        && HEAD.matcher(l.text()).matches()) {
                    continue; // the head again, without its synchronized
                }
                if (s.startsWith("}")) {
                    if (depth == 0) {
                        break; // the method's closing brace
                    }
                    depth--;
                    continue;
                }
                if (s.endsWith("{")) {
                    depth++;
                }
                statements++;
                if (FORWARD.matcher(l.text()).matches()) {
                    forward = j;
                }
            }
            if (statements != 1 || forward < 0) {
                continue;
            }
            Matcher f = FORWARD.matcher(lines.get(forward).text());
            if (!f.matches() || !passesThrough(f.group(1), f.group(2), params)
                    || !f.group(1).equals("super") && safeDelegate(file, f.group(1), lines, at)) {
                continue;
            }
            int line = lines.get(forward).newLine();
            if (line <= 0 || !file.known(line) || out.stream().anyMatch(o -> o.line() == line)) {
                continue;
            }
            Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
            out.add(new Finding(RULE, "CONC-03", severity, file.path(), line, 1, file.line(line).strip(),
                    "This method only forwards the call, and the change takes away the lock it held around the "
                            + "forward: the lock was why the method exists (a synchronizing wrapper), so a thread "
                            + "calling it now changes the wrapped state while others read or change it under the "
                            + "lock the wrapper's other methods still take. Keep the lock around the forward.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /**
     * The parameter names of the method head that lost its {@code synchronized} (the deleted head at {@code at}, an
     * added head below it the same without the word), or null.
     */
    private static String[] unmarkedHead(List<DiffLine> lines, int at) {
        String t = lines.get(at).text();
        if (!t.contains("synchronized") || t.strip().startsWith("synchronized") || t.contains("/*")) {
            return null;
        }
        Matcher h = HEAD.matcher(t);
        if (!h.matches()) {
            return null;
        }
        String without = WHITESPACE.matcher(t.replaceFirst("\\bsynchronized\\s+", "")).replaceAll("");
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.ADDED && WHITESPACE.matcher(l.text()).replaceAll("").equals(without)) {
                return names(h.group(2));
            }
        }
        return null;
    }

    /**
     * The parameter names of the method head right above the deleted lock (kept, with nothing but the lock's own
     * deleted lines between), an empty array when the head is out of sight (the hunk starts in the body), or null
     * when something else stands between (the lock guarded part of a longer method).
     */
    private static String[] headAbove(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String s = l.text().strip();
            if (l.kind() == DiffLine.Kind.REMOVED || s.isEmpty() || s.startsWith("//")) {
                continue;
            }
            Matcher h = HEAD.matcher(l.text());
            return h.matches() && !s.startsWith("return") && !s.startsWith("new ") ? names(h.group(2)) : null;
        }
        return new String[0];
    }

    /** The names of a parameter list: the last word of each comma-separated part outside type arguments. */
    private static String[] names(String list) {
        String plain = list.replaceAll("<[^<>]*>", "").replaceAll("<[^<>]*>", "").replaceAll("@\\w+(?:\\([^)]*\\))?\\s*", "");
        if (plain.isBlank()) {
            return new String[0];
        }
        String[] parts = plain.split(",");
        String[] out = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] words = parts[i].strip().split("[\\s.\\[\\]]+");
            out[i] = words[words.length - 1];
        }
        return out;
    }

    /** Whether the forward passes the method's parameters on as they came ({@code super} with any, head unseen). */
    private static boolean passesThrough(String receiver, String args, String[] params) {
        String[] given = args.isBlank() ? new String[0] : args.split(",");
        if (params.length == 0 && !receiver.equals("super") && given.length > 0) {
            return false; // a field's call with arguments, the head out of sight: not known to be a forward
        }
        if (params.length == 0) {
            return receiver.equals("super") || given.length == 0;
        }
        if (given.length != params.length) {
            return false;
        }
        for (int i = 0; i < given.length; i++) {
            if (!given[i].strip().equals(params[i])) {
                return false;
            }
        }
        return true;
    }

    /** A field built immutable: {@code Map.of(..)}, {@code List.copyOf(..)}, Guava's {@code Immutable*}, an unmodifiable view. */
    private static final Pattern IMMUTABLE = Pattern.compile(
            "\\b(?:Map|List|Set)\\s*\\.\\s*(?:of|ofEntries|copyOf)\\s*\\(|\\bImmutable\\w*|Collections\\s*\\.\\s*unmodifiable\\w*");
    private static final Pattern CONSTANT = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    /**
     * Whether a delegate field needs no lock of the wrapper's: the file declares it thread-safe (concurrent, atomic,
     * volatile, a synchronized wrapper) or immutable, it is a constant, or the forwarding method is static (a
     * utility's static map, not a wrapper's delegate).
     */
    private static boolean safeDelegate(SourceFile file, String name, List<DiffLine> lines, int at) {
        String text = file.text();
        if (CONSTANT.matcher(name).matches() || kb.review.analysis.GuardedNames.threadSafe(text, name)) {
            return true;
        }
        Matcher built = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=\\s*([^;]*)").matcher(text);
        while (built.find()) {
            if (IMMUTABLE.matcher(built.group(1)).find()) {
                return true;
            }
        }
        for (int j = at; j >= 0 && j >= at - 3; j--) {
            if (HEAD.matcher(lines.get(j).text()).matches()) {
                return lines.get(j).text().contains("static ");
            }
        }
        return false;
    }

    private static boolean readded(List<DiffLine> lines, int at) {
        String same = WHITESPACE.matcher(lines.get(at).text()).replaceAll("");
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.ADDED && WHITESPACE.matcher(l.text()).replaceAll("").equals(same)) {
                return true;
            }
        }
        return false;
    }

    private static boolean relocked(SourceFile file) {
        return file.change().hunks().stream().flatMap(h -> h.lines().stream()).anyMatch(l ->
                l.kind() == DiffLine.Kind.ADDED && (ADDED_LOCK.matcher(l.text()).find()
                        || RemovedLocks.HELD_BY_CALLER.matcher(l.text()).find()));
    }
}
