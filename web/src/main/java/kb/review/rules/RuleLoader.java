package kb.review.rules;

import kb.format.YamlTree;
import kb.review.diff.Language;
import kb.review.diff.TreeSitter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.format.Problem;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryException;
import org.yaml.snakeyaml.nodes.Node;

/** Turns rule files into a {@link RuleBook}, collecting every problem with its file and line before failing. */
final class RuleLoader {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,79}");
    private static final Pattern ITEM_ID = Pattern.compile("[A-Z]{2,5}-[0-9]{2}");
    private static final Set<String> FILE_KEYS = Set.of("item", "rules", "manual", "imports");
    private static final Set<String> RULE_KEYS = Set.of("id", "languages", "severity", "message", "context", "paths",
            "exclude", "regex", "tree-sitter", "visitor", "analysis", "resources", "report", "report-at", "inside",
            "outside", "require", "reject");
    /**
     * {@code exclude: [example-programs]}: the one definition of where example and demo programs live, shared by
     * every rule whose finding only matters under a service's load or lifetime (see the rules' README). Module
     * folders named as samples, demos or examples (okhttp's {@code samples/}, Sentinel's {@code sentinel-demo},
     * dubbo's {@code dubbo-demo}, Go's {@code _examples}); Go's singular {@code example/} and {@code sample/} folders
     * (go-redis's tours) for Go files only, because Java's {@code com/example} is a package name real code uses.
     */
    static final String EXAMPLE_PROGRAMS = "example-programs";
    static final List<String> EXAMPLE_PROGRAM_GLOBS = List.of("**/samples/**", "**/examples/**", "**/_examples/**",
            "**/demo/**", "**/demos/**", "**/*-sample/**", "**/*-samples/**", "**/*-demo/**", "**/*-demos/**",
            "**/*-example/**", "**/*-examples/**", "**/example/**/*.go", "**/sample/**/*.go",
            // a documentation module's compiled sources (spring's docs/src/main/java/sample), and sample or demo modules
            // named by prefix (sample-app/, demo-server/, example-client/); see content/rules/README.md
            "**/docs/src/**", "**/sample-*/**", "**/samples-*/**", "**/demo-*/**", "**/example-*/**",
            "**/examples-*/**");
    private static final Set<String> CONDITION_KEYS = Set.of("in", "regex");
    private static final Set<String> MANUAL_KEYS = Set.of("prompt", "paths", "added-lines");
    private static final Set<String> IMPORT_KEYS = Set.of("tool", "rule", "message", "item");

    private final Catalog catalog;
    private final kb.review.analysis.Models models;
    private final List<String> errors = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<ManualTrigger> triggers = new ArrayList<>();
    private final List<ImportMapping> imports = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    RuleLoader(Catalog catalog, kb.review.analysis.Models models) {
        this.catalog = catalog;
        this.models = models;
    }

    RuleBook finish() throws RuleFileException {
        if (!errors.isEmpty()) {
            throw new RuleFileException(errors);
        }
        return new RuleBook(rules, triggers, imports, catalog, models);
    }

    /** Reads one file; {@code name} is its path for messages, {@code stem} its file name without extension. */
    void read(String name, String stem, String text) {
        YamlTree y = new YamlTree();
        Node root = y.parse(text);
        if (root != null) {
            Map<String, Node> top = y.mapping(root, "a rule file", FILE_KEYS);
            if (top != null) {
                readFile(y, name, stem, root, top);
            }
        }
        for (Problem p : y.problems()) {
            errors.add(p.format(name));
        }
    }

    private void readFile(YamlTree y, String name, String stem, Node root, Map<String, Node> top) {
        if (top.containsKey("imports")) {
            for (Node n : y.sequence(top, "imports")) {
                readImport(y, name, n);
            }
            if (top.containsKey("item") || top.containsKey("rules") || top.containsKey("manual")) {
                y.error(root, "an imports file holds only 'imports'");
            }
            return;
        }
        String item = y.string(top, "item", root, true);
        if (item == null) {
            return;
        }
        if (!ITEM_ID.matcher(item).matches()) {
            y.error(top.get("item"), "'item' must look like RES-01, got '" + item + "'");
        } else if (!item.equals(stem)) {
            y.error(top.get("item"), "the file for item " + item + " must be named " + item + ".yaml");
        }
        if (!catalog.items().isEmpty() && catalog.item(item).isEmpty()) {
            y.error(top.get("item"), "unknown checklist item " + item + " (no content/checklist/" + item + ".md)");
        }
        for (Node n : y.sequence(top, "rules")) {
            readRule(y, name, item, n);
        }
        if (top.containsKey("manual")) {
            readManual(y, name, item, top.get("manual"));
        }
    }

    private void readRule(YamlTree y, String file, String item, Node node) {
        Map<String, Node> m = y.mapping(node, "a rule", RULE_KEYS);
        if (m == null) {
            return;
        }
        int before = y.problems().size();
        String id = y.string(m, "id", node, true);
        if (id != null && !RULE_ID.matcher(id).matches()) {
            y.error(m.get("id"), "rule id '" + id + "' must be lower-case letters, digits and dashes");
        } else if (id != null && !ids.add(id)) {
            y.error(m.get("id"), "rule id '" + id + "' is defined twice");
        }
        String message = y.string(m, "message", node, true);
        Set<Language> languages = languages(y, m, node);
        Severity severity = severity(y, m, item, node);
        List<Glob> paths = y.strings(m, "paths").stream().map(Glob::of).toList();
        List<Glob> exclude = y.strings(m, "exclude").stream()
                .flatMap(g -> g.equals(EXAMPLE_PROGRAMS) ? EXAMPLE_PROGRAM_GLOBS.stream()
                        : g.equals(ToolingPaths.NAME) ? ToolingPaths.GLOBS.stream() : java.util.stream.Stream.of(g))
                .map(Glob::of).toList();
        int kinds = (m.containsKey("regex") ? 1 : 0) + (m.containsKey("tree-sitter") ? 1 : 0)
                + (m.containsKey("visitor") ? 1 : 0) + (m.containsKey("analysis") ? 1 : 0);
        if (kinds != 1) {
            y.error(node, "a rule needs exactly one of 'regex', 'tree-sitter', 'visitor' or 'analysis'");
            return;
        }
        Rule.Matcher matcher = matcher(y, m, node, languages);
        Rule.Context context = context(y, m, matcher);
        if (y.problems().size() == before && matcher != null) {
            rules.add(new Rule(id, item, languages, severity, message, context, paths, exclude, matcher,
                    file + ":" + YamlTree.line(node)));
        }
    }

    private Set<Language> languages(YamlTree y, Map<String, Node> m, Node node) {
        Set<Language> out = EnumSet.noneOf(Language.class);
        List<String> names = y.strings(m, "languages");
        if (names.isEmpty()) {
            y.error(node, "missing required key 'languages' (go, java)");
        }
        for (String l : names) {
            switch (l.toLowerCase(Locale.ROOT)) {
                case "go" -> out.add(Language.GO);
                case "java" -> out.add(Language.JAVA);
                default -> y.error(m.get("languages"), "unknown language '" + l + "'; use go or java");
            }
        }
        return out;
    }

    private Severity severity(YamlTree y, Map<String, Node> m, String item, Node node) {
        String s = y.string(m, "severity", node, false);
        if (s != null) {
            try {
                return Severity.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                y.error(m.get("severity"), "severity must be blocker, warning or advice, got '" + s + "'");
                return null;
            }
        }
        Severity inherited = catalog.item(item).map(Catalog.Item::severity).orElse(null);
        if (inherited == null) {
            y.error(node, "no 'severity' and checklist item " + item + " gives none to inherit");
        }
        return inherited;
    }

    private Rule.Matcher matcher(YamlTree y, Map<String, Node> m, Node node, Set<Language> languages) {
        if (m.containsKey("analysis")) {
            return analysis(y, m, node, languages);
        }
        if (m.containsKey("resources")) {
            y.error(m.get("resources"), "'resources' is only for analysis rules");
        }
        if (m.containsKey("visitor")) {
            String name = y.string(m, "visitor", node, true);
            if (name != null && !Rule.VisitorMatcher.NAMES.contains(name)) {
                y.error(m.get("visitor"), "unknown visitor '" + name + "'; known: " + Rule.VisitorMatcher.NAMES);
            }
            if (!languages.equals(EnumSet.of(Language.JAVA))) {
                y.error(node, "visitor rules are for java only");
            }
            return new Rule.VisitorMatcher(name);
        }
        if (m.containsKey("regex")) {
            Pattern p = RulePatterns.compile(y, m.get("regex"), y.string(m, "regex", node, true), Set.of());
            Set<String> where = Set.of("line", "file", Rule.RegexMatcher.COMMENT_ABOVE,
                    Rule.RegexMatcher.LINES_BELOW, Rule.RegexMatcher.LINE_AND_BELOW, Rule.RegexMatcher.CALLEE_RESULTS,
                    Rule.RegexMatcher.UNCHANGED_CODE, Rule.RegexMatcher.EXECUTOR_WORK, Rule.RegexMatcher.DISCARD,
                    Rule.RegexMatcher.BRANCH_LINES_BELOW, Rule.RegexMatcher.REPLACED_LINES,
                    Rule.RegexMatcher.LOOP_EXIT, Rule.RegexMatcher.REMOVED_LINES);
            List<Rule.Condition> require = conditions(y, m, "require", where, Set.of());
            List<Rule.Condition> reject = conditions(y, m, "reject", where, Set.of());
            for (String k : List.of("report", "report-at", "inside", "outside")) {
                if (m.containsKey(k)) {
                    y.error(m.get(k), "'" + k + "' is only for tree-sitter rules");
                }
            }
            return p == null ? null : new Rule.RegexMatcher(p, require, reject);
        }
        return query(y, m, node, languages);
    }

    /** An {@code analysis: resource-lifecycle} rule: every resource it names must exist in the models. */
    private Rule.Matcher analysis(YamlTree y, Map<String, Node> m, Node node, Set<Language> languages) {
        String name = y.string(m, "analysis", node, true);
        if (name == null) {
            return null;
        }
        Set<Language> allowed = Rule.AnalysisMatcher.ANALYSES.get(name);
        if (allowed == null) {
            y.error(m.get("analysis"), "unknown analysis '" + name + "'; known: "
                    + Rule.AnalysisMatcher.ANALYSES.keySet().stream().sorted().toList());
            return null;
        }
        if (!allowed.containsAll(languages)) {
            y.error(m.get("languages"), "analysis '" + name + "' is for " + allowed.stream().map(Language::key)
                    .sorted().toList());
        }
        List<String> resources = y.strings(m, "resources");
        boolean timeouts = name.equals(Rule.AnalysisMatcher.NEEDS_TIMEOUT);
        boolean once = name.equals(Rule.AnalysisMatcher.BUILT_PER_CALL);
        boolean errors = name.equals(Rule.AnalysisMatcher.ERROR_TO_BLANK)
                || name.equals(Rule.AnalysisMatcher.ERROR_UNCHECKED);
        boolean variants = name.equals(Rule.AnalysisMatcher.CONTEXT_DROPPED);
        if (!name.equals(Rule.AnalysisMatcher.RESOURCE_LIFECYCLE) && !timeouts && !once && !errors && !variants) {
            if (!resources.isEmpty()) {
                y.error(m.get("resources"), "'resources' is only for resource-lifecycle, needs-timeout and"
                        + " built-per-call rules");
            }
            return new Rule.AnalysisMatcher(name, Set.of());
        }
        if (resources.isEmpty()) {
            y.error(node, "an analysis rule lists the model 'resources' it reports (see rules/models)");
        }
        String section = timeouts ? "needs-timeout" : once ? "built-once" : errors ? "returns-error"
                : variants ? "context-variants" : "resources";
        List<String> named = (variants ? models.variants().stream().map(x -> x.language() + ":" + x.id())
                : errors ? models.errors().stream().map(x -> x.language() + ":" + x.id())
                : (timeouts || once ? (once ? models.pools() : models.timeouts()).stream()
                .map(x -> x.language() + ":" + x.id())
                : models.resources().stream().map(x -> x.language() + ":" + x.id()))).sorted().toList();
        for (String r : resources) {
            if (languages.stream().noneMatch(l -> named.contains(l.key() + ":" + r))) {
                y.error(m.get("resources"), "no " + section + " model '" + r + "' for " + languages.stream()
                        .map(Language::key).sorted().toList() + "; known: " + named);
            }
        }
        for (String k : List.of("report", "report-at", "inside", "outside", "require", "reject")) {
            if (m.containsKey(k)) {
                y.error(m.get(k), "'" + k + "' is not for analysis rules");
            }
        }
        return new Rule.AnalysisMatcher(name, Set.copyOf(resources));
    }

    private Rule.Matcher query(YamlTree y, Map<String, Node> m, Node node, Set<Language> languages) {
        String text = y.string(m, "tree-sitter", node, true);
        if (languages.size() != 1 || text == null) {
            y.error(node, "a tree-sitter rule names exactly one language");
            return null;
        }
        Language lang = languages.iterator().next();
        TSQuery q;
        try {
            q = new TSQuery(TreeSitter.grammar(lang), text);
        } catch (TSQueryException e) {
            int offset = RulePatterns.offsetIn(e.getMessage());
            int line = YamlTree.contentLine(m.get("tree-sitter")) + (int) text.substring(0, Math.min(offset,
                    text.length())).chars().filter(c -> c == '\n').count();
            y.problems().add(Problem.at(line, "invalid tree-sitter query: " + e.getMessage()));
            return null;
        }
        Set<String> captures = new HashSet<>();
        for (int i = 0; i < q.getCaptureCount(); i++) {
            captures.add(q.getCaptureNameForId(i));
        }
        String report = m.containsKey("report") ? y.string(m, "report", node, true) : "report";
        if (report != null && !captures.contains(report)) {
            y.error(m.containsKey("report") ? m.get("report") : m.get("tree-sitter"),
                    "the query has no capture @" + report + " to report at; captures: " + captures);
        }
        Set<String> where = new HashSet<>(captures);
        where.addAll(Set.of("line", "scope", "file", Rule.RegexMatcher.REPLACED_LINES));
        String reportAt = m.containsKey("report-at") ? y.string(m, "report-at", node, true) : null;
        if (reportAt != null && !reportAt.matches("[a-z_]+")) {
            y.error(m.get("report-at"), "report-at must name a syntax node type (lower-case letters and '_', such as "
                    + "go_statement), got '" + reportAt + "'");
            reportAt = null;
        }
        return new Rule.QueryMatcher(lang, text, q, report, y.strings(m, "inside"), y.strings(m, "outside"),
                conditions(y, m, "require", where, captures), conditions(y, m, "reject", where, captures), reportAt);
    }

    private List<Rule.Condition> conditions(YamlTree y, Map<String, Node> m, String key, Set<String> where,
                                            Set<String> captures) {
        List<Rule.Condition> out = new ArrayList<>();
        for (Node n : y.sequence(m, key)) {
            Map<String, Node> c = y.mapping(n, "a '" + key + "' condition", CONDITION_KEYS);
            if (c == null) {
                continue;
            }
            String in = y.string(c, "in", n, true);
            String regex = y.string(c, "regex", n, true);
            boolean ancestor = in != null && where.contains("scope") && in.startsWith(Rule.QueryMatcher.ANCESTOR)
                    && in.length() > Rule.QueryMatcher.ANCESTOR.length();
            boolean helpers = in != null && where.contains("scope") && java.util.stream.Stream.of(
                    Rule.QueryMatcher.HELPERS, Rule.QueryMatcher.UNSEEN, Rule.QueryMatcher.TASK,
                    Rule.QueryMatcher.BETWEEN, Rule.QueryMatcher.RESULTS, Rule.QueryMatcher.GUARDS,
                    Rule.QueryMatcher.ORIGIN, Rule.QueryMatcher.DIGITS)
                    .anyMatch(prefix -> in.startsWith(prefix) && captures.contains(in.substring(prefix.length())));
            if (in != null && !where.contains(in) && !ancestor && !helpers) {
                y.error(c.get("in"), "'in: " + in + "' must be one of " + new java.util.TreeSet<>(where)
                        + (where.contains("scope") ? ", ancestor:NODE_TYPE, helpers:CAPTURE, unseen:CAPTURE, task:CAPTURE, between:CAPTURE, guards:CAPTURE or origin:CAPTURE"
                        : ""));
            }
            if (regex != null && RulePatterns.compile(y, c.get("regex"), regex, captures) != null && in != null) {
                out.add(new Rule.Condition(in, regex));
            }
        }
        return out;
    }

    private static Rule.Context context(YamlTree y, Map<String, Node> m, Rule.Matcher matcher) {
        String explicit = m.containsKey("context") ? y.string(m, "context", m.get("context"), true) : null;
        if (explicit != null) {
            try {
                return Rule.Context.valueOf(explicit.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                y.error(m.get("context"), "context must be line, function or file, got '" + explicit + "'");
            }
        }
        if (matcher instanceof Rule.VisitorMatcher || matcher instanceof Rule.AnalysisMatcher) {
            return Rule.Context.FUNCTION;
        }
        List<Rule.Condition> reject = matcher instanceof Rule.RegexMatcher r ? r.reject()
                : matcher instanceof Rule.QueryMatcher q ? q.reject() : List.of();
        if (reject.stream().anyMatch(c -> c.in().equals("file"))) {
            return Rule.Context.FILE;
        }
        return reject.stream().anyMatch(c -> c.in().equals("scope")) ? Rule.Context.FUNCTION : Rule.Context.LINE;
    }

    private void readManual(YamlTree y, String file, String item, Node node) {
        Map<String, Node> m = y.mapping(node, "'manual'", MANUAL_KEYS);
        if (m == null) {
            return;
        }
        String prompt = y.string(m, "prompt", node, true);
        List<Glob> paths = y.strings(m, "paths").stream().map(Glob::of).toList();
        List<Pattern> lines = new ArrayList<>();
        for (String r : y.strings(m, "added-lines")) {
            // searched in one pass over all added lines joined by newlines, so ^ and $ mean a line's start and
            // end and \s must not run on into the next line
            if (RulePatterns.compile(y, m.get("added-lines"), r, Set.of()) != null) {
                lines.add(Pattern.compile(RulePatterns.singleLineSpaces(r), Pattern.MULTILINE));
            }
        }
        if (paths.isEmpty() && lines.isEmpty()) {
            y.error(node, "'manual' needs 'paths' or 'added-lines' to know when to ask");
        }
        if (prompt != null) {
            triggers.add(new ManualTrigger(item, prompt, paths, lines, file + ":" + YamlTree.line(node)));
        }
    }

    private void readImport(YamlTree y, String file, Node node) {
        Map<String, Node> m = y.mapping(node, "an import mapping", IMPORT_KEYS);
        if (m == null) {
            return;
        }
        String tool = y.string(m, "tool", node, true);
        String rule = y.string(m, "rule", node, true);
        String message = y.string(m, "message", node, false);
        String item = y.string(m, "item", node, true);
        if (item != null && !catalog.items().isEmpty() && catalog.item(item).isEmpty()) {
            y.error(m.get("item"), "unknown checklist item " + item);
        }
        Pattern t = RulePatterns.insensitive(y, m.get("tool"), tool);
        Pattern r = RulePatterns.insensitive(y, m.get("rule"), rule);
        Pattern msg = message == null ? null : RulePatterns.insensitive(y, m.get("message"), message);
        if (t != null && r != null && item != null && (message == null || msg != null)) {
            imports.add(new ImportMapping(t, r, msg, item, file + ":" + YamlTree.line(node)));
        }
    }

}
