package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The Java side of TMO-02 (on the tree-sitter tree): a method or constructor that is given the caller's deadline —
 * a parameter the models list under a {@code context-variants} entry's {@code given} ({@code Duration timeout},
 * {@code long timeout} with a {@code TimeUnit}, an {@code Instant deadline}, a gRPC {@code Deadline} or
 * {@code Context}) — and makes a call the entry lists as waiting without a bound ({@code future.get()},
 * {@code queue.take()}, {@code CompletableFuture.join()}, a blocking stub with no deadline) without handing that
 * deadline on. A call whose arguments name a deadline parameter passes it on; one whose method chain sets a bound
 * (the entry's {@code bounded}, e.g. {@code orTimeout}, {@code withDeadlineAfter}) is bounded.
 *
 * <p>Lambdas and anonymous classes run later or elsewhere (an executor, a callback), so the caller's deadline does
 * not govern them and they are left alone, except a lambda or method reference given to a synchronous operation of a
 * stream, collection or Optional ({@code futures.forEach(f -> f.join())}, {@code .map(CompletableFuture::join)}),
 * which runs inside the call.
 */
public final class DeadlineDrops {

    /** Operations that run the lambda they are given before they return. */
    private static final Set<String> SYNCHRONOUS = Set.of("forEach", "forEachOrdered", "map", "flatMap", "filter",
            "collect", "reduce", "anyMatch", "allMatch", "noneMatch", "mapToInt", "mapToLong", "mapToObj", "peek",
            "computeIfAbsent", "computeIfPresent", "compute", "merge", "ifPresent", "ifPresentOrElse", "orElseGet",
            "removeIf", "replaceAll", "sort", "toList");
    private static final Set<String> CALLABLES = Set.of("method_declaration", "constructor_declaration");

    private final byte[] src;
    private final List<ContextModel> models;
    private final SyntaxNode root;
    /** Declared types by name, collected only once a method given a deadline is found (most files have none). */
    private Map<String, String> types;

    private DeadlineDrops(byte[] src, List<ContextModel> models, SyntaxNode root) {
        this.src = src;
        this.models = models;
        this.root = root;
    }

    /** Every unbounded wait, in methods given a deadline, of the given Java context-variants entries. */
    public static List<ContextDrops.Spot> run(SyntaxNode root, byte[] src, List<ContextModel> models) {
        List<ContextDrops.Spot> out = new ArrayList<>();
        if (!models.isEmpty()) {
            new DeadlineDrops(src, models, root).walk(root, out);
        }
        return out;
    }

    private String text(SyntaxNode n) {
        return n == null || n.isNull() ? "" : SyntaxNode.text(src, n);
    }

    private void walk(SyntaxNode n, List<ContextDrops.Spot> out) {
        if (CALLABLES.contains(n.getType())) {
            SyntaxNode body = n.getChildByFieldName("body");
            if (body != null && !body.isNull()) {
                for (ContextModel m : models) {
                    List<String> given = given(n.getChildByFieldName("parameters"), m);
                    if (!given.isEmpty()) {
                        if (types == null) {
                            types = new HashMap<>();
                            declared(root, src, types);
                        }
                        check(body, m, given, text(body), out);
                    }
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            walk(n.getNamedChild(i), out);
        }
    }

    /** The names of the parameters that carry a deadline by the entry's {@code given}. */
    private List<String> given(SyntaxNode params, ContextModel m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; params != null && !params.isNull() && i < params.getNamedChildCount(); i++) {
            SyntaxNode p = params.getNamedChild(i);
            String type = bare(text(p.getChildByFieldName("type")));
            String name = text(p.getChildByFieldName("name"));
            for (ContextModel.Given g : m.given()) {
                if (!name.isEmpty() && g.type().matcher(type).find()
                        && (g.name() == null || g.name().matcher(name).find())) {
                    out.add(name);
                    break;
                }
            }
        }
        return out;
    }

    /** Calls under {@code n} that run within the method, checked against the entry. */
    private void check(SyntaxNode n, ContextModel m, List<String> given, String body, List<ContextDrops.Spot> out) {
        String t = n.getType();
        if (t.equals("class_body") || (t.equals("lambda_expression") || t.equals("method_reference"))
                && !synchronous(n)) {
            return;
        }
        if (t.equals("method_invocation")) {
            SyntaxNode object = n.getChildByFieldName("object");
            String name = text(n.getChildByFieldName("name"));
            String callee = (object.isNull() ? "" : text(object) + ".") + name;
            // a receiver that is itself a call is known by that call's name: allOf(...).join() is allOf().join
            String receiver = object.getType().equals("method_invocation")
                    ? text(object.getChildByFieldName("name")) + "()" : text(object);
            match(n, callee, receiver.isEmpty() ? name : receiver + "." + name,
                    text(n.getChildByFieldName("arguments")), text(object), m, given, body, types, out);
        } else if (t.equals("method_reference") && n.getNamedChildCount() == 2) {
            // Type::method runs method() on each element: the qualifier is the receiver's type
            String qualifier = text(n.getNamedChild(0));
            String name = text(n.getNamedChild(1));
            Map<String, String> own = new HashMap<>(types);
            own.putIfAbsent(qualifier, qualifier);
            match(n, qualifier + "." + name, qualifier + "." + name, "()", qualifier, m, given, body, own, out);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            check(n.getNamedChild(i), m, given, body, out);
        }
    }

    private void match(SyntaxNode call, String callee, String named, String args, String receiver, ContextModel m,
                       List<String> given, String body, Map<String, String> known, List<ContextDrops.Spot> out) {
        for (String g : given) {
            if (Pattern.compile("(?<![\\w.$])" + Pattern.quote(g) + "(?![\\w$])").matcher(args).find()) {
                return; // the deadline is handed on
            }
        }
        for (ContextModel.Call c : m.calls()) {
            if (!c.call().matcher(callee).find() || c.args() != null && !c.args().matcher(args).find()) {
                continue;
            }
            Boolean sure = Discards.receiverMatches(c.receiverType(), c.receiver(), named, known);
            if (sure == null || c.bounded() != null && bounded(call, receiver, body, c.bounded())
                    || watched(receiver, body) || settled(name(callee), receiver, body)) {
                continue;
            }
            String name = callee.substring(callee.lastIndexOf('.') + 1);
            String ctx = String.join(", ", given);
            int line = call.getStartPoint().getRow() + 1;
            out.add(new ContextDrops.Spot(line, call.getStartPoint().getColumn() + 1, m.id(), sure, List.of(
                    new Lifecycle.Step(line, "`" + callee + "` waits without a bound although the caller gave `"
                            + ctx + "`: use " + c.use().replace("{name}", name).replace("{ctx}", ctx)))));
            return;
        }
    }

    /** The chain the call is part of, or a statement that assigns its receiver, sets a bound. */
    private boolean bounded(SyntaxNode call, String receiver, String body, Pattern bound) {
        SyntaxNode top = call;
        while (top.getParent().getType().equals("method_invocation")) {
            SyntaxNode object = top.getParent().getChildByFieldName("object");
            if (object.isNull() || object.getStartByte() != top.getStartByte()
                    || object.getEndByte() != top.getEndByte()) {
                break;
            }
            top = top.getParent();
        }
        if (bound.matcher(text(top)).find()) {
            return true;
        }
        // kept in a variable that gets its bound where it is used: stub.withDeadlineAfter(...).call(req)
        SyntaxNode holder = top.getParent();
        String kept = holder.getType().equals("variable_declarator") ? text(holder.getChildByFieldName("name"))
                : holder.getType().equals("assignment_expression") ? text(holder.getChildByFieldName("left")) : "";
        if (kept.matches("[\\w$]+") && Pattern.compile("(?<![\\w.$])" + Pattern.quote(kept) + "\\s*"
                + bound.pattern()).matcher(body).find()) {
            return true;
        }
        if (receiver.isEmpty() || !receiver.matches("[\\w$]+")) {
            return false;
        }
        Pattern assigns = Pattern.compile("(?<![\\w.$])" + Pattern.quote(receiver) + "\\s*=(?!=)");
        for (String statement : body.split(";")) {
            if (assigns.matcher(statement).find() && bound.matcher(statement).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the method schedules a watchdog that cancels {@code receiver} ({@code timer.schedule(() ->
     * f.cancel(true), deadlineMs, MILLISECONDS)}): a cancelled future's wait returns at once, so the watchdog's delay
     * bounds it. Whether the watchdog itself is cancelled afterwards is TMO-03's question, not this one's.
     */
    private static boolean watched(String receiver, String body) {
        return receiver.matches("[\\w$]+") && Pattern.compile("\\b(?:schedule|newTimeout)\\s*\\([^;]*?(?<![\\w.$])"
                + Pattern.quote(receiver) + "\\s*\\.\\s*cancel\\s*\\(").matcher(body).find();
    }

    private static String name(String callee) {
        return callee.substring(callee.lastIndexOf('.') + 1);
    }

    /** Cheap words without which no future of the method can be known to be complete. */
    private static final Pattern SETTLING = Pattern.compile("\\.\\s*(?:poll|take|isDone|invokeAll|allOf|"
            + "isCompletedExceptionally|state|resultNow)\\s*\\(");

    /**
     * True when {@code receiver}'s {@code get()} or {@code join()} cannot block because the future is complete by the
     * time it is read: it came from a completion service's {@code poll(...)} or {@code take()} (which hand out only
     * finished tasks; a {@code poll} with a bound is the wait the deadline governs), the method asks it
     * {@code isDone()} (or its state) before reading it, it is an element of what {@code invokeAll} returned (every
     * task has finished or was cancelled when it returns), or the method joins {@code allOf(...)} of the futures first.
     * TMO-02 is about a wait that can outlive the caller; a read of a settled future waits for nothing.
     */
    private static boolean settled(String method, String receiver, String body) {
        if (!(method.equals("get") || method.equals("join")) || !receiver.matches("[\\w$]+")
                || !SETTLING.matcher(body).find()) {
            return false;
        }
        String r = Pattern.quote(receiver);
        return Pattern.compile("(?<![\\w.$])" + r + "\\s*=\\s*[\\w$.]+\\s*\\.\\s*(?:poll|take)\\s*\\("
                        + "|(?<![\\w.$])" + r + "\\s*\\.\\s*(?:isDone|isCompletedExceptionally|state|resultNow)\\s*\\("
                        + "|\\bfor\\s*\\([^:;()]*(?<![\\w$])" + r + "\\s*:\\s*[\\w$.]*\\.\\s*invokeAll\\s*\\(")
                .matcher(body).find()
                || forEachOverInvokeAll(r, body)
                || Pattern.compile("\\ballOf\\s*\\([^;]*\\)\\s*(?:\\.\\s*(?:orTimeout|completeOnTimeout)\\s*\\([^;]*\\)\\s*)?"
                        + "\\.\\s*(?:join|get)\\s*\\(").matcher(body).find();
    }

    /** {@code for (Future<T> f : done)} over a list that {@code done = pool.invokeAll(...)} filled. */
    private static boolean forEachOverInvokeAll(String quoted, String body) {
        Matcher m = Pattern.compile("\\bfor\\s*\\([^:;()]*(?<![\\w$])" + quoted + "\\s*:\\s*([\\w$]+)\\s*\\)")
                .matcher(body);
        while (m.find()) {
            if (Pattern.compile("(?<![\\w.$])" + Pattern.quote(m.group(1))
                    + "\\s*=\\s*[\\w$.]+\\s*\\.\\s*invokeAll\\s*\\(").matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    /** A lambda or method reference given to an operation that runs it before returning. */
    private boolean synchronous(SyntaxNode fn) {
        SyntaxNode args = fn.getParent();
        if (!args.getType().equals("argument_list") || !args.getParent().getType().equals("method_invocation")) {
            return false;
        }
        return SYNCHRONOUS.contains(text(args.getParent().getChildByFieldName("name")));
    }

    /** {@code final Future<String>} → {@code Future}; {@code java.time.Duration} stays qualified. */
    private static String bare(String type) {
        int lt = type.indexOf('<');
        return (lt < 0 ? type : type.substring(0, lt)).strip();
    }

    /** Declared types of parameters, locals and fields by name (names are not scoped: the last one wins). */
    private static void declared(SyntaxNode n, byte[] src, Map<String, String> out) {
        String t = n.getType();
        if (t.equals("formal_parameter") || t.equals("spread_parameter")) {
            SyntaxNode name = n.getChildByFieldName("name");
            if (name != null && !name.isNull()) {
                out.put(SyntaxNode.text(src, name), bare(SyntaxNode.text(src, n.getChildByFieldName("type"))));
            }
        } else if (t.equals("local_variable_declaration") || t.equals("field_declaration")) {
            String type = bare(SyntaxNode.text(src, n.getChildByFieldName("type")));
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                SyntaxNode d = n.getNamedChild(i);
                if (d.getType().equals("variable_declarator") && !type.equals("var")) {
                    out.put(SyntaxNode.text(src, d.getChildByFieldName("name")), type);
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            declared(n.getNamedChild(i), src, out);
        }
    }
}
