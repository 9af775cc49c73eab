package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * What a Go function literal means for the log-in-loop rule, and when printing is a program's output rather than
 * logging.
 *
 * <p>A literal handed to a per-item iterator ({@code filepath.WalkDir}, {@code sync.Map.Range}, {@code sort.Slice}'s
 * less function, {@code slices.SortFunc}) runs once per item: its body is a loop body. A literal started per
 * iteration ({@code go func() {...}()}, an errgroup's {@code g.Go(func() error {...})}) runs once for each turn of the
 * loop it sits in: the loop around it counts. Any other literal (a handler registered in a loop) is its own function.
 */
final class GoLoops {

    /** How a literal's body relates to loops. */
    enum Literal { PER_ITEM, PER_ITERATION, OWN }

    /** Iterators that call their function argument once per item (or per comparison). */
    private static final Pattern PER_ITEM = Pattern.compile(
            "^(filepath|fs)\\.(Walk|WalkDir)$|^afero\\.Walk$|(^|\\.)(Range|ForEach|ForEachKey|Each|EachKey)$"
            + "|^sort\\.(Slice|SliceStable|Search)$|^slices\\.(SortFunc|SortStableFunc|IndexFunc|ContainsFunc"
            + "|DeleteFunc|BinarySearchFunc|CompactFunc|EqualFunc)$|^lo\\.(ForEach|Map|Filter|Reduce|GroupBy)$");
    /**
     * A project's collection helper by its name (SliceConvert, mapEntries, filterItems, forAll, eachRow): with a
     * literal named for the collection's element, it calls it per element. A retry or a scope helper
     * ({@code withRetry(ctx, attempts, func(attempt int))}) is not one, whatever its arguments are called.
     */
    private static final Pattern HELPER = Pattern.compile(
            "(?i)map|convert|filter|each|apply|transform|collect|walk|visit|iter|slice|all|every|reduce|group|sort");
    /** Calls that start their function argument once per call, on a goroutine (errgroup, conc, sourcegraph pools). */
    private static final Pattern STARTS = Pattern.compile("\\.(Go|TryGo)$");
    /** Go's place for commands, and a tool named as a controller's command line (etcdctl, kubectl, istioctl). */
    private static final Pattern COMMAND_DIR = Pattern.compile("(^|/)(cmd|[a-z0-9]+ctl)/");
    private static final Pattern MAIN = Pattern.compile("(?m)^package\\s+main\\b");
    private static final Pattern COMMAND = Pattern.compile("\"github\\.com/(spf13/cobra|urfave/cli(/v\\d)?"
            + "|alecthomas/kong)\"");

    private GoLoops() {
    }

    static Literal literal(SyntaxNode lit, byte[] src) {
        SyntaxNode parent = lit.getParent();
        if (parent == null || parent.isNull()) {
            return Literal.OWN;
        }
        if (parent.getType().equals("call_expression")) {
            // func() {...}() run in place: go func(){...}() in a loop runs once per iteration
            SyntaxNode up = parent.getParent();
            return up != null && !up.isNull() && up.getType().equals("go_statement") ? Literal.PER_ITERATION
                    : Literal.OWN;
        }
        if (!parent.getType().equals("argument_list")) {
            return Literal.OWN;
        }
        SyntaxNode call = parent.getParent();
        SyntaxNode fn = call == null || call.isNull() ? null : call.getChildByFieldName("function");
        if (fn == null || fn.isNull()) {
            return Literal.OWN;
        }
        String callee = text(src, fn);
        if (PER_ITEM.matcher(callee).find() || HELPER.matcher(callee.substring(callee.lastIndexOf('.') + 1)).find()
                && takesElementOf(lit, parent, src)) {
            return Literal.PER_ITEM;
        }
        return STARTS.matcher(callee).find() ? Literal.PER_ITERATION : Literal.OWN;
    }

    /**
     * (session 44, log44) The literal takes one element of a collection handed to the same call: its parameter is
     * named as the singular of that argument ({@code utils.SliceConvert(objs, func(obj model.Obj) ...)},
     * {@code mapEach(entries, func(entry E))}, after an index parameter too). A project's own map, filter or convert
     * helper calls it once per element, as {@code lo.Map} does, whatever the helper is called.
     */
    private static boolean takesElementOf(SyntaxNode lit, SyntaxNode args, byte[] src) {
        SyntaxNode params = lit.getChildByFieldName("parameters");
        if (params == null || params.isNull()) {
            return false;
        }
        for (int i = 0; i < params.getNamedChildCount() && i < 2; i++) {
            SyntaxNode name = params.getNamedChild(i).getChildByFieldName("name");
            String element = name == null || name.isNull() ? "" : text(src, name);
            if (element.length() < 2 || element.equals("_")) {
                continue;
            }
            for (int j = 0; j < args.getNamedChildCount(); j++) {
                SyntaxNode a = args.getNamedChild(j);
                if (a.getType().equals("identifier") || a.getType().equals("selector_expression")) {
                    String t = text(src, a);
                    String collection = t.substring(t.lastIndexOf('.') + 1);
                    if (pluralOf(collection, element)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean pluralOf(String collection, String element) {
        String c = collection.toLowerCase(java.util.Locale.ROOT);
        String e = element.toLowerCase(java.util.Locale.ROOT);
        return c.equals(e + "s") || c.equals(e + "es") || e.endsWith("y") && c.equals(e.substring(0, e.length() - 1)
                + "ies");
    }

    /**
     * True when {@code block} belongs to a per-item or per-iteration literal with no loop of its own in between: a
     * {@code return} there ends one item (like {@code continue}), not the loop.
     */
    static boolean callbackBlock(SyntaxNode block, byte[] src) {
        for (SyntaxNode p = block.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "for_statement", "function_declaration", "method_declaration":
                    return false;
                case "func_literal":
                    return literal(p, src) != Literal.OWN;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * True when a {@code fmt.Print*} call is a command-line program's output, not logging: the file is a
     * {@code package main} or a command package (it imports cobra, urfave/cli or kong, or sits under a {@code cmd/}
     * directory, the Go layout's place for commands, or a {@code *ctl/} tool's folder such as etcdctl's printers,
     * which a pasted diff shows when its hunks miss the package line),
     * where what a loop prints to stdout is what the user ran the command for.
     */
    static boolean programOutput(String callee, String path, byte[] src) {
        if (!callee.startsWith("fmt.Print")) {
            return false;
        }
        if (COMMAND_DIR.matcher(path).find()) {
            return true;
        }
        String head = new String(src, 0, Math.min(src.length, 4096), StandardCharsets.UTF_8);
        return MAIN.matcher(head).find() || COMMAND.matcher(head).find();
    }
    /** A return statement and the rest of its line. */
    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\b(.*)$");

    /**
     * True when a {@code fmt.Print*} call is in a function that returns the process's exit status: declared to return
     * {@code int} and every {@code return} gives an integer literal ({@code func cliSensorsPrint() int {... return 1
     * ... return 0}}). Such a function is a subcommand that main hands
     * to {@code os.Exit}: what it prints is the answer the user ran it for, once, not a service's log (set 19's KP, on
     * a file whose package line and imports the diff does not show).
     */
    static boolean exitStatusOutput(SyntaxNode call, String callee, byte[] src) {
        if (!callee.startsWith("fmt.Print")) {
            return false;
        }
        // read as text by column (gofmt puts a function's header and closing brace at column 0): a tree broken by
        // the hunks glued above it can put the call inside an earlier function's node
        String before = new String(src, 0, call.getStartByte(), StandardCharsets.UTF_8);
        int start = before.lastIndexOf("\nfunc ");
        int end = new String(src, StandardCharsets.UTF_8).indexOf("\n}", before.length());
        if (start < 0 || end < 0) {
            return false;
        }
        String function = new String(src, StandardCharsets.UTF_8).substring(start + 1, end);
        return EXIT_STATUS_HEADER.matcher(function).lookingAt() && onlyStatuses(function);
    }

    /** A Go function header that returns a bare {@code int}. */
    private static final Pattern EXIT_STATUS_HEADER = Pattern.compile("func\\s+\\w+\\s*\\([^)]*\\)\\s*int\\s*\\{");

    /** True when {@code body} has a {@code return} and every one gives an integer literal. */
    private static boolean onlyStatuses(String body) {
        boolean status = false;
        java.util.regex.Matcher m = RETURN.matcher(body);
        while (m.find()) {
            if (!m.group(1).replaceAll("//.*", "").strip().matches("\\d+")) {
                return false;
            }
            status = true;
        }
        return status;
    }
}
