package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/**
 * Periodic tasks that do not catch Exception, RuntimeException or Throwable, so one failure stops every later run:
 * tasks given to {@code scheduleAtFixedRate}/{@code scheduleWithFixedDelay} (a lambda, an anonymous class, a method
 * reference, a lambda that only calls a method, or an instance of a named task class), and instances of a named
 * {@code TimerTask} class given to a {@code Timer}'s {@code schedule} (one exception kills the Timer's thread). A
 * named class is judged by its {@code run()} (or {@code call()}): a catch-all in its body, or a body that only calls
 * a visible method with one. Code the review cannot see is reported at low confidence.
 */
final class ScheduledTasks {

    private static final Pattern PERIODIC = Pattern.compile("^schedule(AtFixedRate|WithFixedDelay)$");
    private static final Pattern ONLY_CALL = Pattern.compile(
            "^\\{\\s*(?:this\\.)?(\\w+)\\s*\\([^;]*\\)\\s*;\\s*}$");
    private static final Pattern TIMER = Pattern.compile("(?i)timer$");
    private static final String HIDDEN = "the method the task calls is not visible to the review";

    private ScheduledTasks() {
    }

    static List<Spot> withoutCatch(SyntaxNode root, byte[] src, Summaries summaries) {
        List<SyntaxNode> calls = new ArrayList<>();
        Shapes.walkAll(root, "method_invocation", calls);
        List<Spot> out = new ArrayList<>();
        for (SyntaxNode c : calls) {
            SyntaxNode name = c.getChildByFieldName("name");
            SyntaxNode args = c.getChildByFieldName("arguments");
            if (name == null || name.isNull() || args == null || args.isNull() || args.getNamedChildCount() == 0) {
                continue;
            }
            String method = text(src, name);
            boolean periodic = PERIODIC.matcher(method).matches();
            if (!periodic && !method.equals("schedule")) {
                continue;
            }
            SyntaxNode task = args.getNamedChild(0);
            String t = text(src, task);
            Spot spot = null;
            switch (task.getType()) {
                case "method_reference" -> spot = periodic ? referenced(c, t, summaries)
                        : OneShotSchedules.selfRescheduled(c, task, src);
                case "lambda_expression" -> spot = periodic ? inline(c, task, src, summaries)
                        : OneShotSchedules.selfRescheduled(c, task, src);
                case "object_creation_expression" -> {
                    SyntaxNode body = task.getChildByFieldName("type") == null ? null : classBody(task);
                    if (body != null) {
                        spot = periodic ? inline(c, task, src, summaries) : null; // anonymous TimerTask: its own rule
                    } else {
                        spot = named(c, task, src, summaries, periodic, root);
                    }
                }
                case "identifier" -> spot = periodic ? held(c, task, src, summaries, root)
                        : OneShotSchedules.heldTimerTask(c, task, src, summaries, root);
                default -> {
                }
            }
            if (spot != null) {
                out.add(spot);
            }
        }
        return out;
    }

    /** {@code this::refresh}: the referenced method, when the review sees it, must catch everything. */
    private static Spot referenced(SyntaxNode call, String reference, Summaries summaries) {
        String target = reference.substring(reference.lastIndexOf("::") + 2).strip();
        String on = reference.substring(0, reference.lastIndexOf("::")).strip();
        if (!on.equals("this") && !on.equals("super") && on.matches("[\\w$.]+")) {
            target = on + "." + target; // Type::m or field::m: resolved through that type, not this class
        }
        if (!summaries.knows(target) || CutReferences.bodyCut(target, summaries)) {
            // a cut body keeps its old reading (no catch in sight) unless its name says it guards itself
            return CutReferences.namedGuarded(target) ? null
                    : summaries.knows(target) ? at(call, true, null) : at(call, false, HIDDEN);
        }
        return summaries.catchesAll(target, -1) || guardCut(target, summaries)
                || DelegatedGuards.guarded(target, summaries) ? null : at(call, true, null);
    }

    static SyntaxNode classBody(SyntaxNode creation) {
        for (int i = 0; i < creation.getNamedChildCount(); i++) {
            if (creation.getNamedChild(i).getType().equals("class_body")) {
                return creation.getNamedChild(i);
            }
        }
        return null;
    }

    /** A lambda or anonymous class: a catch-all in it, or it only calls a visible method that has one. */
    static Spot inline(SyntaxNode call, SyntaxNode task, byte[] src, Summaries summaries) {
        String t = text(src, task);
        if (CatchAlls.swallows(t)) {
            return null;
        }
        String only = onlyCall(task, src);
        if (only == null && task.getType().equals("object_creation_expression")) {
            only = TaskGuards.onlyCall(t); // an anonymous Runnable whose run() only calls a method
        }
        if (only == null) {
            return at(call, true, null);
        }
        if (!summaries.knows(only)) {
            // a method out of sight whose name says it guards its own work (`() -> runGuarded(job)`, the guard
            // declared in the class outside the hunk): read as the method reference to it is (CutReferences)
            return CutReferences.namedGuarded(only) ? null : at(call, collaborator(only), collaborator(only) ? null : HIDDEN);
        }
        return summaries.catchesAll(only, -1) || guardCut(only, summaries)
                || DelegatedGuards.guarded(only, summaries) ? null : at(call, true, null);
    }

    /**
     * {@code store.save}: the lambda's only call is a method of another object held in a field or a local, not a method
     * of this class. Whatever that method does, it is the collaborator's work (a save, a send, a refresh), not a guard
     * written for this task: the guard a periodic task needs would be in the lambda or in a helper of this class, and
     * neither is there, so the finding is sure even though the method is out of sight (session 27, round 23's java-26:
     * `() -> store.save(Map.copyOf(pollution))`). A receiver named like a guard (`guard.run(job)`, `safely.call(...)`)
     * or a type (a static helper) stays at low confidence.
     */
    private static boolean collaborator(String only) {
        int dot = only.indexOf('.');
        if (dot <= 0 || only.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        String on = only.substring(0, dot);
        return Character.isLowerCase(on.charAt(0)) && !on.equals("super")
                && !GUARD_NAMED.matcher(on).find() && !GUARD_NAMED.matcher(only.substring(dot + 1)).find();
    }

    private static final Pattern GUARD_NAMED =
            Pattern.compile("(?i)guard|safe|quiet|catch|protect|resilien|retr(?:y|ie)|supervis|wrap|decorat|executor|runner|scheduler");

    /**
     * {@code new Poller(...)}: the class's run() or call(). Given to {@code schedule}, only on a receiver named like a
     * timer or with a class declared in this file as extending TimerTask (an executor's one-shot schedule keeps the
     * exception in its future).
     */
    static Spot named(SyntaxNode call, SyntaxNode task, byte[] src, Summaries summaries, boolean periodic,
                      SyntaxNode root) {
        SyntaxNode typeNode = task.getChildByFieldName("type");
        if (typeNode == null || typeNode.isNull()) {
            return null;
        }
        return named(call, task, src, summaries, periodic, root, text(src, typeNode).replaceAll("<.*", "").strip());
    }

    private static Spot named(SyntaxNode call, SyntaxNode task, byte[] src, Summaries summaries, boolean periodic,
                              SyntaxNode root, String type) {
        SyntaxNode receiver = call.getChildByFieldName("object");
        boolean timer = receiver != null && !receiver.isNull() && TIMER.matcher(text(src, receiver)).find();
        if (!periodic && !timer && !extendsTimerTask(root, src, type)) {
            return null;
        }
        List<Summaries.Function> run = new ArrayList<>(summaries.members(type, "run"));
        run.addAll(summaries.members(type, "call"));
        run.removeIf(f -> !f.params().isEmpty());
        if (run.isEmpty()) {
            return periodic ? at(call, false, "the task's class " + type + " is not visible to the review") : null;
        }
        for (Summaries.Function f : run) {
            if (CatchAlls.swallows(f.body())) {
                continue;
            }
            var only = ONLY_CALL.matcher(f.body().strip());
            if (only.find() && summaries.knows(only.group(1))
                    && (summaries.catchesAll(only.group(1), -1) || guardCut(only.group(1), summaries))) {
                continue;
            }
            return at(call, true, null);
        }
        return null;
    }

    /**
     * A task held in a local or a field of this file ({@code PushTask task = new PushTask(...);
     * executor.scheduleWithFixedDelay(task, ...)}): judged like {@code new PushTask(...)} when it is initialised by a
     * constructor of a named class, like the task itself when it is initialised by a lambda, an anonymous class or a
     * method reference (code often names its task before scheduling it), or by the class it is declared with when the
     * review sees that class's {@code run()}. A local or field of an interface type given no such value is left alone;
     * a {@code Runnable} parameter is judged by {@link #parameterTask}.
     */
    private static Spot held(SyntaxNode call, SyntaxNode task, byte[] src, Summaries summaries, SyntaxNode root) {
        String name = text(src, task);
        SyntaxNode declarator = declarator(Timeouts.function(call), name, src, call.getStartByte());
        if (declarator == null) {
            declarator = field(root, name, src);
        }
        if (declarator == null) {
            return parameterTask(call, name, src);
        }
        SyntaxNode value = declarator.getChildByFieldName("value");
        String kind = value == null || value.isNull() ? "" : value.getType();
        if (kind.equals("object_creation_expression")) {
            return classBody(value) == null ? named(call, value, src, summaries, true, root)
                    : inline(call, value, src, summaries);
        }
        if (kind.equals("lambda_expression")) {
            return inline(call, value, src, summaries);
        }
        if (kind.equals("method_reference")) {
            return referenced(call, text(src, value), summaries);
        }
        SyntaxNode type = declarator.getParent().getChildByFieldName("type");
        String declared = type == null || type.isNull() ? "" : text(src, type).replaceAll("<.*", "").strip();
        boolean seen = !summaries.members(declared, "run").isEmpty() || !summaries.members(declared, "call").isEmpty();
        return seen ? named(call, value, src, summaries, true, root, declared) : null;
    }

    private static final Pattern TASK_TYPE = Pattern.compile("^(?:final\\s+)?(?:java\\.lang\\.)?(?:Runnable|Callable)\\b");
    private static final Pattern FORWARDER = Pattern.compile("^schedule\\w*$");

    /**
     * A {@code Runnable} or {@code Callable} parameter scheduled as it is: the task is the caller's code, which the
     * review does not see, and the scheduling method is the one place a guard around every caller's task can go (a
     * periodic run that throws is cancelled for good, whoever wrote it). Reported at low confidence. A method that
     * only forwards a schedule (an executor decorator's {@code scheduleAtFixedRate(Runnable command, ...)}, an
     * {@code @Override}) is left alone: its own caller is the one scheduling.
     */
    private static Spot parameterTask(SyntaxNode call, String name, byte[] src) {
        SyntaxNode function = Timeouts.function(call);
        if (function == null || function.isNull() || !function.getType().equals("method_declaration")) {
            return null;
        }
        SyntaxNode method = function.getChildByFieldName("name");
        if (method == null || method.isNull() || FORWARDER.matcher(text(src, method)).matches()) {
            return null;
        }
        SyntaxNode params = function.getChildByFieldName("parameters");
        for (int i = 0; params != null && !params.isNull() && i < params.getNamedChildCount(); i++) {
            SyntaxNode p = params.getNamedChild(i);
            SyntaxNode n = p.getChildByFieldName("name");
            SyntaxNode type = p.getChildByFieldName("type");
            if (n != null && !n.isNull() && text(src, n).equals(name) && type != null && !type.isNull()
                    && TASK_TYPE.matcher(text(src, type)).find()) {
                return overrides(function, src) ? null : at(call, false, "the task is the parameter `" + name
                        + "`: its code is the caller's, which the review does not see; a guard here covers every caller");
            }
        }
        return null;
    }

    private static boolean overrides(SyntaxNode function, byte[] src) {
        for (int i = 0; i < function.getNamedChildCount(); i++) {
            if (function.getNamedChild(i).getType().equals("modifiers")) {
                return text(src, function.getNamedChild(i)).contains("@Override");
            }
        }
        return false;
    }

    /** The declarator of local {@code name} in {@code function} before {@code before}, or null. */
    static SyntaxNode declarator(SyntaxNode function, String name, byte[] src, int before) {
        List<SyntaxNode> locals = new ArrayList<>();
        Shapes.walkAll(function, "variable_declarator", locals);
        SyntaxNode out = null;
        for (SyntaxNode d : locals) {
            SyntaxNode n = d.getChildByFieldName("name");
            if (d.getStartByte() < before && n != null && !n.isNull() && text(src, n).equals(name)
                    && d.getParent().getType().equals("local_variable_declaration")) {
                out = d;
            }
        }
        return out;
    }

    /** The declarator of field {@code name} declared in this file, or null (two fields of that name: null). */
    static SyntaxNode field(SyntaxNode root, String name, byte[] src) {
        List<SyntaxNode> fields = new ArrayList<>();
        Shapes.walkAll(root, "field_declaration", fields);
        SyntaxNode out = null;
        for (SyntaxNode f : fields) {
            for (int i = 0; i < f.getNamedChildCount(); i++) {
                SyntaxNode d = f.getNamedChild(i);
                SyntaxNode n = d.getType().equals("variable_declarator") ? d.getChildByFieldName("name") : null;
                if (n != null && !n.isNull() && text(src, n).equals(name)) {
                    if (out != null) {
                        return null;
                    }
                    out = d;
                }
            }
        }
        return out;
    }

    private static boolean extendsTimerTask(SyntaxNode root, byte[] src, String type) {
        List<SyntaxNode> classes = new ArrayList<>();
        Shapes.walkAll(root, "class_declaration", classes);
        for (SyntaxNode k : classes) {
            SyntaxNode name = k.getChildByFieldName("name");
            SyntaxNode sup = k.getChildByFieldName("superclass");
            if (name != null && !name.isNull() && text(src, name).equals(type) && sup != null && !sup.isNull()
                    && text(src, sup).matches("extends\\s+(java\\.util\\.)?TimerTask\\b.*")) {
                return true;
            }
        }
        return false;
    }

    /** A body that opens with a plain {@code try} (not try-with-resources) and shows neither catch nor finally. */
    private static final Pattern OPENS_TRY = Pattern.compile("^\\{\\s*try\\s*\\{");
    private static final Pattern HANDLER = Pattern.compile("\\b(?:catch|finally)\\b");

    /**
     * True when every visible declaration of {@code callee} opens its body with a {@code try} whose handlers the
     * review does not see: a try cannot stand without a catch or finally, so a body that shows neither was cut by the
     * hunk inside the guard. A task's helper that wraps its whole body in a try is guarded by its author; whether the
     * guard catches everything is below the hunk, so the task is not reported on the part the hunk shows. A helper
     * whose catches are shown is judged by them, and one that opens with other work is judged as it is.
     */
    static boolean guardCut(String callee, Summaries summaries) {
        List<Summaries.Function> fs = summaries.declarations(callee);
        return !fs.isEmpty() && fs.stream().allMatch(f -> OPENS_TRY.matcher(f.body().strip()).find()
                && !HANDLER.matcher(f.body()).find());
    }

    /** The method a lambda does nothing but call ({@code () -> refresh()}), or null. */
    static String onlyCall(SyntaxNode lambda, byte[] src) {
        if (!lambda.getType().equals("lambda_expression")) {
            return null;
        }
        SyntaxNode body = lambda.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return null;
        }
        if (body.getType().equals("block")) {
            if (body.getNamedChildCount() != 1 || !body.getNamedChild(0).getType().equals("expression_statement")) {
                return null;
            }
            body = body.getNamedChild(0).getNamedChild(0);
        }
        if (body == null || !body.getType().equals("method_invocation")) {
            return null;
        }
        SyntaxNode name = body.getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return null;
        }
        // another object's method is that object's (other.refresh), not a method of this class of the same name
        SyntaxNode object = body.getChildByFieldName("object");
        String on = object == null || object.isNull() ? "" : text(src, object).strip();
        return on.isEmpty() || on.equals("this") || !on.matches("[\\w$.]+") ? text(src, name)
                : on + "." + text(src, name);
    }

    static Spot at(SyntaxNode n, boolean sure, String note) {
        return new Spot(n.getStartPoint().getRow() + 1, n.getStartPoint().getColumn() + 1, sure, note);
    }
}
