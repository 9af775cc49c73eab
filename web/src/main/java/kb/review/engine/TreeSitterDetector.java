package kb.review.engine;

import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;
import kb.review.rules.QuerySet;
import kb.review.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Summaries;
import org.treesitter.TSNode;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;

/** Runs tree-sitter query rules over one parsed file and applies their inside/outside/require/reject filters. */
final class TreeSitterDetector {

    static final String ANCESTOR = Rule.QueryMatcher.ANCESTOR;
    static final String HELPERS = Rule.QueryMatcher.HELPERS;
    static final String UNSEEN = Rule.QueryMatcher.UNSEEN;
    static final String TASK = Rule.QueryMatcher.TASK;
    static final String BETWEEN = Rule.QueryMatcher.BETWEEN;
    /** A goroutine literal that recovers, by itself or through a deferred helper named for it (see Shapes). */
    private static final Pattern GUARDED_GOROUTINE = Pattern.compile(
            "\\brecover\\s*\\(\\s*\\)|\\bdefer\\s+[\\w.]*(?i:recover|rescue|guard|safe|crash|panic)\\w*\\s*\\(");

    private TreeSitterDetector() {
    }

    /** Runs every rule of {@code set} that applies to the file, in one walk of its tree. */
    static List<Hit> run(SourceFile file, TSTree tree, QuerySet set, Summaries summaries) {
        List<Hit> hits = new ArrayList<>();
        byte[] src = file.utf8();
        Set<String> seen = new HashSet<>();
        // whether a rule applies depends on the path only: asked once per rule, not once per match (each asks the
        // rule's path globs, regular expressions, again)
        Map<Rule, Boolean> applies = new java.util.IdentityHashMap<>();
        Map<String, Boolean> globs = new HashMap<>();
        QueryTexts.Memo memo = new QueryTexts.Memo(new HashMap<>(), new HashMap<>());
        try (TSQueryCursor cursor = new TSQueryCursor()) {
            cursor.exec(set.query, tree.getRootNode(), file.text());
            TSQueryMatch match = new TSQueryMatch();
            while (cursor.nextMatch(match)) {
                Rule rule = set.rule(match.getPatternIndex());
                if (!applies.computeIfAbsent(rule, r -> r.appliesTo(file.path(), globs))) {
                    continue;
                }
                Rule.QueryMatcher q = (Rule.QueryMatcher) rule.matcher();
                Map<String, TSNode> caps = new HashMap<>();
                for (TSQueryCapture c : match.getCaptures()) {
                    caps.putIfAbsent(set.query.getCaptureNameForId(c.getIndex()), c.getNode());
                }
                TSNode at = caps.get(q.report());
                if (at == null) {
                    continue;
                }
                TSNode shown = q.reportAt() == null ? at : enclosing(at, q.reportAt());
                if (shown != at && shown.getType().equals("go_statement")
                        && GUARDED_GOROUTINE.matcher(SyntaxNode.text(src, shown)).find()) {
                    shown = at; // a goroutine that recovers has no defect of its own to name at its go line
                }
                int line = shown.getStartPoint().getRow() + 1;
                String key = rule.id() + ":" + line;
                if (!seen.contains(key) && accept(file, src, q, caps, at, summaries, memo)) {
                    seen.add(key);
                    hits.add(hit(file, rule, shown, line));
                }
            }
        }
        return hits;
    }

    /** Where {@link #enclosing} stops: a function, method or type declared by name (Go and Java). */
    private static final Set<String> DECLARED = Set.of("function_declaration", "method_declaration",
            "constructor_declaration", "class_declaration", "interface_declaration", "enum_declaration",
            "record_declaration", "type_declaration");

    /** The nearest ancestor of {@code type} through function literals, not past a declared function; else {@code at}. */
    private static TSNode enclosing(TSNode at, String type) {
        for (TSNode n = at.getParent(); n != null && !n.isNull(); n = n.getParent()) {
            if (n.getType().equals(type)) {
                return n;
            }
            if (DECLARED.contains(n.getType())) {
                return at;
            }
        }
        return at;
    }

    private static boolean accept(SourceFile file, byte[] src, Rule.QueryMatcher q, Map<String, TSNode> caps,
                                  TSNode at, Summaries summaries, QueryTexts.Memo memo) {
        Set<String> boundaries = TreeSitter.boundaryTypes(q.language());
        if (!q.inside().isEmpty() && !hasAncestor(at, q.inside(), boundaries)) {
            return false;
        }
        if (!q.outside().isEmpty() && hasAncestor(at, q.outside(), boundaries)) {
            return false;
        }
        QueryTexts texts = new QueryTexts(file, src, caps, at, q.language(), summaries, memo);
        for (Rule.Condition c : q.require()) {
            if (!texts.find(c)) {
                return false;
            }
        }
        for (Rule.Condition c : q.reject()) {
            if (texts.find(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAncestor(TSNode node, List<String> types, Set<String> boundaries) {
        TSNode n = node.getParent();
        while (n != null && !n.isNull() && !boundaries.contains(n.getType())) {
            if (types.contains(n.getType())) {
                return true;
            }
            n = n.getParent();
        }
        return false;
    }

    private static Hit hit(SourceFile file, Rule rule, TSNode at, int line) {
        int column = at.getStartPoint().getColumn() + 1;
        if (file.complete() || rule.context() == Rule.Context.LINE) {
            return new Hit(rule, line, column, Finding.Confidence.HIGH, null);
        }
        if (rule.context() == Rule.Context.FILE) {
            return new Hit(rule, line, column, Finding.Confidence.LOW, Hit.PARTIAL_FILE);
        }
        TSNode scope = TreeSitter.enclosing(at, TreeSitter.scopeTypes(file.language()));
        boolean whole = scope != null && file.allKnown(scope.getStartPoint().getRow() + 1,
                scope.getEndPoint().getRow() + 1);
        return whole ? new Hit(rule, line, column, Finding.Confidence.HIGH, null)
                : new Hit(rule, line, column, Finding.Confidence.LOW, Hit.PARTIAL_FUNCTION);
    }

}
