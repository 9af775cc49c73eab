package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Java task handed to an executor ({@code submit}, {@code schedule…}) has its failures handled by the one
 * method it calls, read from the task's text: a body that does nothing but call one method the review can see whose
 * body catches everything ({@link Summaries#catchesAll}). The task may be a
 * lambda ({@code () -> refresh()}, {@code () -> { runLoop(); return null; }}), an anonymous {@code Runnable} or
 * {@code Callable} whose {@code run()}/{@code call()} is such a body, or a method reference ({@code this::doWork}).
 * A {@code return} of a literal after the call (a {@code Callable} that has nothing to return) cannot fail and does
 * not count as other work. A task that calls a method the review cannot see is not guarded here.
 */
public final class TaskGuards {

    /** One call statement, its arguments nested at most one level ({@code doWork(a.get())}); group 1 the callee. */
    private static final String CALL = "(?:this\\s*\\.\\s*)?([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)\\s*\\((?:[^;{}()]|\\([^;{}()]*\\))*\\)";
    private static final String LITERAL_RETURN = "(?:return\\s+(?:null|true|false|-?\\d+[lL]?)\\s*;\\s*)?";
    private static final Pattern REFERENCE = Pattern.compile("^(?:(this|super)|([\\w$.]+))\\s*::\\s*([\\w$]+)$");
    private static final Pattern LAMBDA = Pattern.compile("^\\(\\s*\\)\\s*->\\s*(?:" + CALL + "|\\{\\s*" + CALL
            + "\\s*;\\s*" + LITERAL_RETURN + "})$");
    private static final Pattern ANONYMOUS = Pattern.compile("^new\\s+[\\w$.]+\\s*(?:<[^{}]*>)?\\s*\\(\\s*\\)\\s*\\{\\s*"
            + "(?:@\\w+\\s+)*(?:public\\s+)?(?:final\\s+)?[\\w$.]+\\s*(?:<[^{}]*>)?\\s+(?:run|call)\\s*\\(\\s*\\)\\s*"
            + "(?:throws\\s+[\\w$.,\\s]+)?\\{\\s*" + CALL + "\\s*;\\s*" + LITERAL_RETURN + "}\\s*}$");

    /** The opening parenthesis of the task's one call: after a lambda's arrow or a run()/call() body's brace. */
    private static final Pattern CALL_AT = Pattern.compile("(?:->\\s*\\{?|\\)\\s*(?:throws\\s+[\\w$.,\\s]+)?\\{)\\s*"
            + "(?:this\\s*\\.\\s*)?[\\w$]+(?:\\s*\\.\\s*[\\w$]+)*\\s*\\(");

    private TaskGuards() {
    }

    /**
     * The method the task does nothing but call, as a callee for {@link Summaries} ({@code doWork},
     * {@code queue.drain}; {@code this.} dropped), or null when the task does other work too.
     */
    public static String onlyCall(String task) {
        String t = CatchAlls.withoutComments(task).strip();
        Matcher m = REFERENCE.matcher(t);
        if (m.matches()) {
            return m.group(1) != null ? m.group(3) : m.group(2) + "." + m.group(3);
        }
        m = LAMBDA.matcher(t);
        if (m.matches()) {
            return squeeze(m.group(1) != null ? m.group(1) : m.group(2));
        }
        m = ANONYMOUS.matcher(t);
        return m.matches() ? squeeze(m.group(1)) : null;
    }

    /**
     * True when the task only calls a visible method whose body catches everything. A catch in the task's own text is
     * the rule's to judge (CONC-06 asks that it also logs what it caught, a stricter test than a summary's).
     */
    public static boolean guarded(String task, Summaries summaries) {
        if (WholeTaskGuards.guarded(task)) {
            return true;
        }
        String only = onlyCall(task);
        return only != null && summaries.knows(only)
                && (summaries.catchesAll(only, onlyCallArity(task)) || ScheduledTasks.guardCut(only, summaries));
    }

    /**
     * The number of arguments of the one call the task makes ({@code () -> send(id, emitter)}: 2), or -1 when the task
     * is a method reference (its arity is the functional interface's, which the text does not say) or does other work.
     */
    static int onlyCallArity(String task) {
        String t = CatchAlls.withoutComments(task).strip();
        if (REFERENCE.matcher(t).matches() || onlyCall(task) == null) {
            return -1;
        }
        Matcher m = CALL_AT.matcher(t);
        if (!m.find()) {
            return -1;
        }
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = m.end(); i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < t.length() && t.charAt(i) != c; i++) {
                    if (t.charAt(i) == '\\') {
                        i++;
                    }
                }
                any = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    return any ? commas + 1 : 0;
                }
            } else if (c == ',' && depth == 0) {
                commas++;
            } else if (!Character.isWhitespace(c)) {
                any = true;
            }
        }
        return -1;
    }

    private static final Pattern NEW_OBJECT = Pattern.compile("^new\\s+(?:[\\w$]+\\s*\\.\\s*)*([A-Z][\\w$]*)\\s*(?:<[^(){}]*>)?\\s*\\([^{}]*\\)$");
    private static final Pattern NAME = Pattern.compile("^(?:this\\s*\\.\\s*)?([a-z_$][\\w$]*)$");

    /**
     * The class of a {@code Runnable} object handed to a thread ({@code new Thread(worker, name)}): {@code this} is the
     * enclosing class, {@code new Foo(...)} is {@code Foo}, and a field, parameter or local is the type the file
     * declares it with ({@code private final AuditDispatcher dispatcher;}). Null for a lambda, a method reference or
     * anything else (those are {@link #guarded}'s).
     */
    public static String runnableType(String task, String fileText, String enclosingClass) {
        String t = CatchAlls.withoutComments(task).strip();
        if (t.equals("this")) {
            return enclosingClass;
        }
        Matcher m = NEW_OBJECT.matcher(t);
        if (m.matches()) {
            return m.group(1);
        }
        m = NAME.matcher(t);
        if (!m.matches() || fileText == null) {
            return null;
        }
        Matcher d = Pattern.compile("(?:[\\w$]+\\s*\\.\\s*)*([A-Z][\\w$]*)\\s*(?:<[^;=(){}]*>)?\\s+"
                + Pattern.quote(m.group(1)) + "\\s*[;=,)]").matcher(fileText);
        String type = null;
        while (d.find()) {
            if (type != null && !type.equals(d.group(1))) {
                return null; // two declarations of the name with different types: not told apart here
            }
            type = d.group(1);
        }
        return type == null || type.equals("Runnable") || type.equals("Thread") ? null : type;
    }

    /**
     * True when the {@code run()} the review can see for {@code type} catches everything and does not rethrow
     * ({@link Summaries#catchesAll}): the type's own {@code run()}; or, when the type declares none with a body (an
     * interface that extends {@code Runnable}), the {@code run()} of its skeletal implementations named by the usual
     * convention ({@code AbstractFoo}, {@code FooBase}, {@code BaseFoo}, {@code DefaultFoo}, {@code FooImpl}), every
     * one of which must catch everything. Set 20's M: ranger's dispatcher and consumer threads, whose objects' type
     * is an interface whose {@code AuditDispatcherBase.run} catches {@code Throwable}, logs it and shuts down.
     */
    public static boolean runGuarded(String type, Summaries summaries) {
        java.util.List<Summaries.Function> runs = summaries.visible("run").stream()
                .filter(f -> f.params().isEmpty() && f.body() != null && f.owner() != null).toList();
        java.util.List<Summaries.Function> own = runs.stream().filter(f -> f.owner().equals(type)).toList();
        if (own.isEmpty()) {
            java.util.Set<String> skeletal = java.util.Set.of("Abstract" + type, type + "Base", "Base" + type,
                    "Default" + type, type + "Impl");
            own = runs.stream().filter(f -> skeletal.contains(f.owner())).toList();
        }
        return !own.isEmpty() && own.stream().allMatch(f -> CatchAlls.swallows(f.body()));
    }

    private static String squeeze(String callee) {
        return callee.replaceAll("\\s+", "");
    }
}
