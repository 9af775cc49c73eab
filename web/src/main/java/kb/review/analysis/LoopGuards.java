package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Two facts about a logging call in a loop that the loop keywords alone do not show: a lambda given to
 * {@code forEach} is a loop body (it runs once per element), and a log behind a counter bound
 * ({@code if (rejected++ < 3)}, {@code if (logged <= MAX_LOGGED)}, {@code if (n % 1000 == 0)}) logs the first few or a
 * sample only, which is what LOG-01 asks for.
 */
public final class LoopGuards {

    /** A count compared with a bound: a literal or a constant (upper-case) name, on either side. */
    private static final Pattern BOUNDED = Pattern.compile(
            "^\\+*\\-*([A-Za-z_][\\w.]*)(?:\\+\\+|--)?\\s*(?:<|<=)\\s*(?:\\d+|[A-Z][A-Z0-9_]*|\\w+\\.[A-Z][A-Z0-9_]*)$"
                    + "|^(?:\\d+|[A-Z][A-Z0-9_]*)\\s*(?:>|>=)\\s*\\+*\\-*([A-Za-z_][\\w.]*)(?:\\+\\+|--)?$"
                    + "|%\\s*(?:\\d+|[A-Z][A-Z0-9_]*)\\s*==\\s*0$");

    private LoopGuards() {
    }

    /** The method call {@code lambda} is an argument of, or null. */
    private static SyntaxNode callTaking(SyntaxNode lambda) {
        SyntaxNode args = lambda.getParent();
        SyntaxNode call = args == null || args.isNull() ? null : args.getParent();
        return call == null || call.isNull() || !args.getType().equals("argument_list")
                || !call.getType().equals("method_invocation") ? null : call;
    }

    /** True when {@code lambda} is an argument of a {@code forEach}/{@code forEachOrdered} call. */
    static boolean forEachBody(SyntaxNode lambda, byte[] src) {
        SyntaxNode call = callTaking(lambda);
        if (call == null) {
            return false;
        }
        SyntaxNode name = call.getChildByFieldName("name");
        String n = name == null || name.isNull() ? "" : text(src, name);
        return n.equals("forEach") || n.equals("forEachOrdered");
    }

    /**
     * True when {@code lambda} runs once per element: given to {@code forEach} ({@link #forEachBody}) or to a
     * per-element operator of a stream or reactive pipeline ({@link #pipelineBody}).
     */
    static boolean perElementBody(SyntaxNode lambda, byte[] src) {
        return forEachBody(lambda, src) || pipelineBody(lambda, src);
    }

    /**
     * Operators of {@code java.util.stream} and of the reactive libraries (Reactor, RxJava, Mutiny) that call their
     * function argument once per element of a pipeline: a lambda given to one of them is a loop body, as a
     * {@code forEach} lambda is (session 53, log53). {@code peek} exists on streams only and {@code forEachRemaining} on iterators; the others also exist on
     * one-element types ({@code Optional.map}, {@code Mono.doOnNext}, {@code Uni.onItem().invoke}), so they count
     * only where the pipeline is shown to carry many elements ({@link #MANY}).
     */
    private static final Set<String> STREAM_ONLY = Set.of("peek", "forEachRemaining");
    private static final Set<String> PIPELINE = Set.of("map", "mapToObj", "mapToInt", "mapToLong", "mapToDouble",
            "flatMap", "flatMapIterable", "flatMapSequential", "concatMap", "concatMapIterable", "switchMap",
            "mapMulti", "filter", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile", "handle",
            "doOnNext", "doOnEach", "subscribe", "onNext", "flatMapCompletable", "flatMapSingle",
            "flatMapMaybe");
    /** Mutiny's per-item group: {@code multi.onItem().invoke(x -> ...)} / {@code transform} / {@code call}. */
    private static final Set<String> MUTINY_ITEM = Set.of("invoke", "transform", "call", "transformToUni",
            "transformToMulti", "transformToUniAndMerge", "transformToUniAndConcatenate");
    /**
     * A source of many elements written in the pipeline before the operator: a collection's or a file's stream, the
     * JDK's stream factories, Reactor's {@code Flux}, RxJava's {@code Flowable}/{@code Observable}, Mutiny's
     * {@code Multi}, or a one-element type turned into many ({@code flatMapMany}, {@code thenMany}).
     */
    private static final Pattern MANY = Pattern.compile(
            "\\.(?:parallelStream|stream|lines|chars|codePoints|results)\\(\\)"
            + "|\\b(?:Stream|IntStream|LongStream|DoubleStream|StreamSupport|Flux|ParallelFlux|Flowable|Observable)"
            + "\\.\\w+\\(|\\bArrays\\.stream\\(|\\bFiles\\.(?:lines|list|walk|find)\\(|\\bMulti\\.createFrom\\(\\)"
            + "|\\.(?:flatMapMany|thenMany|flux|toFlux|toFlowable|toObservable|flatMapObservable|flatMapPublisher"
            + "|flatMapIterable|toMulti|parallel|buffer|window|groupBy)\\(");
    /** A one-element type, or an operator that reduces a pipeline to one element, written before the operator. */
    private static final Pattern ONE = Pattern.compile(
            "\\b(?:Optional|OptionalInt|OptionalLong|OptionalDouble|Mono|Single|Maybe|Uni|Completable"
            + "|CompletableFuture)\\.\\w+\\(|\\.(?:findFirst|findAny|next|single|singleOrEmpty|last|collectList"
            + "|collectMap|collectSortedList|count|then|reduce|elementAt|firstElement|lastElement|firstOrError"
            + "|lastOrError|toList|collect|max|min|ofNullable|getFirst|asUni|toUni)\\(");
    /** A declared type that carries many elements (a method's return type, a variable's or a field's type). */
    private static final Pattern MANY_TYPE = Pattern.compile(
            "^(?:Stream|IntStream|LongStream|DoubleStream|Flux|ParallelFlux|Flowable|Observable|Multi)\\b");

    /**
     * True when {@code lambda} is the function argument of a per-element pipeline operator: {@code peek} anywhere,
     * the others when the pipeline before the operator shows a source of many elements with no reduction to one
     * after it, or when no one-element type or reduction is shown and the pipeline is returned from a method, or
     * assigned to a variable or field, declared as a stream or a many-element publisher ({@code Flux<Event>
     * events() { return source.events().doOnNext(e -> ...); }}).
     */
    static boolean pipelineBody(SyntaxNode lambda, byte[] src) {
        SyntaxNode call = callTaking(lambda);
        if (call == null) {
            return false;
        }
        SyntaxNode args = lambda.getParent();
        SyntaxNode name = call.getChildByFieldName("name");
        SyntaxNode object = call.getChildByFieldName("object");
        if (name == null || name.isNull() || object == null || object.isNull()) {
            return false;
        }
        String n = text(src, name);
        String receiver = text(src, object);
        if (STREAM_ONLY.contains(n)) {
            return true;
        }
        if (n.equals("subscribe") && args.getNamedChildCount() > 0
                && args.getNamedChild(0).getStartByte() != lambda.getStartByte()) {
            return false; // subscribe(onNext, onError, onComplete): only the first runs per element
        }
        if (!PIPELINE.contains(n) && !(MUTINY_ITEM.contains(n) && receiver.endsWith(".onItem()"))) {
            return false;
        }
        int many = lastMatch(MANY, receiver);
        int one = lastMatch(ONE, receiver);
        if (many >= 0) {
            return many > one;
        }
        return one < 0 && (MANY_TYPE.matcher(declaredType(call, src)).find() || manyVariable(receiver, call, src));
    }

    /** A reactive library's many-element publisher, or a reactive per-item operator, in a pipeline. */
    private static final Pattern REACTIVE = Pattern.compile(
            "\\b(?:Flux|ParallelFlux|Flowable|Observable|Multi)\\.\\w+\\(|\\.(?:flatMapMany|thenMany|flux|toFlux"
            + "|toFlowable|toObservable|toMulti|onItem)\\(");

    /**
     * True when {@code lambda} is a per-element callback of a reactive pipeline ({@link #pipelineBody} with a
     * reactive source or operator): it runs when an item arrives, after the method that built the pipeline returned.
     */
    static boolean reactiveBody(SyntaxNode lambda, byte[] src) {
        if (!pipelineBody(lambda, src)) {
            return false;
        }
        SyntaxNode call = lambda.getParent().getParent();
        SyntaxNode name = call.getChildByFieldName("name");
        SyntaxNode object = call.getChildByFieldName("object");
        String n = name == null || name.isNull() ? "" : text(src, name);
        return n.equals("subscribe") || n.startsWith("doOn") || n.equals("onNext")
                || object != null && !object.isNull() && REACTIVE.matcher(text(src, object)).find();
    }

    /**
     * True when {@code block} is, or lies in, the body of a pipeline's per-element lambda with no loop or other
     * function in between: a {@code return} there ends one element, as {@code continue} ends a turn.
     */
    static boolean pipelineBlock(SyntaxNode block, byte[] src) {
        for (SyntaxNode p = block; p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "for_statement", "enhanced_for_statement", "while_statement", "do_statement",
                     "method_declaration", "constructor_declaration", "class_body":
                    return false;
                case "lambda_expression":
                    return pipelineBody(p, src);
                default:
                    break;
            }
        }
        return false;
    }

    /** The name a pipeline starts from ({@code lines} in {@code lines.skip(1).map(...)}). */
    private static final Pattern HEAD = Pattern.compile("^(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*(?:\\.|$)");

    /**
     * True when the pipeline starts from a name its method (or class) declares as a stream or a many-element
     * publisher: a local, a parameter, a try resource or a field ({@code Stream<String> lines = Files.lines(p)}).
     */
    private static boolean manyVariable(String receiver, SyntaxNode call, byte[] src) {
        Matcher m = HEAD.matcher(receiver);
        if (!m.find()) {
            return false;
        }
        Pattern decl = Pattern.compile("\\b(?:Stream|IntStream|LongStream|DoubleStream|Flux|ParallelFlux|Flowable"
                + "|Observable|Multi)(?:\\s*<[^;(){}=]*>)?\\s+" + Pattern.quote(m.group(1)) + "\\s*[=;,)]");
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("method_declaration") || p.getType().equals("constructor_declaration")
                    || p.getType().equals("class_body")) {
                if (decl.matcher(text(src, p)).find()) {
                    return true;
                }
                if (p.getType().equals("class_body")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /**
     * The declared type the outermost call of {@code call}'s chain is returned as or assigned to (its method's
     * return type, its variable's or field's type), or the empty string.
     */
    private static String declaredType(SyntaxNode call, byte[] src) {
        SyntaxNode top = call;
        while (top.getParent() != null && !top.getParent().isNull()
                && (top.getParent().getType().equals("method_invocation")
                && sameNode(top.getParent().getChildByFieldName("object"), top)
                || top.getParent().getType().equals("parenthesized_expression"))) {
            top = top.getParent();
        }
        SyntaxNode up = top.getParent();
        if (up == null || up.isNull()) {
            return "";
        }
        if (up.getType().equals("return_statement")) {
            for (SyntaxNode p = up.getParent(); p != null && !p.isNull(); p = p.getParent()) {
                if (p.getType().equals("lambda_expression") || p.getType().equals("constructor_declaration")) {
                    return "";
                }
                if (p.getType().equals("method_declaration")) {
                    SyntaxNode type = p.getChildByFieldName("type");
                    return type == null || type.isNull() ? "" : text(src, type);
                }
            }
            return "";
        }
        if (up.getType().equals("variable_declarator")) {
            SyntaxNode decl = up.getParent();
            SyntaxNode type = decl == null || decl.isNull() ? null : decl.getChildByFieldName("type");
            return type == null || type.isNull() ? "" : text(src, type);
        }
        return "";
    }

    private static boolean sameNode(SyntaxNode a, SyntaxNode b) {
        return a != null && !a.isNull() && a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte();
    }

    /**
     * True when {@code child} is the then branch of an {@code if} {@code p} whose condition bounds a count. In Go the
     * name compared must count: stepped in the test or anywhere in its function ({@code logged++},
     * {@code n += 1}), or a loop's index ({@code for i := range}); a field of the item compared with a literal
     * ({@code if p.Price <= 0}) is a test of the item's data, whose log repeats with every bad item.
     */
    static boolean sampled(SyntaxNode p, SyntaxNode child, byte[] src, boolean go) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()
                || child.getStartByte() < then.getStartByte() || child.getEndByte() > then.getEndByte()) {
            return false;
        }
        // the branch runs only when every operand of a top-level && holds: one counter bound among them bounds it
        // (`if (!store.save(r) && rejected++ < 5)` logs the first five rejections)
        for (String operand : conjuncts(text(src, cond))) {
            Matcher m = BOUNDED.matcher(operand);
            if (m.find()) {
                String counted = m.group(1) != null ? m.group(1) : m.group(2);
                if (!go || counted == null || steps(p, counted, src)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern NEGATED_FLAG = Pattern.compile("^!\\s*([A-Za-z_][\\w.]*)$");

    /**
     * True when {@code child} is the then branch of an {@code if} {@code p} that runs once: one conjunct of its test
     * is a negated flag ({@code !warned}) that the branch itself sets ({@code warned = true}), the "warn once per
     * loop" fix. Later turns skip the branch, so the line is written once per walk, not per element.
     */
    static boolean latched(SyntaxNode p, SyntaxNode child, byte[] src) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()
                || child.getStartByte() < then.getStartByte() || child.getEndByte() > then.getEndByte()) {
            return false;
        }
        String body = text(src, then);
        for (String operand : conjuncts(text(src, cond))) {
            Matcher m = NEGATED_FLAG.matcher(operand.strip());
            if (m.matches() && Pattern.compile("(?<![\\w.])" + Pattern.quote(m.group(1)) + "\\s*=\\s*true\\b")
                    .matcher(body).find()) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a condition's top-level {@code &&}, each without its enclosing parentheses. */
    static List<String> conjuncts(String condition) {
        String test = unwrap(condition);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < test.length(); i++) {
            char c = test.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '|' && i + 1 < test.length() && test.charAt(i + 1) == '|') {
                return List.of(test); // an || at the top: no operand bounds the branch alone
            } else if (depth == 0 && c == '&' && i + 1 < test.length() && test.charAt(i + 1) == '&') {
                out.add(unwrap(test.substring(from, i)));
                from = i + 2;
                i++;
            }
        }
        out.add(unwrap(test.substring(from)));
        return out;
    }

    private static String unwrap(String test) {
        test = test.strip();
        while (test.startsWith("(") && test.endsWith(")") && balanced(test.substring(1, test.length() - 1))) {
            test = test.substring(1, test.length() - 1).strip();
        }
        return test;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** True when {@code name} is stepped in the function around {@code n}, or is the key of a range loop there. */
    private static boolean steps(SyntaxNode n, String name, byte[] src) {
        SyntaxNode f = n;
        while (f.getParent() != null && !f.getParent().isNull() && !f.getType().equals("function_declaration")
                && !f.getType().equals("method_declaration") && !f.getType().equals("func_literal")) {
            f = f.getParent();
        }
        String q = Pattern.quote(name);
        return Pattern.compile("(?<![\\w.])" + q + "\\s*(\\+\\+|--|[-+]=|=\\s*" + q + "\\s*\\+)"
                + "|\\bfor\\s+" + q + "\\s*(,\\s*\\w+\\s*)?:?=\\s*range\\b").matcher(text(src, f)).find();
    }

    /**
     * True when {@code p} is a block in which a statement after {@code child} leaves the loop unconditionally
     * ({@code break}, {@code return}, {@code throw}): a log there runs once, when the loop ends, not per iteration.
     */
    static boolean leavesLoop(SyntaxNode p, SyntaxNode child) {
        String t = p.getType();
        if (!t.equals("block") && !t.equals("statement_list")) {
            return false;
        }
        boolean after = false;
        for (int i = 0; i < p.getNamedChildCount(); i++) {
            SyntaxNode s = p.getNamedChild(i);
            if (after && (s.getType().equals("break_statement") || s.getType().equals("return_statement")
                    || s.getType().equals("throw_statement"))) {
                return true;
            }
            after |= s.getStartByte() >= child.getEndByte() || s.getStartByte() == child.getStartByte();
        }
        return false;
    }

    /** A loop over errors ({@code for err := range errCh}, {@code for (Exception e : failures)}): each pass is a failure. */
    private static final Pattern OVER_FAILURES = Pattern.compile(
            "^for\\s*\\(?\\s*(?:final\\s+)?(?:(?:_\\s*,\\s*)?\\w*[eE]rr(?:or)?\\w*\\s*:?=\\s*range\\b"
                    + "|[\\w.]*(?:Exception|Error|Throwable)\\s+\\w+\\s*:)");

    /** True when {@code loop} iterates over errors, so a log in its body reports failures, not every request. */
    static boolean overFailures(SyntaxNode loop, byte[] src) {
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        String head = new String(src, loop.getStartByte(), body.getStartByte() - loop.getStartByte(),
                StandardCharsets.UTF_8).strip();
        return OVER_FAILURES.matcher(head).find();
    }

    /** True when {@code n} is in a Java {@code static void main}: a command-line tool's console output is its purpose. */
    /**
     * Functions that run once per process or per configuration change, not per request or item: constructors,
     * {@code New...}, starting, stopping, closing, initialising, recovering at start-up, configuring. A loop there
     * walks a configuration, not traffic. (Words that also name per-request or frequent work, such as load, reload,
     * register or validate, are left out: a runtime reload every few seconds that logs every key is a flood.)
     */
    private static final Pattern LIFECYCLE = Pattern.compile(
            // (session 44, log44) but not a start of a routine or loop (startRenewalRoutine, startPollLoop): its
            // loop is the routine that runs until stopped, once per tick or poll, not start-up work
            "(?![Ss]tart\\w*(?:Routine|Loop|Goroutine|Poller|Ticker|Heartbeat)s?$)"
                    + "(?:(?:start|stop|shutdown|halt|close|destroy|init|initialize|recover|setup|configure)"
                    + "(?:[A-Z]\\w*)?"
                    + "|(?:Start|Stop|Shutdown|Halt|Close|Destroy|Init|Initialize|Recover|Setup|Configure|New)"
                    + "(?:[A-Z]\\w*)?|main"
                    // (session 53) a Bukkit or BungeeCord plugin's own start and stop
                    + "|on(?:Enable|Disable|Load)"
                    // a qualified stop or start: softHalt, gracefulShutdown, doStart, forceStop
                    + "|[a-z]+(?:Start|Stop|Shutdown|Halt|Destroy)(?:[A-Z]\\w*)?)");

    /** (session 50) A function name of start-up, stop or set-up work ({@link #LIFECYCLE}), read from text alone. */
    public static boolean lifecycleName(String name) {
        return LIFECYCLE.matcher(name).matches();
    }

    static boolean inLifecycleFunction(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("lambda_expression") && reactiveBody(p, src)) {
                // (session 53) a reactive pipeline's per-item callback set up in start(): it runs per item later,
                // with the traffic, not once while the component starts
                return false;
            }
            if (t.equals("method_declaration") || t.equals("function_declaration")
                    || t.equals("constructor_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                return t.equals("constructor_declaration")
                        || name != null && !name.isNull() && LIFECYCLE.matcher(text(src, name)).matches();
            }
        }
        return false;
    }

    /**
     * (session 34) A Java source folder of a command-line tool by its package: {@code .../cli/...} (atlas's
     * trino-extractor), {@code .../cmdline/...} (opennlp's tools), {@code .../commandline/...}. A logger line per item
     * there is the command's progress output, read by the operator who runs it once (class IM of the precision sets),
     * as {@link #javaConsoleTool} reads its {@code System.out} lines.
     */
    private static final Pattern COMMAND_LINE_PACKAGE = Pattern.compile("(?:^|/)(?:cli|cmdline|commandline)/");

    static boolean inCommandLinePackage(String path) {
        return path != null && COMMAND_LINE_PACKAGE.matcher(path).find();
    }

    /** A class that is a command of a command-line tool by its name ({@code ExportTopicCommand}, {@code AdminCli}). */
    private static final Pattern COMMAND_CLASS = Pattern.compile("\\w*(Command|Cmd|Cli|Tool)");
    private static final Pattern COMMAND_FILE = Pattern.compile("(Command|Cmd|Cli|Tool)\\.java$");

    /**
     * True when {@code n} is a command-line tool's console output: in a Java {@code static void main}, or in a class
     * named as a command of a tool, whose {@code System.out} lines are what the user ran it for.
     */
    static boolean javaConsoleTool(SyntaxNode n, byte[] src, String path) {
        if (inJavaMain(n, src) || COMMAND_FILE.matcher(path).find()) {
            return true; // the file's name is its public class's, which a pasted diff may not show
        }
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("class_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                return name != null && !name.isNull() && COMMAND_CLASS.matcher(text(src, name)).matches();
            }
        }
        return false;
    }

    static boolean inJavaMain(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("method_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                String head = text(src, p);
                head = head.substring(0, Math.max(0, head.indexOf('(')));
                return name != null && !name.isNull() && text(src, name).equals("main")
                        && head.matches("(?s).*\\bstatic\\b.*\\bvoid\\s+main\\s*");
            }
        }
        return false;
    }
}
