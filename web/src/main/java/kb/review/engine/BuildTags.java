package kb.review.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Go files that only a test build compiles, told by their build constraint ({@code //go:build ...} above the package
 * clause): the constraint cannot hold unless a tag that names a test build is set ({@code integration}, {@code e2e},
 * {@code functional}, {@code acceptance}, a compatibility or conformance suite's tag such as {@code agentcompat}).
 * Such a file is a hook or a fixture of that test build, compiled into no binary that ships: set 20's AB, nezha's
 * {@code *_agentcompat.go} files that the agent-compatibility runner builds into its own dashboard. A file compiled
 * when the tag is absent ({@code //go:build !agentcompat}, {@code linux || e2e}) is the product's and stays reviewed,
 * as does one whose tags name platforms or features only ({@code linux && cgo}, {@code enterprise}).
 */
final class BuildTags {

    private static final Pattern BUILD_LINE = Pattern.compile("^//go:build\\s+(.+)$");
    private static final Pattern OLD_BUILD_LINE = Pattern.compile("^//\\s*\\+build\\s+(.+)$");
    /** A tag named for a test build. */
    private static final Pattern TEST_TAG = Pattern.compile(
            "(?i)\\w*(?:test|e2e|integration|conformance|compat|acceptance|functional|smoke)\\w*");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\|\\||&&|!|\\(|\\)|[\\w.]+)");
    /** More free tags than this and the constraint is not solved (none in practice has more than four). */
    private static final int MAX_FREE = 8;

    private BuildTags() {
    }

    /** True when the file's build constraint needs a test build's tag (see above). */
    static boolean onlyInTestBuilds(SourceFile file) {
        String constraint = constraint(file);
        return constraint != null && needsTestTag(constraint);
    }

    /** The file's {@code //go:build} expression, or its {@code // +build} lines joined, read above the package clause. */
    private static String constraint(SourceFile file) {
        List<String> old = new ArrayList<>();
        for (int n = 1; n <= Math.min(file.lineCount(), 40); n++) {
            if (!file.known(n)) {
                return null;
            }
            String line = file.written(n).strip();
            if (line.startsWith("package ")) {
                break;
            }
            Matcher m = BUILD_LINE.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
            Matcher o = OLD_BUILD_LINE.matcher(line);
            if (o.matches()) {
                // a line's space-separated options are or-ed, its comma-joined terms and-ed; lines are and-ed
                List<String> options = new ArrayList<>();
                for (String option : o.group(1).trim().split("\\s+")) {
                    options.add("(" + option.replace(",", " && ") + ")");
                }
                old.add("(" + String.join(" || ", options) + ")");
            }
        }
        return old.isEmpty() ? null : String.join(" && ", old);
    }

    /**
     * True when the expression is false under every setting of its other tags once the test tags are unset, and
     * there is at least one test tag in it.
     */
    static boolean needsTestTag(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length() && t.find(at) && t.start() == at) {
            tokens.add(t.group(1));
            at = t.end();
        }
        if (expression.substring(at).strip().length() > 0) {
            return false; // not a constraint this reads
        }
        Set<String> free = new LinkedHashSet<>();
        boolean anyTest = false;
        for (String token : tokens) {
            if (Character.isLetterOrDigit(token.charAt(0)) || token.charAt(0) == '_') {
                if (TEST_TAG.matcher(token).matches()) {
                    anyTest = true;
                } else {
                    free.add(token);
                }
            }
        }
        if (!anyTest || free.size() > MAX_FREE) {
            return false;
        }
        List<String> names = new ArrayList<>(free);
        for (int bits = 0; bits < 1 << names.size(); bits++) {
            Map<String, Boolean> set = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                set.put(names.get(i), (bits >> i & 1) == 1);
            }
            Boolean value = new Eval(tokens, set).expression();
            if (value == null || value) {
                return false; // unreadable, or compiled without any test tag
            }
        }
        return true;
    }

    /** A recursive-descent reading of {@code ||}, {@code &&}, {@code !} and parentheses; null when malformed. */
    private static final class Eval {
        private final List<String> tokens;
        private final Map<String, Boolean> set;
        private int at;

        Eval(List<String> tokens, Map<String, Boolean> set) {
            this.tokens = tokens;
            this.set = set;
        }

        Boolean expression() {
            Boolean v = or();
            return at == tokens.size() ? v : null;
        }

        private Boolean or() {
            Boolean v = and();
            while (v != null && at < tokens.size() && tokens.get(at).equals("||")) {
                at++;
                Boolean w = and();
                v = w == null ? null : v || w;
            }
            return v;
        }

        private Boolean and() {
            Boolean v = not();
            while (v != null && at < tokens.size() && tokens.get(at).equals("&&")) {
                at++;
                Boolean w = not();
                v = w == null ? null : v && w;
            }
            return v;
        }

        private Boolean not() {
            if (at < tokens.size() && tokens.get(at).equals("!")) {
                at++;
                Boolean v = not();
                return v == null ? null : !v;
            }
            return atom();
        }

        private Boolean atom() {
            if (at >= tokens.size()) {
                return null;
            }
            String token = tokens.get(at++);
            if (token.equals("(")) {
                Boolean v = or();
                if (at >= tokens.size() || !tokens.get(at).equals(")")) {
                    return null;
                }
                at++;
                return v;
            }
            if (token.equals(")") || token.equals("||") || token.equals("&&")) {
                return null;
            }
            return set.getOrDefault(token, false);
        }
    }
}
