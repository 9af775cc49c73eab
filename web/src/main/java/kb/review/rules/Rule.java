package kb.review.rules;

import kb.review.diff.Language;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;

/**
 * One detector as written in {@code content/rules/*.yaml}.
 *
 * @param item     the checklist item the rule enforces
 * @param context  how much code the rule needs to decide; see {@link Context}
 * @param source   {@code file:line} of the rule's definition, for error messages
 */
public record Rule(String id, String item, Set<Language> languages, Severity severity, String message,
                   Context context, List<Glob> paths, List<Glob> exclude, Matcher matcher, String source) {

    /** The code a rule must see to be sure; in paste mode less than this makes a finding low-confidence. */
    public enum Context {
        /** The matching line alone decides. */
        LINE,
        /** The enclosing function must be complete. */
        FUNCTION,
        /** The whole file must be present (fields, imports). */
        FILE
    }

    /** How a rule finds candidate code. */
    public sealed interface Matcher permits RegexMatcher, QueryMatcher, VisitorMatcher, AnalysisMatcher {
    }

    /** A regular expression tried on each line of code (comment lines excluded). */
    public record RegexMatcher(Pattern pattern, List<Condition> require, List<Condition> reject) implements Matcher {
        /** A condition's {@code in:} for the comment lines right above the matched line. */
        public static final String COMMENT_ABOVE = "comment-above";
        /** A condition's {@code in:} for the lines right below the matched line (what the code does next). */
        public static final String LINES_BELOW = "lines-below";
        /** The matched line itself, stripped, followed by {@link #LINES_BELOW}: a regex can relate the two. */
        public static final String LINE_AND_BELOW = "line-and-below";
        /**
         * {@link #LINES_BELOW} when the matched line is inside a branch or a nested block of its function, or is
         * followed by a return of an error built in place; empty when it is a statement of a top-level function's
         * own body followed by a return of an error variable (see {@code analysis/GoDiscardPaths}), a return reached
         * on success as well as on failure.
         */
        public static final String BRANCH_LINES_BELOW = "branch-lines-below";
        /**
         * Go: the declared results of the function the line calls (its first call, when that call is the rest of the
         * line), one line per declaration the review can see (in the change, beside it, or in the checkout), as
         * written ({@code error}, {@code (*Handler, error)}); {@code -} for a declaration without results. Empty when
         * the callee is not visible or is a method (a method's name alone does not tell which type's it is).
         */
        public static final String CALLEE_RESULTS = "callee-results";
        /**
         * The line a hunk removes whose code the matched line repeats, only its comments changed (a lint marker added
         * to an old line); empty when the line's code is new. A reject on it keeps a rule about new code to new code.
         */
        public static final String UNCHANGED_CODE = "unchanged-code";
        /**
         * Java: {@code one-loop-until-stopped} when the line makes a single-thread executor whose only work in the file
         * is one task looping until stopped (see {@code analysis/LoopOnlyExecutors}); empty otherwise.
         */
        public static final String EXECUTOR_WORK = "executor-work";
        /**
         * Go: for a {@code _ = call(...)} line, what the code in sight shows about the dropped error, one word a line
         * (see {@code analysis/GoDiscards}: a Prometheus collector registered, a registration in {@code init}, a
         * write of the HTTP response, a function documented as ignoring errors, a function value without an error
         * result); empty otherwise.
         */
        public static final String DISCARD = "discard";
        /**
         * The matched line, the lines its changed block removes, a line {@code --} and the block's other added lines
         * (see {@code engine/ReplacedLines}); empty when the line replaced nothing.
         */
        public static final String REPLACED_LINES = "replaced-lines";
        /** The lines the edit removed in the matched line's hunk, stripped, one a line (session 36). */
        public static final String REMOVED_LINES = "removed-lines";
        /**
         * Go: for a line that leaves a block ({@code return}, {@code break}), the way out it makes of the loop around it
         * (see {@code engine/GoLoopExits}): the blocks that enclose it as the diff shows them, innermost first, how many
         * more the hunk cuts off above, the function, the lines of it in sight above the exit and the lines the edit
         * removed around it; empty when the line stands in its function's own body.
         */
        public static final String LOOP_EXIT = "loop-exit";
    }

    /**
     * A tree-sitter query; {@code report} names the capture whose first line is reported. {@code inside} and
     * {@code outside} list node types of which some ancestor (below the enclosing function) must or must not be.
     * {@code reportAt}, when not null, moves the report up to the nearest ancestor of that node type, through function
     * literals but not past a declared function: a loop in a goroutine's body is reported at its {@code go} line,
     * where a reader (and the checklist's line convention) looks for the goroutine's defects. A {@code go_statement}
     * whose literal recovers (a {@code recover()} or a deferred helper named for it) is not a move target: it has no
     * defect of its own, and the report stays on the reported capture's line.
     */
    public record QueryMatcher(Language language, String text, org.treesitter.TSQuery query, String report,
                               List<String> inside,
                               List<String> outside, List<Condition> require, List<Condition> reject,
                               String reportAt)
            implements Matcher {
        /** Prefix of an {@code in:} that names an ancestor node type's text instead of a capture. */
        public static final String ANCESTOR = "ancestor:";
        /** A condition's {@code in:} prefix: a capture's text followed by the bodies of the file's methods it calls. */
        public static final String HELPERS = "helpers:";
        /**
         * A condition's {@code in:} prefix: the calls in a capture whose code the review cannot see (not in this file,
         * the change or the checkout), one a line as written with their arguments; a rule may then go by the name.
         */
        public static final String UNSEEN = "unseen:";
        /**
         * A condition's {@code in:} prefix for a call capture: {@code catches-all} when the task it is handed (its
         * first argument: a lambda, an anonymous Runnable or Callable, a method reference) only calls a visible method
         * whose body catches Exception or Throwable; else empty.
         */
        public static final String TASK = "task:";
        /**
         * A condition's {@code in:} prefix: the source between the end of a capture and the start of the reported
         * node (the statements, comments and blank lines that separate an acquisition from a later sibling).
         */
        public static final String BETWEEN = "between:";
        /**
         * Prefix of a condition's {@code in:} (Go): the declared results of the function the capture's statement calls
         * first, as the {@code callee-results} condition of regex rules gives them (package functions only).
         */
        public static final String RESULTS = "results:";
        /**
         * A condition's {@code in:} prefix: the conditions that hold wherever the capture runs in its function, one
         * conjunct a line (enclosing ifs, negated early exits before it, if lines shown above a broken fragment);
         * see {@code LevelGuards}.
         */
        public static final String GUARDS = "guards:";
        /**
         * A condition's {@code in:} prefix (Go) for a range loop's collection: the program-bounded origin of the
         * collection ({@code behaviour}, {@code fixed} or {@code configured}), else empty; the loop's element is
         * the capture {@code item} and the launch the reported node (see {@code GoRangeOrigins}).
         */
        public static final String ORIGIN = "origin:";
        /**
         * A condition's {@code in:} prefix (Go) for a conversion statement: {@code digits} when its text is a match of
         * a visible digits-only regular expression or group (see {@code engine/DigitCaptures}), else empty.
         */
        public static final String DIGITS = "digits:";
    }

    /** A named JavaParser visitor (see {@code JavaVisitors}). */
    public record VisitorMatcher(String name) implements Matcher {
        /** The visitors the engine has; the engine checks at start that it implements exactly these. */
        public static final Set<String> NAMES = Set.of("closeable-outside-try-with-resources",
                "jdbc-transaction-not-ended", "threadlocal-without-finally-remove", "formatter-field-shared-by-tasks",
                "conditional-update-count-ignored", "plain-collection-of-shared-object", "static-cache-plain-map",
                "lazy-singleton-unsynchronized", "timeout-parameter-never-read",
                "counter-of-shared-object", "thread-state-cleared-off-path", "loop-flag-not-volatile");
    }

    /**
     * A program analysis over the control-flow graph; {@code resources} are ids of the library models
     * ({@code content/rules/models}) whose leaks the rule reports.
     */
    public record AnalysisMatcher(String analysis, Set<String> resources) implements Matcher {
        /** A value the models say must be released reaches an exit unreleased on some path. */
        public static final String RESOURCE_LIFECYCLE = "resource-lifecycle";
        /** A goroutine whose function (literal or visible named function) cannot recover from a panic. */
        public static final String GOROUTINE_RECOVER = "goroutine-recover";
        /** A periodic Java task whose code (lambda, Runnable, or visible referenced method) does not catch all. */
        public static final String TASK_CATCHES_ALL = "task-catches-all";
        /** A call the models name as logging inside a loop body. */
        public static final String LOG_IN_LOOP = "log-in-loop";
        /** (session 35) A debug or trace line raised to info or warn on a per-call path: {@code RaisedLogLevels}. */
        public static final String LOG_LEVEL_RAISED = "log-level-raised";
        /** (session 36) An added info line in a function whose role runs it per event or poll: {@code PerUnitLogs}. */
        public static final String LOG_PER_UNIT = "log-per-unit";
        /** (session 42) A failure branch that only logs in a loop run until stopped: {@code SpinningFailureLogs}. */
        public static final String LOG_FAILURE_SPIN = "log-failure-spin";
        /** (session 48) A Go log line rewritten through a wider logger than it had: {@code WidenedLoggers}. */
        public static final String LOG_LOGGER_WIDENED = "log-logger-widened";
        /** A Go defer that can run again before the function returns: it lies on a cycle of the graph. */
        public static final String DEFER_IN_LOOP = "defer-in-loop";
        /**
         * A client, server, connection or statement the models say needs a timeout is built without one and is used,
         * returned or stored without one being set ({@code resources} names the models' needs-timeout entries).
         */
        public static final String NEEDS_TIMEOUT = "needs-timeout";
        /**
         * A client or pool the models say is built once ({@code built-once:}) is built on a per-call path: not in
         * main/init/a constructor/a provider, not under sync.Once or a static or field initialiser, and neither
         * stored in a field nor returned.
         */
        public static final String BUILT_PER_CALL = "built-per-call";
        /** A Go call the models say returns an error (or a helper of the file making one) assigns it to _. */
        public static final String ERROR_TO_BLANK = "error-to-blank";
        /** The same call made as a statement, its results (and so its error) dropped; defer and go are not. */
        public static final String ERROR_UNCHECKED = "error-unchecked";
        /**
         * (session 46) A Go call's last result, its error by the callee's declaration or Go's convention, put in
         * {@code _} beside a kept value: {@code GoBlankErrors}.
         */
        public static final String ERROR_BLANK_KEPT = "error-blank-value-kept";
        /**
         * A Go function given the caller's context makes a downstream call that starts a fresh one or takes none; a
         * Java method given a deadline or timeout makes a call that waits without a bound.
         */
        public static final String CONTEXT_DROPPED = "context-dropped";
        /** A Go map field written by a method that takes no lock while another method of its type locks around it. */
        public static final String GUARDED_FIELD = "guarded-field-unlocked";
        /** A Go map field written by a goroutine the file starts while an exported method reads it, no lock on either. */
        public static final String GOROUTINE_MAP = "goroutine-map-read-elsewhere";
        /** A Go package-level map or slice written with no lock by a function that serves requests or a goroutine. */
        public static final String SHARED_PACKAGE_MAP = "package-map-written-concurrently";
        /** A Go error value a call gives that no statement reads before it is overwritten or dies (ineffassign). */
        public static final String UNREAD_ERROR = "error-never-read";
        /** A Go error branch that only logs or zeroes values and falls through, in a function with an error result. */
        public static final String SWALLOWED_ERROR = "error-branch-swallowed";
        /** A Go error branch that answers the failure with a zero value and a nil error (`return false, nil`). */
        public static final String ERROR_AS_ANSWER = "error-answered-as-value";
        /** A Go failure only logged, after which the code reads through the value the failed call produced. */
        public static final String LOGGED_FAILURE_USED = "error-logged-value-used";
        /** A Java resource the change takes out of the try-with-resources that closed it, closed nowhere in view. */
        public static final String TRY_DISMANTLED = "try-resource-dismantled";
        /** Shared state the old code wrote under a lock the change removes, written with no lock after it (s36). */
        public static final String LOCK_REMOVED = "lock-removed-write";
        /** A Java method or block whose synchronized the change takes off while it still uses shared state (s50). */
        public static final String MONITOR_DROPPED = "monitor-dropped-use";
        /** A release an edit leaves on one branch: an exit added above it, or its block's guard narrowed (res36). */
        public static final String RELEASE_SKIPPED = "release-skipped-by-edit";
        /** Every analysis name, with the languages it applies to. */
        public static final java.util.Map<String, Set<Language>> ANALYSES = java.util.stream.Stream.of(
                java.util.Map.of(
                RESOURCE_LIFECYCLE, Set.of(Language.GO, Language.JAVA),
                NEEDS_TIMEOUT, Set.of(Language.GO, Language.JAVA),
                BUILT_PER_CALL, Set.of(Language.GO, Language.JAVA),
                ERROR_TO_BLANK, Set.of(Language.GO),
                ERROR_UNCHECKED, Set.of(Language.GO),
                CONTEXT_DROPPED, Set.of(Language.GO, Language.JAVA),
                GOROUTINE_RECOVER, Set.of(Language.GO),
                TASK_CATCHES_ALL, Set.of(Language.JAVA),
                LOG_IN_LOOP, Set.of(Language.GO, Language.JAVA),
                DEFER_IN_LOOP, Set.of(Language.GO)),
                // Map.of takes ten pairs: later analyses join here, one entry per line (no limit, easy merges)
                java.util.Map.ofEntries(
                        java.util.Map.entry(GUARDED_FIELD, Set.of(Language.GO)),
                        java.util.Map.entry(SHARED_PACKAGE_MAP, Set.of(Language.GO)),
                        java.util.Map.entry(UNREAD_ERROR, Set.of(Language.GO)),
                        java.util.Map.entry(SWALLOWED_ERROR, Set.of(Language.GO)),
                        java.util.Map.entry(ERROR_BLANK_KEPT, Set.of(Language.GO)),
                        java.util.Map.entry(ERROR_AS_ANSWER, Set.of(Language.GO)),
                        java.util.Map.entry(LOGGED_FAILURE_USED, Set.of(Language.GO)),
                        java.util.Map.entry(GOROUTINE_MAP, Set.of(Language.GO)),
                        java.util.Map.entry(LOG_LEVEL_RAISED, Set.of(Language.GO, Language.JAVA)),
                        java.util.Map.entry(LOG_PER_UNIT, Set.of(Language.GO, Language.JAVA)),
                        java.util.Map.entry(LOG_FAILURE_SPIN, Set.of(Language.GO, Language.JAVA)),
                        java.util.Map.entry(LOG_LOGGER_WIDENED, Set.of(Language.GO)),
                        java.util.Map.entry(TRY_DISMANTLED, Set.of(Language.JAVA)),
                        java.util.Map.entry(LOCK_REMOVED, Set.of(Language.GO, Language.JAVA)),
                        java.util.Map.entry(MONITOR_DROPPED, Set.of(Language.JAVA)),
                        java.util.Map.entry(RELEASE_SKIPPED, Set.of(Language.GO, Language.JAVA))))
                .flatMap(m -> m.entrySet().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue));
    }

    /**
     * A regular expression that must (require) or must not (reject) be found in some text around a match.
     *
     * @param in    a capture name, {@code line} (the reported line), {@code scope} (the enclosing function),
     *              {@code file}, {@code ancestor:NODE_TYPE}, {@code helpers:CAPTURE} (the capture and the bodies of
     *              the functions it calls that the review can see), {@code unseen:CAPTURE}, {@code task:CAPTURE} or
     *              {@code between:CAPTURE} (see {@link QueryMatcher#UNSEEN}, {@link QueryMatcher#TASK},
     *              {@link QueryMatcher#BETWEEN})
     * @param regex may hold {@code {capture}} placeholders, replaced by the quoted text of that capture
     */
    public record Condition(String in, String regex) {

        /** A {@code {capture}} placeholder in {@link #regex}: the loader checks its names, the detector expands them. */
        public static final java.util.regex.Pattern PLACEHOLDER =
                java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)}");
    }

    public boolean appliesTo(String path) {
        return appliesTo(path, new java.util.HashMap<>());
    }

    /**
     * {@link #appliesTo(String)} with each glob's answer for {@code path} kept in {@code seen} (by the glob's text; one
     * map per path): the rules of a book mostly exclude the same few dozen folders, asked once per file, not per rule.
     */
    public boolean appliesTo(String path, java.util.Map<String, Boolean> seen) {
        if (!languages.contains(Language.of(path))) {
            return false;
        }
        if (!paths.isEmpty() && paths.stream().noneMatch(g -> seen.computeIfAbsent(g.text(), t -> g.matches(path)))) {
            return false;
        }
        for (Glob g : exclude) {
            if (seen.computeIfAbsent(g.text(), t -> g.matches(path))) {
                return false;
            }
        }
        return true;
    }
}
