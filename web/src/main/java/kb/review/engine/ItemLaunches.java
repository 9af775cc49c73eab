package kb.review.engine;

import static kb.review.engine.RemovedReleases.indent;

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
 * CONC-02 where the change itself makes a goroutine per unit of work (session 52, class "something that should exist
 * once is made per unit of work"): the change's deleted lines handled an item where it arrived (a call that took it,
 * {@code e.Send(pid, msg)}, {@code l.HandlePacket(buf[0:n])}, or a send that queued it for a fixed set of workers,
 * {@code queues[h] <- event}, {@code jobs <- i}) and the new code hands that same item to a {@code go} statement of
 * its own. The unit of work is read from the code, once:
 * <ul>
 * <li>a loop: the launch sits in a {@code for} of its function (a read loop, a receive, a range over input), and
 * either the launch or that loop's header is a line the change adds (a worker's body moved under the input loop:
 * round 47's log replayer);</li>
 * <li>a function called per item: no loop around the launch, the launch is added, and the function is not a
 * one-time one (a constructor, {@code New...}, {@code init}, {@code main}, a {@code Start}/{@code Run}/{@code Serve}
 * of a component): a push handler that decoded a message and delivered it now starts a goroutine per push
 * (round 109).</li>
 * </ul>
 * The item is what the deleted lines handed on (an argument of a call, the value of a send) and the launch uses, not
 * the receiver, a context or an error.
 *
 * <p>Not reported: a launch that only changed form (the deleted lines already started a goroutine with the item: a
 * bare {@code go} rewritten as a recovering wrapper or a {@code wg.Go}), a function with a visible bound (a semaphore,
 * a slot sent on a channel, {@code SetLimit}, a limited listener), a long-lived launch ({@code Serve}, {@code run},
 * {@code loop}, {@code watch}...: one per registered component, not per item), tests, and a file without deleted
 * lines (a new file's fan-out is the CONC-02 rules' to judge from its loop). Session 54: a change with no deleted
 * lines is read for a launch added inside a function named for its loop, below its top level (see
 * {@code loopLaunches}).
 */
final class ItemLaunches {

    static final String RULE = "goroutine-per-item-made-by-change";
    /**
     * The same read with no loop in view, the function being the unit: it yields to another item's finding on its
     * line (a bare goroutine per call is CONC-01's missing recover first, as the rounds label it).
     */
    static final String CALL_RULE = "goroutine-per-call-made-by-change";

    /** A launch: a {@code go} statement, or a group's {@code Go} given a literal ({@code g.Go(func() error {...})}). */
    private static final Pattern GO = Pattern.compile("^(\\s*)(?:go\\s+|[a-z]\\w*\\.Go\\(\\s*(?=func\\b))(.*)$");
    /** A literal that runs once where it is written: a goroutine, a deferred function, a once's. */
    private static final Pattern ONCE_LITERAL = Pattern.compile("(?:\\bgo\\s+|\\bdefer\\s+|\\.Do\\s*\\(\\s*)func\\b");
    /** A goroutine started by a statement, a group or a wrapper ({@code wg.Go(...)}, {@code safe.Go(...)}). */
    private static final Pattern LAUNCH = Pattern.compile("^\\s*go\\s|(?:^|[\\s.])Go\\w*\\s*\\(");
    private static final Pattern FOR = Pattern.compile("^\\s*for\\b.*\\{\\s*$");
    private static final Pattern FUNC = Pattern.compile("\\bfunc\\b.*\\{\\s*$");
    private static final Pattern DECL = Pattern.compile("^func\\s*(?:\\(\\s*(\\w+)[^)]*\\)\\s*)?(\\w+)\\s*\\(");
    /** A call's arguments (group 1), a send's value (group 2). */
    private static final Pattern CALL_ARGS = Pattern.compile("[\\w\\]]\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
    private static final Pattern SEND = Pattern.compile("^\\s*[^<\\s][^<]*?\\s*<-\\s*&?(\\w+)\\s*$");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])[a-z_]\\w*(?![\\w(])");
    private static final Set<String> NOT_ITEMS = Set.of("ctx", "err", "nil", "true", "false", "ok", "_", "context",
            "len", "cap", "make", "new", "append", "string", "byte", "int", "func", "struct", "map", "chan", "range",
            "self", "this", "log", "logger");
    /** A visible bound on how many run at once. */
    private static final Pattern BOUND = Pattern.compile("\\.SetLimit\\s*\\(|\\.(?:Try)?Acquire\\s*\\(|\\bsemaphore\\."
            + "|WithMaxGoroutines\\s*\\(|LimitListener\\s*\\(|<-\\s*struct\\s*\\{\\s*\\}\\s*\\{\\s*\\}"
            + "|(?i:\\w*(?:sem|slot|token|permit|limit)\\w*)\\s*<-|<-\\s*[\\w.]*(?i:sem|slot|token|permit)\\w*");
    /** A counted loop over a fixed number ({@code for i := 0; i < s.workers; i++}, {@code for range n}): workers. */
    private static final Pattern COUNTED = Pattern.compile("^\\s*for\\s+(?:\\w+\\s*:?=\\s*[^;]*;\\s*\\w+\\s*<=?\\s*(?![^;]*\\blen\\()[^;]+;"
            + "|(?:\\w+\\s*:=\\s*)?range\\s+(?:[\\w.]*\\.)?(?i:\\w*workers?|n|num\\w*|parallel\\w*|concurren\\w*|\\w*count|size"
            + "|\\d+)\\s*\\{)");
    /** A launched literal that loops or ticks: a runner for the component's life. */
    private static final Pattern RUNNER_BODY = Pattern.compile("\\n\\s*for\\s*\\{|NewTicker\\s*\\(|time\\.Tick\\s*\\("
            // a literal that serves a listener for the component's life (`go func() { srv.Serve(ln) }()` in a start hook)
            + "|\\.(?:Serve|ServeTLS|ListenAndServe|ListenAndServeTLS)\\s*\\(");
    /** A long-lived runner started per registered thing, not per item. */
    private static final Pattern LONG_LIVED = Pattern.compile("(?i)^(?:[\\w.]*\\.)?(?:serve|listenandserve|run|loop"
            + "|watch|poll|start|keepalive|heartbeat)\\w*\\s*\\(");
    /** A function that runs once for the component. */
    private static final Pattern ONE_TIME = Pattern.compile("^(?:New\\w*|new\\w*|init|main|[Ss]tart\\w*|[Rr]un|[Ss]erve"
            + "\\w*|[Ll]isten\\w*|[Oo]pen|[Bb]oot\\w*|[Ss]etup\\w*|[Ll]aunch\\w*|[Ii]nit\\w*"
            // and the one that ends it: a stop that bounds a slow close with a goroutine and a timer runs once
            + "|[Ss]top\\w*|[Cc]lose|[Ss]hutdown\\w*|[Tt]eardown)$");

    private ItemLaunches() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        if (RemovedLine.of(file).isEmpty()) {
            return file.complete() ? List.of() : loopLaunches(file, catalog);
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            Set<String> handed = new LinkedHashSet<>();
            Set<String> launched = new LinkedHashSet<>();
            read(h, handed, launched);
            handed.removeAll(NOT_ITEMS);
            if (handed.isEmpty()) {
                continue;
            }
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED || l.newLine() <= 0) {
                    continue;
                }
                Matcher g = GO.matcher(l.text());
                if (g.find()) {
                    judge(file, h, l, g, handed, launched, catalog, out);
                }
            }
        }
        return out;
    }

    /**
     * The deleted lines of a hunk, read in the old file's shape (context and deleted lines): the names they hand on
     * in place ({@code handed}: a call's arguments, a send's value; in a fixed worker's body too, a goroutine started
     * in a counted loop), and the names a deleted launch already took ({@code launched}: its own line and the body of
     * a literal it started, outside a counted loop).
     */
    static void read(Hunk h, Set<String> handed, Set<String> launched) {
        List<DiffLine> old = h.lines().stream().filter(l -> l.kind() != DiffLine.Kind.ADDED).toList();
        for (int k = 0; k < old.size(); k++) {
            DiffLine l = old.get(k);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            // a call's arguments in code only: the words of a log message or a comment are not items
            String code = kb.review.analysis.CodeText.code(l.text().replaceFirst("//.*$", ""));
            if (LAUNCH.matcher(code).find()) {
                names(code, launched);
                continue;
            }
            if (FUNC.matcher(code).find() || FOR.matcher(code).find()) {
                continue;
            }
            Set<String> into = inLaunch(old, k) ? launched : handed;
            Matcher s = SEND.matcher(code);
            if (s.find()) {
                into.add(s.group(1));
            }
            Matcher c = CALL_ARGS.matcher(code);
            while (c.find()) {
                names(c.group(1), into);
            }
        }
    }

    /** The old line k sits in a literal a launch started, and that launch is not a worker of a counted loop. */
    private static boolean inLaunch(List<DiffLine> old, int k) {
        int depth = indent(old.get(k).text());
        for (int j = k - 1; j >= 0; j--) {
            String t = old.get(j).text();
            if (t.isBlank() || indent(t) >= depth) {
                continue;
            }
            depth = indent(t);
            if (t.strip().startsWith("}")) {
                // a literal that continues a call's arguments (a wrapper's recover callback, `}, func(r any) {`):
                // the call's opening line, at this indentation, above it decides (round 57's gowrapper.Go)
                depth++;
                continue;
            }
            if (LAUNCH.matcher(t).find() && t.strip().endsWith("{")) {
                for (int i = j - 1; i >= 0; i--) {
                    String u = old.get(i).text();
                    if (!u.isBlank() && indent(u) < indent(t)) {
                        return !COUNTED.matcher(u).find();
                    }
                }
                return true;
            }
            if (t.startsWith("func") || FUNC.matcher(t).find()) {
                return false;
            }
        }
        return false;
    }

    private static void names(String text, Set<String> into) {
        Matcher n = NAME.matcher(text);
        while (n.find()) {
            into.add(n.group());
        }
    }

    private static void judge(SourceFile file, Hunk h, DiffLine l, Matcher g, Set<String> handed,
                              Set<String> launched, Catalog catalog, List<Finding> out) {
        int at = l.newLine();
        int indent = indent(l.text());
        if (LONG_LIVED.matcher(g.group(2)).find()) {
            return;
        }
        String launch = launchText(file, at, indent);
        if (RUNNER_BODY.matcher(launch).find()) {
            return; // a literal that loops or ticks for the component's life
        }
        // the function and the loop around the launch, read upwards by indentation
        int loop = -1;
        int func = -1;
        int depth = indent;
        for (int n = at - 1; n >= 1 && func < 0; n--) {
            String t = file.line(n);
            if (t.isBlank() || indent(t) >= depth) {
                continue;
            }
            depth = indent(t);
            if (t.startsWith("func")) {
                func = n;
            } else if (FUNC.matcher(t).find()) {
                if (ONCE_LITERAL.matcher(t).find()) {
                    return; // a goroutine, a deferred function or a once's: it runs once
                }
                // a callback handed to a subscription or a handler: it runs per event, like a loop's body
                loop = loop < 0 ? n : loop;
            } else if (loop < 0 && FOR.matcher(t).find()) {
                loop = n;
            }
        }
        String header = func > 0 ? file.line(func) : h.section() == null ? "" : h.section().strip();
        Matcher d = DECL.matcher(header);
        if (!d.find()) {
            return;
        }
        String receiver = d.group(1);
        // a one-time function starts its runners at the top of its body; a launch nested deeper in a function whose
        // header the diff does not show may sit in a loop the hunk cuts off (round 43's statsd listener)
        if (loop < 0 && (!file.added(at) || ONE_TIME.matcher(d.group(2)).find() && (func > 0 || indent <= 4))) {
            return;
        }
        if (loop > 0 && (!file.added(at) && !file.added(loop) || COUNTED.matcher(file.line(loop)).find())) {
            return; // a counted loop starts a fixed set of workers
        }
        Set<String> items = new LinkedHashSet<>();
        for (String name : handed) {
            if (!name.equals(receiver) && Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)")
                    .matcher(launch).find()) {
                items.add(name);
            }
        }
        if (items.isEmpty()) {
            return;
        }
        // the launch only changed form: a deleted launch took the item already (a bare go rewritten with a recover)
        if (items.stream().anyMatch(launched::contains)) {
            return;
        }
        if (BOUND.matcher(functionText(file, func > 0 ? func : Math.max(1, h.newStart()), at, launch)).find()
                || awaited(launch, file, at, indent)) {
            return;
        }
        Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        String item = String.join("`, `", items);
        out.add(new Finding(loop > 0 ? RULE : CALL_RULE, "CONC-02", severity, file.path(), at, 1, l.text().strip(),
                "The change starts a goroutine for `" + item + "` where the old code handled it in place (or queued "
                        + "it for a fixed set of workers): one goroutine per " + (loop > 0 ? "turn of this loop"
                        : "call of `" + d.group(2) + "`") + ", with nothing bounding how many run, so a burst of "
                        + "input or a slow consumer becomes as many goroutines, buffers and connections. Keep the "
                        + "hand-off, or take a slot of a semaphore (or a limited errgroup) before the launch.",
                Finding.Confidence.LOW, "the review sees the launch and the hand-off it replaces, not the input's size",
                "kb", null));
    }

    /** A function named for the loop a goroutine runs: {@code readLoop}, {@code recvLoop}, {@code loop}. */
    private static final Pattern LOOP_NAME = Pattern.compile("^(?:[a-z]\\w*Loop|[Ll]oop\\w*)$");

    /**
     * Session 54: a change with no deleted lines adds a {@code go} statement inside a function named for its loop
     * ({@code readLoop}), nested below the function's top level where the hunk cuts the loop's header off, handing
     * the goroutine a value of the turn (an argument that is no receiver's field, context or constant): a goroutine
     * per item read (round 124's decoder per blob). Not reported: a loop in sight (the range and per-element rules
     * judge it), a launch inside a func literal, a long-lived or looping launch, a visible bound, a launch awaited in
     * its block, a launch with no item among its arguments.
     */
    private static List<Finding> loopLaunches(SourceFile file, Catalog catalog) {
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher g = GO.matcher(l.text());
                if (!g.find() || !l.text().strip().startsWith("go ") || LONG_LIVED.matcher(g.group(2)).find()) {
                    continue;
                }
                int at = l.newLine();
                int indent = indent(l.text());
                String launch = launchText(file, at, indent);
                if (RUNNER_BODY.matcher(launch).find()) {
                    continue;
                }
                int func = -1;
                boolean blocked = false;
                int depth = indent;
                for (int n = at - 1; n >= 1 && file.known(n) && func < 0; n--) {
                    String t = file.line(n);
                    if (t.isBlank() || indent(t) >= depth) {
                        continue;
                    }
                    depth = indent(t);
                    if (t.startsWith("func")) {
                        func = n;
                    } else if (FUNC.matcher(t).find() || FOR.matcher(t).find()) {
                        blocked = true;
                        break;
                    }
                }
                String header = func > 0 ? file.line(func) : h.section() == null ? "" : h.section().strip();
                Matcher d = DECL.matcher(header);
                // below the function's top level (a tab's width): inside the loop the hunk cuts off
                if (blocked || !d.find() || !LOOP_NAME.matcher(d.group(2)).matches() || indent < 8) {
                    continue;
                }
                String receiver = d.group(1);
                Set<String> items = new LinkedHashSet<>();
                Matcher args = CALL_ARGS.matcher(kb.review.analysis.CodeText.code(g.group(2)));
                if (args.find()) {
                    Matcher n = NAME.matcher(args.group(1).replaceAll("\\b\\w+\\s*:", " "));
                    while (n.find()) {
                        String name = n.group();
                        if (!NOT_ITEMS.contains(name) && !name.equals(receiver)) {
                            items.add(name);
                        }
                    }
                }
                if (items.isEmpty() || BOUND.matcher(functionText(file, func > 0 ? func : Math.max(1, h.newStart()),
                        at, launch)).find() || awaited(launch, file, at, indent)) {
                    continue;
                }
                Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-02", severity, file.path(), at, 1, l.text().strip(),
                        "The change starts a goroutine for `" + String.join("`, `", items) + "` inside `" + d.group(2)
                                + "`'s loop: one goroutine per turn, with nothing bounding how many run, so input that "
                                + "arrives faster than it is handled becomes as many goroutines and buffers. Hand the "
                                + "item to a fixed set of workers over a channel, or take a semaphore slot first.",
                        Finding.Confidence.LOW, "the review sees the launch in a loop function, not the loop's input",
                        "kb", null));
            }
        }
        return out;
    }

    /** A literal's signal of its end: a channel closed or sent on, a wait group's Done. */
    private static final Pattern SIGNAL = Pattern.compile("\\bclose\\(\\s*(\\w+)\\s*\\)|^\\s*(\\w+)\\s*<-|\\b(\\w+)\\.Done\\(\\)"
            // a wait group's own launch (Go 1.25's `wg.Go(func() {...})`), whose Done is implied
            + "|^\\s*(\\w+)\\.Go\\(", Pattern.MULTILINE);

    /**
     * True when the block the launch stands in waits, below the launch, for the goroutine it started (in a loop, within
     * the same turn: a wait after the loop, when every turn started one, is still a goroutine per item): a receive on the channel the
     * literal closes or sends on ({@code <-done}, a {@code case <-done:} beside a timer), or its wait group's
     * {@code Wait()}. A call moved onto a goroutine to bound it with a timeout (a close that can hang, run beside
     * {@code time.After}) is one goroutine per call at a time, not a goroutine per item left running.
     */
    private static boolean awaited(String launch, SourceFile file, int at, int depth) {
        StringBuilder below = new StringBuilder();
        for (int n = at + launch.split("\n", -1).length - 1; n <= file.lineCount() && n < at + 60; n++) {
            String t = file.line(n);
            if (t.startsWith("}") || !t.isBlank() && indent(t) < depth) {
                break; // the end of the block the launch stands in: a loop's turn, or the function
            }
            below.append(t).append('\n');
        }
        Matcher s = SIGNAL.matcher(launch);
        while (s.find()) {
            String v = s.group(1) != null ? s.group(1) : s.group(2) != null ? s.group(2)
                    : s.group(3) != null ? s.group(3) : s.group(4);
            String q = Pattern.quote(v);
            if (Pattern.compile("<-\\s*" + q + "\\b|\\b" + q + "\\.Wait\\(\\)").matcher(below).find()) {
                return true;
            }
        }
        return false;
    }

    /** The launch line and, for a literal, its body up to the closing line at the launch's indentation. */
    private static String launchText(SourceFile file, int at, int indent) {
        StringBuilder b = new StringBuilder(file.line(at)).append('\n');
        if (!file.line(at).strip().endsWith("{")) {
            return b.toString();
        }
        for (int n = at + 1; n <= file.lineCount() && n <= at + 200; n++) {
            String t = file.line(n);
            b.append(t).append('\n');
            if (!t.isBlank() && indent(t) <= indent) {
                break;
            }
        }
        return b.toString();
    }

    /** The function's text from its header to its end as far as the file shows it (the launch's body included). */
    private static String functionText(SourceFile file, int from, int at, String launch) {
        StringBuilder b = new StringBuilder();
        for (int n = from; n <= file.lineCount(); n++) {
            String t = file.line(n);
            if (n > from && t.startsWith("}")) {
                break;
            }
            b.append(t).append('\n');
        }
        return b.append(launch).toString();
    }

    /** A CONC-02 launch made per item stands beside another item's finding on its line (a missing recover). */
    static boolean besideOtherItem(Finding drop, Finding held) {
        // (the per-call read, CALL_RULE, yields: see there)
        return drop.rule().equals(RULE) && !held.item().equals(drop.item());
    }
}
