package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;

/**
 * (session 48, logg48) Does a Go function run once per event (a request, a message, an informer's object event, a
 * packet, a block, a tick), read from what the diff's file shows rather than from a loop in sight? The real fixes of
 * LOG-01 lower exactly the lines at the top of such functions (README "logg48 (session 48)": controller Reconcile
 * lines per resync, an HTTP handler's line per poll of a sidecar, a watch's line per event), and the loop that repeats
 * them is the framework's or a caller's, out of the hunk. Three kinds of evidence, each structural, none a name alone:
 * <ul>
 *   <li>{@link Evidence#SIGNATURE}: the function's head ({@code Name(params) results}) matches a {@code per-event:}
 *   entry of the models ({@code content/rules/models/go-per-event-48.yaml}: ServeHTTP, controller-runtime's
 *   Reconcile, an informer's OnAdd/OnUpdate/OnDelete, a gRPC interceptor, a RoundTripper, a consumer's
 *   HandleMessage, a DNS ServeDNS);</li>
 *   <li>{@link Evidence#REGISTERED}: the file hands the function to a registration call as a handler or callback
 *   ({@code mux.HandleFunc(path, h.serve)}, {@code nc.Subscribe(subject, s.onMsg)}, {@code router.GET(path, h)},
 *   {@code cache.ResourceEventHandlerFuncs{AddFunc: c.onAdd}}), or a function literal is that argument;</li>
 *   <li>{@link Evidence#LOOP_CALLED}: a function of the file calls it (or calls a function that calls it) inside a
 *   loop that runs until stopped: {@code for {}}, a loop around a {@code select}, a {@code range} over a channel or a
 *   ticker's {@code C}: the program's own event loop, one or two calls away.</li>
 * </ul>
 * Not evidence: registration for a rare event by its name ({@code On("connect", h)}: once per connection) and loops
 * over collections (a batch the caller has in hand: the loop rules read those).
 */
public final class GoPerEvent {

    /** Why the function runs per event. */
    public enum Evidence { SIGNATURE, REGISTERED, LOOP_CALLED }

    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");
    /** A call that registers its function argument as a handler or callback of traffic. */
    private static final Pattern REGISTER = Pattern.compile(
            "^(?:HandleFunc|Handle|HandlerFunc|Subscribe|QueueSubscribe|ChanSubscribe|SubscribeAsync|OnMessage"
                    + "|OnEvent|OnPacket|OnRequest|OnResponse|On|AddHandler|AddEventHandler|AddHandlerFunc"
                    + "|AddConcurrentHandlers|GET|POST|PUT|PATCH|DELETE|HEAD|Any|Match|RegisterHandler)$");
    /** The informer handler funcs' keys, and any struct field named as a per-message or per-event callback. */
    private static final Pattern REGISTER_KEY = Pattern.compile(
            "^(?:AddFunc|UpdateFunc|DeleteFunc|OnMessage|OnEvent|OnPacket|Handler|HandlerFunc|MessageHandler"
                    + "|EventHandler)$");
    /** A registration's first argument naming an event that comes once per connection, session or lifecycle. */
    private static final Pattern RARE_EVENT = Pattern.compile(
            "(?i)^\"[^\"]*(?:connect|disconnect|open|close|error|ready|start|stop|join|leave|login|logout|shutdown"
                    + "|init|reload|health|ping|pong)[^\"]*\"$");
    /** A range over a channel or a ticker by its expression: {@code range ch}, {@code range t.C}, {@code <-chan}. */
    private static final Pattern CHANNEL_RANGE = Pattern.compile(
            "(?:^|[.\\s])(?:\\w*(?:[cC]h|[cC]han|Chan|Channel|Queue|Incoming|Inbox)|C|[eE]vents|[mM]sgs|[mM]essages"
                    + "|[uU]pdates|[pP]ackets|[rR]esults)(?:\\(\\))?$|ResultChan\\(\\)$");
    /**
     * A ticker's or timer's channel: a loop or a select case paced by one runs per interval, and a line per interval
     * is the summary LOG-01 asks for, not the flood.
     */
    private static final Pattern PACED = Pattern.compile("\\.C\\b|\\btime\\.(?:Tick|After)\\(|(?i)ticker|timer");
    /**
     * A callee whose name says it runs once per connection, start, failure or interval, or writes a summary: its line
     * is not one per event (a reconnect in an event loop's error path, a stats report).
     */
    private static final Pattern RARE_NAME = Pattern.compile(
            "(?i)connect|dial|login|auth|init|setup|start|stop|close|shutdown|reload|config|health|retry|backoff"
                    + "|flush|report|summar|stats|metric|log|print|dump|debug|trace|fail|err|panic|recover");

    /** An if's condition that tests a failure: {@code err != nil}, {@code if err := f(); err != nil}. */
    private static final Pattern ERROR_TEST = Pattern.compile("\\b\\w*[eE]rr\\w*\\s*!=\\s*nil");

    private final SyntaxNode root;
    private final byte[] src;
    private final List<Pattern> heads;
    private Set<String> registered;
    private Set<String> loopCalled;

    private GoPerEvent(SyntaxNode root, byte[] src, List<Pattern> heads) {
        this.root = root;
        this.src = src;
        this.heads = heads;
    }

    /** A reader of one Go file; the file's registrations and event loops are read once, when first asked. */
    public static GoPerEvent of(SyntaxNode root, byte[] src, List<Pattern> heads) {
        return new GoPerEvent(root, src, heads);
    }

    /** Why the function around {@code n} runs once per event, or null when the file does not show it does. */
    public Evidence of(SyntaxNode n) {
        SyntaxNode fn = TreeSitter.enclosing(n, FUNCTIONS);
        if (fn == null) {
            return null;
        }
        if (matchesHead(fn)) {
            return Evidence.SIGNATURE;
        }
        if (fn.getType().equals("func_literal")) {
            return registeredLiteral(fn) ? Evidence.REGISTERED : null;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return null;
        }
        String own = text(src, name);
        if (RARE_NAME.matcher(own).find()) {
            return null;
        }
        if (!registered().contains(own) && !loopCalled().contains(own) || filteredBefore(n, fn)) {
            return null;
        }
        return registered().contains(own) ? Evidence.REGISTERED : Evidence.LOOP_CALLED;
    }

    /**
     * A statement of the function before the one holding {@code n} can leave it on a test that is not a failure's
     * ({@code if !ok { return }}, {@code if !l.On { return }} in a loop): the line runs only for the calls that pass
     * every such filter, which for a callee of the file's own loop or a registered callback is often the rare case
     * the line reports (round 37's clean keeper: "restored scene after power cut", after three such tests). An error
     * check's early return does not filter the traffic.
     */
    private boolean filteredBefore(SyntaxNode n, SyntaxNode fn) {
        SyntaxNode body = fn.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        SyntaxNode list = body.getNamedChildCount() == 1 && body.getNamedChild(0).getType().equals("statement_list")
                ? body.getNamedChild(0) : body;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode st = list.getNamedChild(i);
            if (st.getEndByte() >= n.getStartByte()) {
                return false;
            }
            String t = text(src, st);
            SyntaxNode cond = st.getType().equals("if_statement") ? st.getChildByFieldName("condition") : null;
            if (t.contains("return") && !(cond != null && !cond.isNull() && ERROR_TEST.matcher(text(src, cond)).find())) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesHead(SyntaxNode fn) {
        if (heads.isEmpty()) {
            return false;
        }
        SyntaxNode params = fn.getChildByFieldName("parameters");
        SyntaxNode body = fn.getChildByFieldName("body");
        if (params == null || params.isNull()) {
            return false;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        int end = body == null || body.isNull() ? fn.getEndByte() : body.getStartByte();
        String head = (name == null || name.isNull() ? "" : text(src, name))
                + new String(src, params.getStartByte(), end - params.getStartByte(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        for (Pattern p : heads) {
            if (p.matcher(head).find()) {
                return true;
            }
        }
        return false;
    }

    /** A function literal handed to a registration call, or set as a handler field of a literal. */
    private boolean registeredLiteral(SyntaxNode fn) {
        SyntaxNode p = fn.getParent();
        if (p == null || p.isNull()) {
            return false;
        }
        if (p.getType().equals("argument_list")) {
            return registration(p.getParent()) && !rareEvent(p);
        }
        return handlerKey(p);
    }

    /** The names a registration of the file hands over: {@code h}, {@code s.h}, {@code http.HandlerFunc(h)}. */
    private Set<String> registered() {
        if (registered != null) {
            return registered;
        }
        registered = new HashSet<>();
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(root, "call_expression", calls);
        for (SyntaxNode c : calls) {
            SyntaxNode args = c.getChildByFieldName("arguments");
            if (!registration(c) || args == null || args.isNull() || rareEvent(args)) {
                continue;
            }
            for (int i = 0; i < args.getNamedChildCount(); i++) {
                addName(args.getNamedChild(i), registered);
            }
        }
        List<SyntaxNode> keyed = new ArrayList<>();
        Shapes.walk(root, "keyed_element", keyed);
        for (SyntaxNode k : keyed) {
            if (k.getNamedChildCount() == 2 && REGISTER_KEY.matcher(text(src, k.getNamedChild(0)).strip()).matches()) {
                addName(k.getNamedChild(1), registered);
            }
        }
        return registered;
    }

    private boolean registration(SyntaxNode call) {
        if (call == null || call.isNull() || !call.getType().equals("call_expression")) {
            return false;
        }
        SyntaxNode f = call.getChildByFieldName("function");
        if (f == null || f.isNull()) {
            return false;
        }
        SyntaxNode last = f.getType().equals("selector_expression") ? f.getChildByFieldName("field") : f;
        return last != null && !last.isNull() && REGISTER.matcher(text(src, last)).matches();
    }

    private boolean rareEvent(SyntaxNode args) {
        return args.getNamedChildCount() > 0 && RARE_EVENT.matcher(text(src, args.getNamedChild(0))).matches();
    }

    /** The literal sits as the value of a handler key ({@code AddFunc: func(obj interface{}) {...}}). */
    private boolean handlerKey(SyntaxNode p) {
        for (int up = 0; up < 2 && p != null && !p.isNull(); up++, p = p.getParent()) {
            if (p.getType().equals("keyed_element")) {
                return p.getNamedChildCount() == 2
                        && REGISTER_KEY.matcher(text(src, p.getNamedChild(0)).strip()).matches();
            }
        }
        return false;
    }

    /** The last name of a function value: {@code h}, {@code s.h}, unwrapped from a conversion {@code T(h)}. */
    private void addName(SyntaxNode a, Set<String> out) {
        SyntaxNode v = a;
        if (v.getType().equals("literal_element") && v.getNamedChildCount() == 1) {
            v = v.getNamedChild(0);
        }
        if (v.getType().equals("call_expression")) {
            SyntaxNode inner = v.getChildByFieldName("arguments");
            if (inner == null || inner.isNull() || inner.getNamedChildCount() != 1) {
                return;
            }
            v = inner.getNamedChild(0);
        }
        if (v.getType().equals("identifier")) {
            out.add(text(src, v));
        } else if (v.getType().equals("selector_expression")) {
            SyntaxNode field = v.getChildByFieldName("field");
            if (field != null && !field.isNull()) {
                out.add(text(src, field));
            }
        }
    }

    /**
     * The file's functions called inside one of its event loops, and the functions those call: two levels of the
     * file's own call graph, keyed by name (methods of different receivers with one name are taken together).
     */
    private Set<String> loopCalled() {
        if (loopCalled != null) {
            return loopCalled;
        }
        Map<String, SyntaxNode> declared = new HashMap<>();
        for (String type : List.of("function_declaration", "method_declaration")) {
            List<SyntaxNode> fns = new ArrayList<>();
            Shapes.walk(root, type, fns);
            for (SyntaxNode f : fns) {
                SyntaxNode name = f.getChildByFieldName("name");
                if (name != null && !name.isNull()) {
                    declared.put(text(src, name), f);
                }
            }
        }
        loopCalled = new HashSet<>();
        List<SyntaxNode> loops = new ArrayList<>();
        Shapes.walk(root, "for_statement", loops);
        Set<String> first = new HashSet<>();
        for (SyntaxNode loop : loops) {
            if (eventLoop(loop)) {
                callees(loop.getChildByFieldName("body"), declared, first);
            }
        }
        loopCalled.addAll(first);
        for (String f : first) {
            callees(declared.get(f).getChildByFieldName("body"), declared, loopCalled);
        }
        return loopCalled;
    }

    /** A loop that runs until stopped: {@code for {}}, one whose body selects, a range over a channel or ticker. */
    private boolean eventLoop(SyntaxNode loop) {
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        SyntaxNode head = null;
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            SyntaxNode c = loop.getNamedChild(i);
            if (c.getStartByte() != body.getStartByte()) {
                head = c;
            }
        }
        if (head == null) {
            return true; // for {}
        }
        if (head.getType().equals("range_clause")) {
            SyntaxNode right = head.getChildByFieldName("right");
            String over = right == null || right.isNull() ? "" : text(src, right).strip();
            return CHANNEL_RANGE.matcher(over).find() && !PACED.matcher(over).find();
        }
        for (int i = 0; i < body.getNamedChildCount(); i++) {
            SyntaxNode st = body.getNamedChild(i);
            if (st.getType().equals("select_statement") || st.getType().equals("statement_list")
                    && selects(st)) {
                return !head.getType().equals("for_clause");
            }
        }
        return false;
    }

    private static boolean selects(SyntaxNode list) {
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            if (list.getNamedChild(i).getType().equals("select_statement")) {
                return true;
            }
        }
        return false;
    }

    /** The call sits in a select case that receives from a ticker or a timer (once per interval). */
    private boolean pacedCase(SyntaxNode c, SyntaxNode body) {
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull() && p.getStartByte() >= body.getStartByte();
             p = p.getParent()) {
            if (p.getType().equals("communication_case") && p.getNamedChildCount() > 0) {
                return PACED.matcher(text(src, p.getNamedChild(0))).find();
            }
        }
        return false;
    }

    /** Names of the file's declared functions called anywhere in {@code body}. */
    private void callees(SyntaxNode body, Map<String, SyntaxNode> declared, Set<String> out) {
        if (body == null || body.isNull()) {
            return;
        }
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walk(body, "call_expression", calls);
        for (SyntaxNode c : calls) {
            SyntaxNode f = c.getChildByFieldName("function");
            if (f == null || f.isNull()) {
                continue;
            }
            SyntaxNode last = f.getType().equals("selector_expression") ? f.getChildByFieldName("field") : f;
            if (last != null && !last.isNull() && last.getType().matches("identifier|field_identifier")
                    && !pacedCase(c, body)) {
                String n = text(src, last);
                if (declared.containsKey(n)) {
                    out.add(n);
                }
            }
        }
    }
}
