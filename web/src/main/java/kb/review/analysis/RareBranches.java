package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The branches of a loop body that do not run on every iteration where services run: the failure path of one item
 * (a catch, the error branch of an if, the else of a success test) and the then of a debug- or trace-level test. A
 * log call there is not the per-iteration logging {@link LoopLogs#logsInLoops} reports. Apart from the loop walk
 * because these are tables of words and condition readings, grown one idiom at a time.
 */
final class RareBranches {

    private RareBranches() {
    }

    /** Words of an identifier that name an error or a failure ({@code err}, {@code readErr}, {@code isFailed}). */
    private static final Set<String> FAILURE_WORDS = Set.of("err", "errs", "error", "errors", "fail", "fails",
            "failed", "failure", "failures", "exception", "exceptions", "throwable");
    /** Words of a test that passes on success ({@code r.passed()}, {@code isSuccessful}): its else is the failure. */
    private static final Set<String> SUCCESS_WORDS = Set.of("passed", "success", "successful", "succeeded");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CAMEL = Pattern.compile("_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern EQUALS_NIL = Pattern.compile("==\\s*nil\\b");

    /**
     * A level test for debug or trace output: slf4j/log4j/commons {@code isDebugEnabled}, JUL, logr and glog
     * {@code V(n)}, zap, and a Go logging package's own {@code log.DebugEnabled()}.
     */
    private static final Pattern DEBUG_GUARD = Pattern.compile("\\bis(Trace|Debug|Fine|Finer|Finest)Enabled\\s*\\("
            + "|\\bisLoggable\\s*\\(\\s*(?:[\\w.]*\\.)?(FINE|FINER|FINEST|DEBUG|TRACE)\\b|\\bV\\(\\s*[1-9]\\d*\\s*\\)"
            + "|\\bEnabled\\s*\\([^)]*(Debug|Trace)|\\b(Debug|Trace)Enabled\\s*\\(\\s*\\)");

    /** True when {@code child} is in the then-branch of an if that tests for a debug or trace level. */
    static boolean underDebugGuard(SyntaxNode p, SyntaxNode child, byte[] src) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()) {
            return false;
        }
        String test = unparenthesized(text(src, cond));
        return (DEBUG_GUARD.matcher(test).find() || hoistedGuard(test, p, src) || debugSwitch(test, p, src))
                && !test.startsWith("!")
                && then.getStartByte() <= child.getStartByte() && child.getEndByte() <= then.getEndByte();
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");

    private static boolean assignedAbove(String name, SyntaxNode p, byte[] src) {
        String before = new String(src, 0, p.getStartByte(), StandardCharsets.UTF_8);
        return Pattern.compile("\\b" + name + "\\s*:?=(?!=)").matcher(before).find();
    }
    /** A name or getter chain whose last part says debug or trace: {@code config().debugMode()}, {@code DEBUG}. */
    private static final Pattern SWITCH = Pattern.compile(
            "(?:[\\w$]+(?:\\(\\))?\\.)*[\\w$]*(?i:debug|trace)[\\w$]*(?:\\(\\))?");

    /**
     * True when a {@code &&} part of the test is the project's own debug switch ({@code if (settings.isDebug())},
     * {@code if (config().debugMode() && SPAWN_DEBUG)}): output meant for debugging, off where services run, which is
     * what LOG-01 asks of per-element detail. The same reading as LOG-02's guards. A local assigned in sight is read
     * by its value instead ({@link #hoistedGuard}): {@code boolean trace = journal.isVerbose()} tests no level.
     */
    private static boolean debugSwitch(String test, SyntaxNode p, byte[] src) {
        for (String part : test.split("&&")) {
            String t = unparenthesized(part);
            if (SWITCH.matcher(t).matches() && !(NAME.matcher(t).matches() && assignedAbove(t, p, src))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the test is a local whose last assignment above it is a level test ({@code boolean trace =
     * log.isDebugEnabled();} before the loop, {@code if (trace)} in it): the level is read once, as LOG-01 advises.
     */
    private static boolean hoistedGuard(String test, SyntaxNode p, byte[] src) {
        if (!NAME.matcher(test).matches()) {
            return false;
        }
        String before = new String(src, 0, p.getStartByte(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = Pattern.compile("\\b" + test + "\\s*:?=(?!=)([^;\\n]*)").matcher(before);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last != null && DEBUG_GUARD.matcher(last).find();
    }

    /**
     * True when {@code child} is the part of {@code p} that runs only on an error: a Java catch block (not one of
     * the item's bad data, {@link InputLoops#rejectsItems}, which a loop over input counts as a branch), the branch of
     * an {@code if} whose condition tests an error or failure ({@code err != nil}, {@code r.isError()},
     * {@code errors.Is(err, x)}), the else of a Go {@code err == nil} test, or the else of a success test
     * ({@code r.passed()}; the then branch of {@code !r.passed()}). A Go branch that is one item's outcome (counted,
     * or a rejected check of the item: {@link SkippedItems}) is not one for {@code log}, the call logged there.
     */
    static boolean onFailurePath(SyntaxNode p, SyntaxNode child, byte[] src, boolean go, SyntaxNode log) {
        if (p.getType().equals("catch_clause")) {
            return !InputLoops.rejectsItems(p, src); // a catch of bad data runs per item of a bad input
        }
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        if (cond == null || cond.isNull()) {
            return false;
        }
        String test = unparenthesized(text(src, cond));
        boolean failure = hasWord(test, FAILURE_WORDS) || ErrorValues.testsOne(test, p, src, go);
        if (!failure && !hasWord(test, SUCCESS_WORDS)) {
            return false;
        }
        // err != nil and !r.passed() fail in the then branch; err == nil and r.passed() in the else branch
        boolean elseFails = failure ? EQUALS_NIL.matcher(test).find() : !test.startsWith("!");
        SyntaxNode branch = p.getChildByFieldName(elseFails ? "alternative" : "consequence");
        return branch != null && !branch.isNull() && branch.getStartByte() <= child.getStartByte()
                && child.getEndByte() <= branch.getEndByte() && !(go && log != null && SkippedItems.perItem(p, branch, log, src));
    }

    private static boolean hasWord(String condition, Set<String> words) {
        var m = IDENTIFIER.matcher(condition);
        while (m.find()) {
            for (String word : CAMEL.split(m.group())) {
                if (words.contains(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A condition's text without its outer parentheses (a Java if holds them, a Go if does not). */
    private static String unparenthesized(String condition) {
        String test = condition.strip();
        while (test.startsWith("(") && test.endsWith(")")) {
            test = test.substring(1, test.length() - 1).strip();
        }
        return test;
    }
}
