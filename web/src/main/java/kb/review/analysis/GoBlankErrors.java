package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go calls whose error, the last result, is put in {@code _} while a value beside it is kept
 * ({@code resp, _ := client.Get(u)}, {@code ds, _ := ParseFile(path, nil)}, {@code id, _ := bb.GetBlueButtonID(h)}):
 * when the call fails the kept value is the zero one (nil, "", an empty struct) and the code goes on with it as if it
 * were the answer, a nil response dereferenced, an empty dataset inspected and passed, a lookup of an empty id. This is
 * errcheck's {@code -blank} check (kisielk/errcheck#12) read from the code alone: the callee's own declaration when
 * the change shows it (a function declared with a non-error last result is left alone), else Go's convention that the
 * last of two or more results is the error, less the standard calls and idioms whose last result is a flag, a size or
 * a second value ({@link #NOT_ERROR}) and the families other rules or items own ({@link #OWNED}).
 *
 * <p>Left alone, each a way out the item allows: a comment on the line or right above it; a kept value tested for
 * its zero afterwards ({@code if resp == nil}, {@code v.IsValid()}, {@code len(v) == 0}: the failure is handled through
 * the value); a value read only for an error message (a body read inside a branch that returns an error built from it);
 * a second source tried inside an {@code if err != nil} branch.
 */
public final class GoBlankErrors {

    /** Standard calls and common idioms whose last result is a flag, a size or a second value, not an error. */
    private static final Pattern NOT_ERROR = Pattern.compile(
            "^(?:strings|bytes)\\.Cut(?:Prefix|Suffix)?$|^(?:path|filepath)\\.Split$|^utf8\\.Decode\\w*$"
                    + "|^(?:os|syscall)\\.(?:LookupEnv|Getenv)$|^runtime\\.Caller$"
                    + "|^math\\.(?:Modf|Frexp|Sincos|Lgamma)$"
                    + "|^bits\\.\\w+$|^(?:io|net)\\.Pipe$|^(?:sort|slices)\\.(?:Find\\w*|BinarySearch\\w*)$"
                    + "|^binary\\.(?:U?varint)$|^pem\\.Decode$|\\.SetString$|\\.Load(?:OrStore|AndDelete)?$"
                    + "|BasicAuth$|(?:Ok|OK)$|^netip\\.AddrFrom\\w*$|\\.Size$"
                    + "|\\.(?:Deadline|Password|Date|Clock|ISOWeek|Zone|ZoneBounds|FieldByName|MethodByName"
                    + "|LookupEnv|Lookup)$");

    /** A declared type's own name, pointer, package and type arguments dropped: {@code *store.Cache[string]}. */
    private static final Pattern NAMED_TYPE =
            Pattern.compile("^[*\\s]*(?:[A-Za-z_]\\w*\\.)?([A-Za-z_]\\w*)\\s*(?:\\[.*)?$");

    /** Tree-sitter-go's node types of a literal argument. */
    private static final Pattern LITERAL = Pattern.compile(
            "interpreted_string_literal|raw_string_literal|int_literal|float_literal|rune_literal|true|false|nil");

    /**
     * A response written to the client: its error means the client left, which the handler cannot answer; Go's own
     * servers and most handlers drop it (set 19's shiori {@code written, _ = w.Write(b)}). Read before the change's
     * declarations, which match a method by its name only (the same diff's logging writer declares its own
     * {@code Write}). Also a Windows procedure or COM method called through syscall (below).
     */
    private static final Pattern RESPONSE_WRITE = Pattern.compile(
            "^(?:w|rw|resp|res|writer)\\.Write(?:String)?$|^(?:fmt\\.Fprint\\w*|io\\.WriteString)$"
                    // a Windows procedure or COM method called through syscall: its last result is the thread's
                    // last error, set whether or not the call failed; the answer is the first result (an HRESULT),
                    // so bindings drop the third (set 22's wails, 44 rows in one commit)
                    + "|(?:^|\\.)(?:proc[A-Z]\\w*|[Vv]tbl(?:\\.\\w+)?)\\.Call$|^(?:syscall|windows)\\.Syscall\\w*$");

    /**
     * Families another rule or item reads with its own ways out: conversions and text decoders, encodings, receives,
     * the io reads ({@code n, _ := f.Read(head)}, {@code io.ReadAll}: go-read-error-discarded's, which lets a head
     * sniffed or a body read for a message go) (ERR-01's own narrower rules); contexts and their cancel (TMO-03),
     * transactions begun (TX-01).
     */
    private static final Pattern OWNED = Pattern.compile(
            "^(?:strconv|time|hex|base64|base32)\\.|^url\\.(?:Query|Path)Unescape$|(?:^|\\.)Marshal(?:Indent)?$"
                    + "|(?:^|\\.)(?:Recv\\w*|Receive\\w*|ReadMessage|NextMsg\\w*|ReadFrom\\w*)$"
                    + "|(?:^|\\.)Read(?:Full|AtLeast|At|All|File|Byte|Rune|String|Bytes|Line)?$"
                    + "|^(?:context|errgroup|signal)\\.\\w+Context$|^context\\.With\\w+$|(?:^|\\.)Begin(?:Tx)?$");

    /**
     * Look-ups that answer "found" in the last result: a cache's, a map's or a set's {@code Get}, a web framework's
     * request values ({@code c.Get("user")}, {@code c.GetQuery("q")}), and a command's flags, whose only error is a
     * flag the program never defined.
     */
    private static final Pattern LOOKUP = Pattern.compile(
            "(?i:cache|lru|map|set|index|registry|table|params)\\w*(?:\\(\\))?"
                    + "\\.(?:Get|Load|Peek|Lookup|Find|Value)\\w*$"
                    + "|^(?:c|ctx|gc|gctx)\\.Get\\w*$|(?i:flags?|flagset)(?:\\(\\))?\\.Get\\w+$");

    /**
     * A callee the change does not declare is taken by convention only when its name starts with a verb of work that
     * can fail (fetching, reading, parsing, opening, dialling, making, running, sending): a computation or a predicate
     * of a project's own ({@code ones, _ := mask.Size()}, {@code off, _ := r.offset(ip)}, {@code blocked, _ :=
     * s.IsBlockedClient(ip)}) often answers a second value or a flag, not an error (set 17, AdGuardHome's DHCP).
     */
    private static final Pattern WORK_VERB = Pattern.compile(
            "^(?i:get|fetch|load|read|parse|open|dial|connect|create|new|make|build|query|request|download|upload"
                    + "|decode|unmarshal|resolve|exec|call|do|run|start|post|send|list|stat|compile|sign|encrypt"
                    + "|decrypt|verify|convert|import|export|extract|retrieve|acquire|generate|render|save|store|write"
                    + "|insert|update|put|apply|execute|invoke|login|auth)(?![a-z])");

    private final byte[] src;
    private final Summaries summaries;
    /** The file's declared types by name ({@link GoTypes#declared}): a receiver's type picks its own method. */
    private final Map<String, String> types;
    private final IntPredicate added;
    private final Supplier<String> removed;
    private String removedText;

    private GoBlankErrors(byte[] src, Summaries summaries, Map<String, String> types, IntPredicate added,
                          Supplier<String> removed) {
        this.src = src;
        this.summaries = summaries;
        this.types = types;
        this.added = added;
        this.removed = removed;
    }

    /**
     * Every such statement the change adds ({@code added} tells a line of the new side), at its start; sure when the
     * callee's declaration is in view. {@code removed} gives the lines the change deletes, one a line: a call whose
     * error a deleted line already put in {@code _} is a drop the change moved or kept, not one it made (frp's proxy
     * header moved, cadence's poller context changed only in its cancel).
     */
    public static List<Shapes.Spot> find(SyntaxNode root, byte[] src, Summaries summaries,
                                         IntPredicate added,
                                         Supplier<String> removed) {
        List<Shapes.Spot> out = new ArrayList<>();
        Map<String, String> types = GoTypes.declared(root, src);
        new GoBlankErrors(src, summaries.typed(types, null), types, added, removed).walk(root, out);
        return out;
    }

    /** True when a deleted line calls {@code callee} with its last result put in {@code _} too. */
    private boolean droppedBefore(String callee) {
        if (removedText == null) {
            removedText = removed.get();
        }
        int at = removedText.indexOf(callee + "(");
        while (at >= 0) {
            int bol = removedText.lastIndexOf('\n', at) + 1;
            String before = removedText.substring(bol, at);
            if (BLANK_LAST.matcher(before).find() || ERR_LAST.matcher(before).find() && onlyLoggedBefore(bol)) {
                return true;
            }
            at = removedText.indexOf(callee + "(", at + 1);
        }
        return false;
    }

    /**
     * True when every deleted line but the call's own (at {@code callLine}) is an error check, a log line or a closing
     * brace: the old code only logged the failure, so it was already unseen by the caller (session 36's clean edit).
     */
    private boolean onlyLoggedBefore(int callLine) {
        int i = 0;
        for (String line : removedText.split("\n")) {
            if (i != callLine && !line.isBlank() && !line.equals("}") && !ERR_CHECK.matcher(line).find()
                    && !LOG_LINE.matcher(line).find()) {
                return false;
            }
            i += line.length() + 1;
        }
        return true;
    }

    /** A callee named by a dotted path, chained calls without arguments allowed ({@code cfg.Store().Get}). */
    private static final Pattern CALLEE = Pattern.compile("[\\w.]+(?:\\(\\)\\.\\w+)*");

    private static final Pattern ERR_LAST = Pattern.compile(",\\s*err\\w*\\s*:?=\\s*$");

    private static final Pattern BLANK_LAST = Pattern.compile(",\\s*_\\s*:?=\\s*$");

    private void walk(SyntaxNode n, List<Shapes.Spot> out) {
        String t = n.getType();
        if ((t.equals("short_var_declaration") || t.equals("assignment_statement"))
                && added.test(n.getStartPoint().getRow() + 1)) {
            Boolean sure = dropped(n);
            if (sure != null) {
                out.add(new Shapes.Spot(n.getStartPoint().getRow() + 1, n.getStartPoint().getColumn() + 1, sure,
                        null));
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), out);
        }
    }

    /**
     * True (declared) or false (by convention) when {@code s} drops a call's error beside a kept value; else null.
     * By convention only when the result before the last is kept: a caller that drops the last two or more results
     * of a callee it cannot see holds a tuple of values ({@code width, _, _ := term.GetSize(fd)}, {@code plain, _, _
     * := extractColor(s, nil, nil)}, {@code _, _, w, _ := v.GetInnerRect()}), not a value and its error (sets 20-23).
     */
    private Boolean dropped(SyntaxNode s) {
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        int count = left.getNamedChildCount();
        if (count < 2 || right.getNamedChildCount() != 1 || !right.getNamedChild(0).getType().equals("call_expression")
                || !text(left.getNamedChild(count - 1)).equals("_")) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            SyntaxNode v = left.getNamedChild(i);
            if (v.getType().equals("identifier") && !text(v).equals("_")) {
                kept.add(text(v));
            }
        }
        String callee = text(right.getNamedChild(0).getChildByFieldName("function"));
        if (kept.isEmpty() || !CALLEE.matcher(callee).matches()) {
            return null;
        }
        if (RESPONSE_WRITE.matcher(callee).find() || literalsOnly(right.getNamedChild(0))) {
            return null;
        }
        Boolean sure = declaredError(callee, count);
        if (sure == null) {
            return null;
        }
        if (!sure && (NOT_ERROR.matcher(callee).find() || OWNED.matcher(callee).find()
                || LOOKUP.matcher(callee).find() || text(left.getNamedChild(count - 2)).equals("_"))) {
            return null;
        }
        if (Discards.saysWhy(s, src) || inErrorBranch(s) || handled(s, kept) || droppedBefore(callee)) {
            return null;
        }
        return sure;
    }

    /**
     * True when every argument of {@code call} is a literal ({@code url.Parse("https://github.com")},
     * {@code regexp.Compile(`\\d+`)}): the call answers the same on every run, so its error is the author's to know
     * once, not a failure the program must handle (set 23's glow).
     */
    private static boolean literalsOnly(SyntaxNode call) {
        SyntaxNode args = call.getChildByFieldName("arguments");
        if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return false;
        }
        for (int i = 0; i < args.getNamedChildCount(); i++) {
            if (!LITERAL.matcher(args.getNamedChild(i).getType()).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the change declares of {@code callee}: TRUE when every function of that name it shows returns
     * {@code results} results ending in an error, null when one does not (a flag, a value), FALSE when none is shown.
     */
    private Boolean declaredError(String callee, int results) {
        String name = callee.substring(callee.lastIndexOf('.') + 1);
        List<Summaries.Function> decls = summaries.declarations(callee).stream()
                .filter(f -> f.file() == null || f.file().endsWith(".go")).toList();
        String owner = callee.indexOf('.') < 0 ? null : receiverType(callee);
        boolean byName = false;
        if (callee.indexOf('.') < 0) {
            // a plain call runs a function, never a method that happens to share its name
            decls = decls.stream().filter(f -> f.owner() == null).toList();
        } else if (owner != null) {
            // the receiver's type is known: its own method, not another type's of the same name (set 23's nezha
            // look-ups, wakapi's services); none of that type in sight is an unknown callee
            decls = decls.stream().filter(f -> owner.equals(f.owner())).toList();
        } else {
            // a receiver of unknown type: a method of that name is a guess, as is the convention
            byName = decls.stream().anyMatch(f -> f.owner() != null);
        }
        if (decls.isEmpty()) {
            return OWNED.matcher(callee).find() || !WORK_VERB.matcher(name).find() ? null : Boolean.FALSE;
        }
        for (Summaries.Function f : decls) {
            String r = f.results() == null ? "" : f.results().strip();
            String inner = r.startsWith("(") && r.endsWith(")") ? r.substring(1, r.length() - 1) : r;
            if (!OwnBlankScope.lastResultIsError(r)
                    || kb.review.diff.TopLevelCommas.in(inner).length + 1 != results) {
                return null;
            }
        }
        return byName ? Boolean.FALSE : Boolean.TRUE;
    }

    /**
     * The type of the receiver {@code callee} is called on, as the file declares it (a parameter, a local built from
     * a literal, a struct field: {@code s.store.Get} reads {@code store}'s type), pointer and package dropped; null
     * for a package's function or a receiver whose type the file does not show.
     */
    private String receiverType(String callee) {
        String qualifier = callee.substring(0, callee.lastIndexOf('.'));
        if (qualifier.contains("(")) {
            return null;
        }
        String type = types.get(qualifier.substring(qualifier.lastIndexOf('.') + 1));
        if (type == null) {
            return null;
        }
        Matcher named = NAMED_TYPE.matcher(type);
        return named.find() ? named.group(1) : null;
    }

    /** Inside {@code if err != nil { ... }}: a second source tried after a failure (evcc's fall-back key). */
    private boolean inErrorBranch(SyntaxNode s) {
        for (SyntaxNode p = s.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || t.equals("func_literal")) {
                return false;
            }
            if (t.equals("if_statement")) {
                SyntaxNode c = p.getChildByFieldName("condition");
                if (c != null && !c.isNull() && ERR_CHECK.matcher(text(c)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern ERR_CHECK = Pattern.compile("\\berr\\w*\\s*!=\\s*nil");

    /** A name tested for its zero value: {@code v == nil}, {@code v != ""}, {@code v.IsValid()}, {@code len(v)}. */
    private static final Pattern ZERO_TEST = Pattern.compile(
            "(?<![\\w.])(\\w+)\\s*[!=]=\\s*(?:nil\\b|\"\"|0\\b)|(?<![\\w.])(\\w+)\\.(?:IsValid|IsZero|Valid)\\b"
                    + "|\\blen\\(\\s*(\\w+)\\s*\\)");
    /** A return of an error built in place, with the names it prints. */
    private static final Pattern ERROR_RETURN = Pattern.compile(
            "(?m)^\\s*return\\b[^\\n]*(?:Errorf|errors\\.New|Wrapf?|New\\w*Error)\\([^\\n]*$");
    private static final Pattern WORD = Pattern.compile("\\w+");

    /**
     * Every kept value tested for its zero below the statement in its block (a test of one of several, a page's next
     * cursor, says nothing of the others), or, in a branch of an {@code if}, read only
     * for the message of the error the branch returns (a failed response's body read to say why).
     */
    private boolean handled(SyntaxNode s, List<String> kept) {
        SyntaxNode block = s.getParent();
        if (block == null || block.isNull()) {
            return false;
        }
        String below = new String(src, s.getEndByte(), block.getEndByte() - s.getEndByte(),
                StandardCharsets.UTF_8);
        Set<String> tested = new HashSet<>();
        Matcher z = ZERO_TEST.matcher(below);
        while (z.find()) {
            for (int g = 1; g <= 3; g++) {
                if (z.group(g) != null) {
                    tested.add(z.group(g));
                }
            }
        }
        if (tested.containsAll(kept) || onlyLogged(below, kept)) {
            return true;
        }
        SyntaxNode owner = block.getParent();
        while (owner != null && !owner.isNull() && owner.getType().equals("block")) {
            owner = owner.getParent();
        }
        if (owner == null || owner.isNull() || !owner.getType().equals("if_statement")) {
            return false;
        }
        Matcher r = ERROR_RETURN.matcher(below);
        while (r.find()) {
            Matcher w = WORD.matcher(r.group());
            while (w.find()) {
                if (kept.contains(w.group())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A line that is a log call: a logger's method, the standard library's log or fmt prints. */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\s*(?:[\\w.]*(?i:log|logger|klog|glog|zap|logrus|slog)\\w*(?:\\(\\))?\\.\\w+"
                    + "|fmt\\.(?:Print\\w*|Fprint\\w*))\\(");

    /**
     * True when the kept values are read below only in log lines: a debug dump of a request whose failure would only
     * leave the line emptier (set 17, mediamtx's request logger), not a value the code goes on with.
     */
    private static boolean onlyLogged(String below, List<String> kept) {
        boolean seen = false;
        for (String line : below.split("\n")) {
            Matcher w = WORD.matcher(line);
            boolean mentions = false;
            while (w.find() && !mentions) {
                mentions = kept.contains(w.group()) && (w.start() == 0 || line.charAt(w.start() - 1) != '.');
            }
            if (mentions) {
                if (!LOG_LINE.matcher(line).find()) {
                    return false;
                }
                seen = true;
            }
        }
        return seen;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }
}
