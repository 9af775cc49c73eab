package kb.review.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * An added Java statement that calls a method of the code's own, declared in the same file or in another file of the
 * change with a future as its return type ({@code CompletableFuture}, {@code CompletionStage}, Guava's and Spring's
 * {@code ListenableFuture}, {@code java.util.concurrent.Future} and Vert.x's {@code Future}, Reactor's {@code Mono}
 * and {@code Flux}, Mutiny's {@code Uni}), and drops the result: {@code refreshAsync(id);}. The declaration is the
 * typed word that a future comes back; CONC-06: "Keep every Future you create", and "a CompletableFuture that
 * completes exceptionally without a handler is just as silent" (a publisher never subscribed does not even run).
 * The rule for dropped futures knows only library calls by name ({@code submit}, {@code runAsync}), so a method of
 * the class that wraps them went unseen.
 *
 * <p>Which calls: unqualified or {@code this.} calls of a method this file declares, and calls on a receiver this
 * file declares with the type of another changed file's class that declares the method. Silent when the same name is
 * also declared with another return type in any changed file (an overload or a superclass's method that may be the
 * one called), when the method's own body attaches a failure handler (onFailure, exceptionally, whenComplete,
 * doOnError...: it observes itself), when the statement chains anything after the call, and for a call in a test
 * file. One reading of each file's text that mentions a future type, and of the files that name a method found.</p>
 */
final class OwnFutureDrops {

    static final String RULE = "own-future-dropped";

    private static final String FUTURES = "CompletableFuture|CompletionStage|ListenableFuture|Future|Mono|Flux|Uni";
    /** A method declaration with its return type: group 1 the type's simple name, group 2 the method's name. */
    private static final Pattern DECLARED = Pattern.compile(
            "(?m)^[ \\t]*(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized|"
                    + "abstract|default)\\s+)*(?:<[^<>;{}()]*(?:<[^<>;{}()]*>[^<>;{}()]*)*>\\s+)?(?:[\\w]+\\.)*"
                    + "([A-Za-z_$][\\w$]*)(?:\\s*<[^;={}()]*>)?(?:\\[\\])?\\s+([a-z_$][\\w$]*)\\s*\\([^;{}]*\\)\\s*"
                    + "(?:throws\\s+[\\w.,\\s]+)?[{;]");
    private static final Pattern FUTURE_TYPE = Pattern.compile("^(?:" + FUTURES + ")$");
    /** The start of a bare call statement: group 1 the receiver (may be null or {@code this}), group 2 the method. */
    private static final Pattern BARE = Pattern.compile(
            "^\\s*(?:([a-zA-Z_$][\\w$]*)\\s*\\.\\s*)?([a-z_$][\\w$]*)\\s*\\(");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "return", "throw", "new", "super", "assert", "yield");
    /** Words that may stand before a call where a declaration has its return type. */
    private static final Set<String> NOT_TYPES = Set.of("return", "throw", "new", "else", "case", "yield", "assert",
            "await");
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Z][\\w$]*)\\.java$");

    private OwnFutureDrops() {
    }

    /**
     * The future-returning methods of each changed Java file's class, by class name (the file's name); names that
     * the file also declares with another type are left out.
     */
    static Map<String, Set<String>> declared(List<SourceFile> files) {
        Map<String, Set<String>> out = new HashMap<>();
        for (SourceFile f : files) {
            if (f.language() != Language.JAVA) {
                continue;
            }
            Matcher n = CLASS_NAME.matcher(f.path());
            Set<String> names = futureMethods(f.text(), f);
            if (n.find() && !names.isEmpty()) {
                out.put(n.group(1), new HashSet<>(names));
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        // a name another changed file declares with another type (a superclass's void send) may be the one called
        Set<String> wanted = new HashSet<>();
        out.values().forEach(wanted::addAll);
        Set<String> other = new HashSet<>();
        for (SourceFile f : files) {
            if (f.language() == Language.JAVA && wanted.stream().anyMatch(f.text()::contains)) {
                Matcher m = DECLARED.matcher(f.text());
                while (m.find()) {
                    if (!NOT_TYPES.contains(m.group(1)) && !FUTURE_TYPE.matcher(m.group(1)).matches()) {
                        other.add(m.group(2));
                    }
                }
            }
        }
        out.values().forEach(v -> v.removeAll(other));
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    private static Set<String> futureMethods(String text, SourceFile file) {
        if (!mentionsFuture(text)) {
            return Set.of();
        }
        Set<String> future = new HashSet<>();
        Set<String> other = new HashSet<>();
        Map<String, String> bodies = new HashMap<>();
        int[] cursor = {0, 1}; // an offset already counted and its line, so lines are counted once over the text
        Matcher m = DECLARED.matcher(text);
        while (m.find()) {
            if (NOT_TYPES.contains(m.group(1))) {
                continue;
            }
            boolean isFuture = FUTURE_TYPE.matcher(m.group(1)).matches();
            String body = isFuture && text.charAt(m.end() - 1) == '{' ? body(text, m.end() - 1) : "";
            if (!body.isEmpty() && (OBSERVES.matcher(body).find() || !shown(text, m.end() - 1, body, file, cursor))) {
                // observes its own failure (an overload may delegate to it), or the diff cuts its body, which may
                // observe it below the hunk: the review cannot say the failure goes unseen
                other.add(m.group(2));
                continue;
            }
            if (isFuture && !body.isEmpty()) {
                bodies.merge(m.group(2), body, (a, b) -> a + "\n" + b);
            }
            (isFuture ? future : other).add(m.group(2));
        }
        // a method whose returned future is the one of a method that observes its own failure (a wrapper that adds a
        // span or checks arguments, then `return sendAsync(...)` or `return client.connect().map(...)` on an observed
        // call of this file) observes it too, through as many wrappers as the file has
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> e : bodies.entrySet()) {
                if (!other.contains(e.getKey()) && returnsObserved(e.getValue(), other)) {
                    other.add(e.getKey());
                    grew = true;
                }
            }
        }
        future.removeAll(other);
        return future;
    }

    /** Every line of the body opened at {@code open} is in the diff (always, for a whole file). */
    private static boolean shown(String text, int open, String body, SourceFile file, int[] cursor) {
        if (file.complete()) {
            return true;
        }
        for (int i = cursor[0]; i < open; i++) {
            cursor[1] += text.charAt(i) == '\n' ? 1 : 0;
        }
        cursor[0] = Math.max(cursor[0], open);
        int first = cursor[1];
        int last = first;
        for (int i = 0; i < body.length(); i++) {
            last += body.charAt(i) == '\n' ? 1 : 0;
        }
        return file.allKnown(first, last);
    }

    /** A return statement of {@code body} whose value starts with a call of one of {@code observed}. */
    private static boolean returnsObserved(String body, Set<String> observed) {
        Matcher r = RETURNED_CALL.matcher(body);
        while (r.find()) {
            if (observed.contains(r.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The method called first in a return statement's value: {@code return this.sendAsync(} gives sendAsync. */
    private static final Pattern RETURNED_CALL = Pattern.compile(
            "\\breturn\\s+(?:this\\s*\\.\\s*)?([a-z_$][\\w$]*)\\s*\\(");

    /** A handler of the stage's failure attached inside the method's own body. */
    private static final Pattern OBSERVES = Pattern.compile("\\.\\s*(?:onFailure|onComplete|exceptionally\\w*|"
            + "whenComplete\\w*|handle\\w*|doOnError|onErrorResume|onErrorReturn|onErrorContinue|onErrorComplete|"
            + "recover\\w*|otherwise|addCallback|addListener|catching\\w*|ifFailed|onItemOrFailure)\\s*\\(");

    private static String body(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return text.substring(open, i);
            }
        }
        return text.substring(open);
    }

    private static boolean mentionsFuture(String text) {
        return text.contains("Future") || text.contains("CompletionStage") || text.contains("Mono")
                || text.contains("Flux") || text.contains("Uni");
    }

    /** @param byClass what {@link #declared} answered for the whole change */
    static List<Finding> find(SourceFile file, Catalog catalog, Map<String, Set<String>> byClass) {
        if (file.language() != Language.JAVA || byClass.isEmpty() || TestCode.isTest(file.path())) {
            return List.of();
        }
        Matcher own = CLASS_NAME.matcher(file.path());
        Set<String> mine = own.find() ? byClass.getOrDefault(own.group(1), Set.of()) : Set.of();
        Severity severity = catalog.item("CONC-06").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                Matcher m = BARE.matcher(l.text());
                if (!m.find() || KEYWORDS.contains(m.group(2)) || previousOpen(lines, i)) {
                    continue;
                }
                String receiver = m.group(1);
                boolean future = receiver == null || receiver.equals("this") ? mine.contains(m.group(2))
                        : typedReceiver(file.text(), receiver, m.group(2), byClass);
                if (future && endsBare(lines, i, m.end() - 1)) {
                    out.add(new Finding(RULE, "CONC-06", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "`" + m.group(2) + "` is declared to return a future, and this statement drops it: if "
                                    + "the work fails, the exception stays in the future and nobody sees it (a "
                                    + "publisher never subscribed does not even run). Keep it and attach a handler "
                                    + "that logs and counts failures, wait for it with a timeout, or return it.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** The receiver is declared in this file with the type of a changed class that declares the method. */
    private static boolean typedReceiver(String text, String receiver, String method,
                                         Map<String, Set<String>> byClass) {
        for (Map.Entry<String, Set<String>> e : byClass.entrySet()) {
            if (e.getValue().contains(method) && text.contains(e.getKey())
                    && Pattern.compile("\\b" + Pattern.quote(e.getKey()) + "(?:\\s*<[^;=(){}]*>)?\\s+"
                    + Pattern.quote(receiver) + "\\s*[;=,)]").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The line before ends without closing a statement or block: this line continues an expression. */
    private static boolean previousOpen(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String t = l.text().strip();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isEmpty() || t.startsWith("//") || t.startsWith("*")
                    || t.startsWith("/*") || t.startsWith("@")) {
                continue;
            }
            return !(t.endsWith(";") || t.endsWith("{") || t.endsWith("}") || t.endsWith("->") || t.endsWith(":"));
        }
        return false;
    }

    /**
     * From the call's opening parenthesis at {@code open} of line {@code at}, its arguments close (over up to ten
     * kept lines) and the statement ends right after them with {@code ;}: nothing chained, nothing assigned.
     */
    private static boolean endsBare(List<DiffLine> lines, int at, int open) {
        int depth = 0;
        int seen = 0;
        for (int j = at; j < lines.size() && seen < 10; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            seen++;
            String t = l.text();
            for (int k = j == at ? open : 0; k < t.length(); k++) {
                char c = t.charAt(k);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return t.substring(k + 1).strip().startsWith(";");
                } else if (c == '"') {
                    int close = t.indexOf('"', k + 1);
                    k = close < 0 ? t.length() : close;
                }
            }
        }
        return false;
    }
}
