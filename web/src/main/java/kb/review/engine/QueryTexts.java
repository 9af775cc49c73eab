package kb.review.engine;

import static kb.review.engine.TreeSitterDetector.ANCESTOR;
import static kb.review.engine.TreeSitterDetector.BETWEEN;
import static kb.review.engine.TreeSitterDetector.HELPERS;
import static kb.review.engine.TreeSitterDetector.TASK;
import static kb.review.engine.TreeSitterDetector.UNSEEN;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.GoRangeOrigins;
import kb.review.analysis.Regexes;
import kb.review.analysis.Summaries;
import kb.review.analysis.TaskGuards;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;
import kb.review.rules.Rule;
import org.treesitter.TSNode;

/**
 * The texts one match's conditions search ({@code in: line}, {@code scope}, a capture, its helpers' bodies, the calls
 * it makes that the review cannot see, ...), computed on demand for {@link TreeSitterDetector}.
 */
record QueryTexts(SourceFile file, byte[] src, Map<String, TSNode> caps, TSNode at, Language language,
                  Summaries shared, Memo memo) {

    /** A call as written, qualified ({@code ThreadUtils.checkInterrupted(e)}), its arguments without parentheses. */
    private static final Pattern CALL_TEXT = Pattern.compile(
            "(?<![\\w$.])((?:[\\p{L}_$][\\w$]*\\s*\\.\\s*)*[\\p{L}_$][\\w$]*)\\s*\\(([^()]*)\\)");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "return", "throw", "new", "super", "this", "func", "go", "defer", "select");
    private static final Pattern CALLED = Pattern.compile("\\b([\\p{L}_$][\\w$]*)\\s*\\(");
    /** A callee as written, with its receiver path: {@code ThreadUtils.checkInterrupted}, {@code restore}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])((?:[\\p{L}_$][\\w$]*\\s*\\.\\s*)*[\\p{L}_$][\\w$]*)\\s*\\(");
    private static final Set<String> DECLARATIONS = Set.of("method_declaration", "function_declaration");

    /**
     * What the matches of one file share: the text of each scope, and whether the file holds a condition's needles
     * (the same answer for every match of the file, asked once per condition).
     */
    record Memo(Map<Long, String> scopes, Map<String, Boolean> inFile) {
    }


    boolean find(Rule.Condition c) {
        // needles first: in the file once (kept in lower case) when the text searched is a piece of it, else in
        // the text itself; then the regex, tried only where its leading capture occurs when it has one
        boolean inFile = ConditionPatterns.withinFile(c.in(), caps.keySet());
        if (inFile && !memo.inFile().computeIfAbsent(c.regex(),
                r -> ConditionPatterns.mayMatch(r, file.text(), file.lowerText()))) {
            return false;
        }
        String text = text(c.in());
        if (!inFile && !ConditionPatterns.mayMatch(c.regex(), text, null)) {
            return false;
        }
        if (c.regex().indexOf('{') < 0) {
            return ConditionPatterns.compiled(c.regex()).matcher(text).find();
        }
        String lead = ConditionPatterns.lead(c.regex());
        TSNode leading = lead == null ? null : caps.get(lead);
        return ConditionPatterns.find(ConditionPatterns.compiled(expand(c.regex())), text,
                leading == null ? null : of(leading));
    }

    private String text(String in) {
        return switch (in) {
            case "line" -> file.line(at.getStartPoint().getRow() + 1);
            case "file" -> file.text();
            // what the matched line's changed block removed (see ReplacedLines): the old form of an edited line
            case Rule.RegexMatcher.REPLACED_LINES -> ReplacedLines.of(file, at.getStartPoint().getRow() + 1,
                    file.line(at.getStartPoint().getRow() + 1));
            case "scope" -> {
                TSNode scope = TreeSitter.enclosing(at, TreeSitter.scopeTypes(language));
                // outside any function: nothing in a whole file, but in a fragment the header may be unseen
                yield scope != null ? memo.scopes().computeIfAbsent(
                        (long) scope.getStartByte() << 32 | scope.getEndByte(),
                        k -> of(scope)) : file.complete() ? "" : file.text();
            }
            default -> in.startsWith(ANCESTOR) ? ancestor(in.substring(ANCESTOR.length()))
                    : in.startsWith(HELPERS) ? helpers(in.substring(HELPERS.length()))
                    : in.startsWith(UNSEEN) ? unseen(in.substring(UNSEEN.length()))
                    : in.startsWith(TASK) ? task(in.substring(TASK.length()))
                    : in.startsWith(BETWEEN) ? between(caps.get(in.substring(BETWEEN.length())))
                    : in.startsWith(Rule.QueryMatcher.GUARDS) && caps.containsKey(in.substring(Rule.QueryMatcher.GUARDS.length()))
                    ? LevelGuards.of(file, src, caps.get(in.substring(Rule.QueryMatcher.GUARDS.length())),
                    TreeSitter.boundaryTypes(language))
                    : in.startsWith(Rule.QueryMatcher.RESULTS) && caps.containsKey(in.substring(Rule.QueryMatcher.RESULTS.length()))
                    ? RegexDetector.calleeResults(file, of(caps.get(in.substring(Rule.QueryMatcher.RESULTS.length()))), shared)
                    : in.startsWith(Rule.QueryMatcher.ORIGIN) ? origin(caps.get(in.substring(Rule.QueryMatcher.ORIGIN.length())))
                    : in.startsWith(Rule.QueryMatcher.DIGITS) && caps.containsKey(in.substring(Rule.QueryMatcher.DIGITS.length()))
                    ? DigitCaptures.of(of(caps.get(in.substring(Rule.QueryMatcher.DIGITS.length()))), text("scope"), file.text())
                    : caps.containsKey(in) ? of(caps.get(in)) : "";
        };
    }

    /** The program-bounded origin of a range loop's collection (see {@link GoRangeOrigins}), else empty. */
    private String origin(TSNode collection) {
        TSNode item = caps.get("item");
        if (collection == null || item == null) {
            return "";
        }
        TSNode scope = TreeSitter.enclosing(at, TreeSitter.scopeTypes(language));
        return GoRangeOrigins.of(file.text(), scope == null ? file.text() : of(scope), of(collection), of(item), of(at));
    }

    /**
     * The capture's text, then the bodies of the functions and methods it calls that the review can see: declared
     * in this file, else elsewhere in the change (or, in repo mode, the checkout) as {@link Summaries} resolves
     * the call ({@code ThreadUtils.checkInterrupted(e)} in another file of the change). What a helper does for the
     * capture ({@code restoreInterrupt(e)}) counts as done there.
     */
    private String helpers(String capture) {
        TSNode n = caps.get(capture);
        if (n == null) {
            return "";
        }
        String text = of(n);
        Set<String> called = new HashSet<>();
        Matcher m = CALLED.matcher(text);
        while (m.find()) {
            called.add(m.group(1));
        }
        StringBuilder out = new StringBuilder(text);
        Set<String> declared = new HashSet<>();
        if (!called.isEmpty()) {
            declarations(root(n), called, out, declared);
        }
        for (String callee : callees(text)) {
            if (!declared.contains(Summaries.simpleName(callee))) {
                for (Summaries.Function f : resolved(callee)) {
                    if (f.body() != null) {
                        out.append('\n').append(f.body());
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * What {@link Summaries} resolves {@code callee} to, for a call it can tie to a declaration: unqualified, on
     * {@code this}, or (Java) on a type ({@code ThreadUtils.checkInterrupted}: only that class's methods). A call
     * on a Java variable ({@code log.error(e)}) is left out: the change's methods are found by simple name, and
     * another class's {@code error} is not what the variable runs.
     */
    private List<Summaries.Function> resolved(String callee) {
        int dot = callee.lastIndexOf('.');
        if (dot < 0 || language == Language.GO) {
            return summaries().declarations(callee);
        }
        String on = Summaries.simpleName(callee.substring(0, dot));
        if (on.equals("this")) {
            return summaries().declarations(callee.substring(dot + 1));
        }
        if (on.isEmpty() || !Character.isUpperCase(on.charAt(0))) {
            return List.of();
        }
        return summaries().declarations(callee).stream()
                .filter(f -> f.owner() == null || f.owner().equals(on)).toList();
    }

    /**
     * The calls of the capture whose code the review cannot see (neither declared in this file nor resolved by
     * {@link Summaries}), one a line as written with their arguments: {@code ThreadUtils.checkInterrupted(e)}.
     * A rule reads these by name only, where the name is all there is to go on.
     */
    private String unseen(String capture) {
        TSNode n = caps.get(capture);
        if (n == null) {
            return "";
        }
        String text = of(n);
        Set<String> called = new HashSet<>();
        for (String callee : callees(text)) {
            called.add(Summaries.simpleName(callee));
        }
        Set<String> declared = new HashSet<>();
        declarations(root(n), called, new StringBuilder(), declared);
        StringBuilder out = new StringBuilder();
        Matcher m = CALL_TEXT.matcher(text);
        while (m.find()) {
            String callee = Regexes.withoutSpace(m.group(1));
            if (!KEYWORDS.contains(callee) && !declared.contains(Summaries.simpleName(callee))
                    && resolved(callee).isEmpty()) {
                out.append(callee).append('(').append(m.group(2).strip()).append(")\n");
            }
        }
        return out.toString();
    }

    /**
     * {@code catches-all} when the task handed as the first argument of the captured call only calls a method
     * the review can see whose body catches Exception or Throwable (see {@link TaskGuards}); else empty.
     */
    private String task(String capture) {
        TSNode n = caps.get(capture);
        TSNode args = n == null ? null : n.getChildByFieldName("arguments");
        if (args == null || args.isNull() || args.getNamedChildCount() == 0) {
            return "";
        }
        TSNode task = args.getNamedChild(0);
        if (TaskGuards.guarded(of(task), summaries())) {
            return "catches-all";
        }
        String type = TaskGuards.runnableType(of(task), file.text(), enclosingClass(n));
        return type != null && TaskGuards.runGuarded(type, summaries()) ? "catches-all" : "";
    }

    /** The simple name of the class whose body holds {@code n}, or null. */
    private String enclosingClass(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("class_declaration") || p.getType().equals("enum_declaration")) {
                TSNode name = p.getChildByFieldName("name");
                return name == null || name.isNull() ? null : of(name);
            }
        }
        return null;
    }

    private Summaries summaries() {
        return shared.in(file.path(), file.text());
    }

    /** The qualified callees of the calls in {@code text}, keywords left out. */
    private static Set<String> callees(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = QUALIFIED.matcher(text);
        while (m.find()) {
            String callee = Regexes.withoutSpace(m.group(1));
            if (!KEYWORDS.contains(callee)) {
                out.add(callee);
            }
        }
        return out;
    }

    private static TSNode root(TSNode n) {
        TSNode root = n;
        while (!root.getParent().isNull()) {
            root = root.getParent();
        }
        return root;
    }

    private void declarations(TSNode n, Set<String> called, StringBuilder out, Set<String> found) {
        if (DECLARATIONS.contains(n.getType())) {
            TSNode name = n.getChildByFieldName("name");
            TSNode body = n.getChildByFieldName("body");
            if (name != null && !name.isNull() && body != null && !body.isNull() && called.contains(of(name))) {
                out.append('\n').append(of(body));
                found.add(of(name));
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            declarations(n.getNamedChild(i), called, out, found);
        }
    }

    /** The nearest enclosing node of the type, below the enclosing function; empty when there is none. */
    private String ancestor(String type) {
        Set<String> boundaries = TreeSitter.boundaryTypes(language);
        TSNode n = at.getParent();
        while (n != null && !n.isNull() && !boundaries.contains(n.getType())) {
            if (n.getType().equals(type)) {
                return of(n);
            }
            n = n.getParent();
        }
        return "";
    }

    private String expand(String regex) {
        Matcher m = Rule.Condition.PLACEHOLDER.matcher(regex);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            TSNode n = caps.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(n == null ? "\\b\\B" : Pattern.quote(of(n))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The source from the end of {@code n} to the start of the reported node; empty when it does not precede it. */
    private String between(TSNode n) {
        int from = n == null ? -1 : n.getEndByte();
        int to = at.getStartByte();
        // code only: a comment or a message between them that says "err" reads nothing
        return from < 0 || from > to ? "" : kb.review.analysis.CodeText.code(
                new String(src, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String of(TSNode n) {
        return SyntaxNode.text(src, n);
    }
}
