package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.CodeText;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * An edit that takes away the limit around a log line in a loop and writes the line on every turn: a sampler's or rate
 * limiter's wrapper deleted ({@code progress.Do(func() { logger.Info(...) })} of {@code rate.Sometimes}, {@code if
 * limiter.Allow() {...}}, Guava's {@code if (limiter.tryAcquire())}, a counter sample {@code if (n % 1000 == 0)}, a
 * time check {@code if (now - lastLog > INTERVAL)}, a {@code once.Do}) with the line it held, and a line of the same
 * logger added in the same place without one. LOG-01 asks that repeated lines be "sampled or rate-limited"; the
 * deleted limit says the author knew the line repeats, and the loop around the new line (its header found above it by
 * indentation, in the hunk or an earlier hunk of the same function) says it now repeats once per turn. Reported at
 * the added line. Silent when the added lines bring a limit back, when the new line is outside the loop (a summary
 * after it), or when the deleted block held no line of that logger.
 */
final class RemovedLogLimits {

    static final String RULE = "log-limit-removed";

    /**
     * A once-only test ({@code if (warnDbFull) { warnDbFull = false; ... }}, {@code if !warned {}}, {@code
     * warnOnce.Do(func() {...})}) or a set of values
     * already reported ({@code if (WARNED_TYPES.add(type))}, {@code seen.LoadOrStore(k, true)}): the line is written
     * once, or once per distinct value, and deleting the test writes it every time.
     */
    private static final String ONCE = "\\bif\\s*\\(?\\s*!?\\s*[\\w.]*(?i:warn|logged|reported|notified|once)\\w*"
            + "\\s*\\)?\\s*\\{|\\bif\\s*\\(?\\s*!?\\s*[\\w.]*(?i:seen|warned|logged|reported|known|distinct)\\w*\\s*\\.\\s*add\\s*\\("
            + "|\\.LoadOrStore\\s*\\(|[\\w.]*(?i:once)\\w*\\.Do\\s*\\("
            // an atomic flag set on the first time ({@code if warned.CompareAndSwap(false, true) {}}, Java's
            // {@code compareAndSet(false, true)})
            + "|\\.(?:CompareAndSwap|compareAndSet)\\s*\\(\\s*false\\s*,\\s*true\\s*\\)"
            // (session 50, log50) any set's add as the whole test ({@code if (commandFailedBefore.add(type))}): Set.add
            // answers true only for a value not yet in the set, so the line is written once per value until the value
            // is removed (jaeger's RemoteReporter: once per failing command until it works again). Not negated: {@code
            // if (!seen.add(k))} picks the repeats
            + "|\\bif\\s*\\(\\s*(?:this\\.)?[a-z]\\w*\\.add\\s*\\([^()]*\\)\\s*\\)\\s*\\{"
            // (session 51, log51) a count whose first step is the test ({@code if (failures.merge(key, 1, Integer::sum)
            // == 1)}, {@code counter.incrementAndGet() == 1}, {@code getAndIncrement() == 0}, Go's {@code
            // atomic.AddInt64(&n, 1) == 1}, {@code n.Add(1) == 1}, {@code n++ == 0}): the line is written on the first
            // of a streak, until the count is reset (round 109's orko balance poll)
            + "|\\.merge\\s*\\([^;{]*,\\s*1\\s*,[^;{]*\\)\\s*==\\s*1\\b"
            + "|\\.(?:incrementAndGet|IncrementAndGet)\\s*\\(\\s*\\)\\s*==\\s*1\\b|\\.getAndIncrement\\s*\\(\\s*\\)\\s*==\\s*0\\b"
            + "|\\batomic\\.AddU?Int(?:32|64)\\s*\\([^()]*,\\s*1\\s*\\)\\s*==\\s*1\\b|\\.Add\\s*\\(\\s*1\\s*\\)\\s*==\\s*1\\b"
            + "|\\bif\\s*\\(?\\s*(?:\\+\\+\\s*[\\w.]+\\s*==\\s*1|[\\w.]+\\s*\\+\\+\\s*==\\s*0)\\b";
    /**
     * (session 52, log52) A filter of a turn's ordinary outcome: the test that keeps the expected answer of a poll, a
     * read or a call out of the log line it holds ({@code if !errors.Is(err, storage.NoMessage)}, {@code if err !=
     * io.EOF}, {@code if err != redis.Nil}, {@code if err != ErrNotFound}, Java's {@code if (!(e instanceof
     * TimeoutException))}). The ordinary outcome is what most turns give (an empty queue on an idle poll, the end of a
     * stream, a miss): deleting the filter and keeping the line writes it on most turns, not on the rare failure.
     */
    static final String ORDINARY_FILTER = "^\\s*(?:}\\s*else\\s+)?if\\b[^{]*(?:!\\s*errors\\.Is\\s*\\("
            + "|\\berr\\w*\\s*!=\\s*(?:[a-z]\\w*\\.)?(?:Err[A-Z]\\w*|EOF\\b|Nil\\b)"
            + "|!\\s*\\(\\s*\\w+\\s+instanceof\\b)[^{]*\\{\\s*$";
    /**
     * (session 52, log52) A level comparison around a line ({@code if s.LogLevel >= LogDebug}, {@code if (level <=
     * Level.TRACE)}): a verbosity switch the project keeps by hand; read with the old and new line's levels
     * ({@link #levelLifted}).
     */
    static final String LEVEL_COMPARE = "^\\s*if\\b[^{]*\\b\\w*(?i:level)\\w*\\s*(?:>=|<=|>|<|==)\\s*[\\w.]*(?i:debug|trace)"
            + "|^\\s*if\\b[^{]*[\\w.]*(?i:debug|trace)\\w*\\s*(?:>=|<=|>|<|==)\\s*[\\w.]*(?i:level)\\b";
    private static final Pattern LEVEL_COMPARED = Pattern.compile(LEVEL_COMPARE);
    /** A quiet level named anywhere in a call: an argument ({@code LogDebug}, {@code Level.FINE}) or the method. */
    private static final Pattern QUIET_WORD = Pattern.compile(
            "\\b\\w*(?:Debug|Trace|Verbose|DEBUG|TRACE|VERBOSE|FINEST|FINER|FINE)\\w*|\\b(?:debug|trace|verbose)\\w*");
    private static final String LIFTED = "The change takes this log line out of the level test around it and "
            + "writes it at a louder level: the test was there because the line runs on every call. Keep it at debug "
            + "under its test, or sample it.";
    private static final Pattern LIMIT = Pattern.compile(
            ORDINARY_FILTER + "|\\bSometimes\\b|\\.Do\\s*\\(\\s*func\\s*\\(\\s*\\)|\\.(?:Allow|AllowN|tryAcquire|acquirePermission)\\s*\\("
                    + "|(?i:sampl|throttl|ratelimit)\\w*\\s*[.(]|%\\s*[\\w.]+\\s*==\\s*0"
                    + "|\\btime\\.Since\\s*\\(|currentTimeMillis\\s*\\(\\s*\\)\\s*-|nanoTime\\s*\\(\\s*\\)\\s*-"
                    + "|" + CountCap.SOURCE + "|" + ONCE);

    /**
     * A cap on a count: {@code if (failed <= 5) {}}, {@code if warned < maxWarnings {}}. The first N occurrences are
     * logged; the counter named is the line's own tally (see {@link #countedBeside}).
     */
    private static final class CountCap {
        static final String SOURCE = "\\bif\\s*\\(?\\s*([A-Za-z_][\\w.]*)\\s*<=?\\s*(?:\\d+|[A-Z][A-Z0-9_]*|[\\w.]*(?i:max|limit)\\w*)\\s*\\)?\\s*\\{";
        static final Pattern PATTERN = Pattern.compile(SOURCE);
        /** A word that says a count or its cap is of lines written: {@code maxLoggedFailures}, {@code warnedCount}. */
        private static final String WRITTEN = "(?:(?i:logged|warned|warnings?|reported)|Logs?\\b|Log[A-Z_]|LOG_|Warn[A-Z])";
        /**
         * A cap that names what it counts as log lines ({@code if failures <= maxLoggedFailures}, {@code if
         * s.loggedRejects < s.cfg.maxLoggedRejects}): a repeat limit wherever the line is, unlike a bare
         * {@code if (rejected <= 10)}.
         */
        static final String LOGGING = "\\bif\\s*\\(?\\s*[A-Za-z_][\\w.]*\\s*<=?\\s*[\\w.]*" + WRITTEN + "\\w*\\s*\\)?\\s*\\{"
                + "|\\bif\\s*\\(?\\s*[\\w.]*" + WRITTEN + "[\\w.]*\\s*<=?\\s*(?:\\d+|[A-Z][A-Z0-9_]*|[\\w.]*(?i:max|limit)\\w*)"
                + "\\s*\\)?\\s*\\{";
    }
    /**
     * A limit that only a repeated line has, wherever the line is (see {@link #repeatLimitRemoved}). A cap on a count
     * is one only when it names log lines ({@link CountCap#LOGGING}); a bare one is a repeat limit in a loop, or when
     * the line's own tally is stepped beside it ({@link #countedBeside}): {@code if (rejected <= 10)} outside a loop
     * may test any number.
     */
    private static final Pattern REPEAT_LIMIT = Pattern.compile(
            "\\bSometimes\\b|\\.(?:Allow|AllowN|tryAcquire|acquirePermission)\\s*\\(|(?i:sampl|throttl|ratelimit)\\w*\\s*[.(]"
                    + "|%\\s*[\\w.]+\\s*==\\s*0|" + ONCE + "|" + CountCap.LOGGING);
    /**
     * A logger whose name says it drops repeats: hugo's {@code DistinctWarnLog}, a {@code rateLimitedLog}; or a
     * project's own helper whose name joins a log verb and the limit ({@code m.warnOnce(method, ...)}, {@code
     * logThrottled}, {@code errorSampled}, {@code warnRateLimited}), called in place of the logger.
     */
    private static final Pattern LIMITING_LOGGER = Pattern.compile(
            "(?i)(?:distinct|once|ratelimit|throttl|sampled|dedup)[\\w.]*\\.(?:print|warn|error|info|log|msg)\\w*$"
                    + "|(?:^|\\.)(?:log|warn|warning|error|info|debug|print|report)\\w*?"
                    + "(?:once|throttled|sampled|ratelimited|deduped|distinct)(?:per\\w*)?$");
    /** A limiting helper called as a statement: the deleted line that makes a change worth reading here. */
    private static final Pattern LIMITING_CALL = Pattern.compile(
            "(?i)^\\s*(?:[\\w.]+\\.)?(?:log|warn|warning|error|info|debug|print|report)\\w*?"
                    + "(?:once|throttled|sampled|ratelimited|deduped|distinct)(?:per\\w*)?\\s*\\(");
    /**
     * (session 50, log50) A limiting link of the logger's own chain: vmagent's {@code logger.WithThrottler("k", 5 *
     * time.Second)}, a {@code .Sampled(...)} or {@code .RateLimited(...)} logger. The same line through the chain
     * without it is written every time (round 96's vmagent retry warning).
     */
    private static final Pattern CHAIN_LIMIT = Pattern.compile(
            "\\.(?:With)?(?i:throttl|sampl|ratelimit)\\w*\\([^()]*\\)");
    /**
     * (session 50, log50) A verbosity switch: an if whose condition reads a verbose, debug or trace flag or a logging
     * option ({@code if s.isVerbose}, {@code if (config.getLogOptions().packets && ...)}, {@code if cfg.LogRequests}).
     * The author made the line opt-in because it is detail written on every call; an edit that takes the same line out
     * of it writes that detail on every call in every deployment (bigcache's collision line, lunarcore's packet line).
     * A tracer or a trace id ({@code if tracer != nil}, {@code if traceID != ""}) is not a switch.
     */
    private static final Pattern SWITCH = Pattern.compile(
            "^\\s*if\\b[^{]*?(?:(?i:verbos\\w*)|\\b(?:is|[a-z]+_?)?(?i:debug)(?:[A-Z_]\\w*)?\\b|(?i:\\bdebug\\w*)"
                    + "|\\b(?:is|[a-z]+_?)?(?i:trace)(?:Enabled|Mode|On|Log\\w*|_enabled|_mode)?\\b"
                    + "|(?i:log\\w*options?)\\b|\\b(?i:log(?:ging)?_?(?:enabled|requests?|packets?|messages?|traffic|all))\\b)"
                    + "[^{]*\\{\\s*$|" + LEVEL_COMPARE);
    /** A level test (slf4j's, JUL's, logr's): read by {@code RaisedLogLevels}, the level is the switch there. */
    private static final Pattern LEVEL_TEST = Pattern.compile(
            "\\b(?i:is\\w*Enabled|isLoggable|IsLevelEnabled|Enabled)\\s*\\(|\\bV\\(\\s*\\d");
    /** A quiet level: the line the switch held is still quiet when it comes out of it at debug or trace. */
    private static final Pattern QUIET = Pattern.compile(
            "(?i)\\.(?:debug\\w*|trace\\w*|fine\\w*|d|v|V\\([^()]*\\)\\.\\w+)$");
    /** A message of a one-time change of state: written once per run whatever switch it had. */
    private static final Pattern ONE_TIME = Pattern.compile(
            "(?i)\"[^\"]*\\b(?:start(?:ed|ing)?|listen(?:ing)?|ready|initiali[sz](?:ed|ing)|loaded|loading|config\\w*"
                    + "|version|shut(?:ting)?\\s?down|stopp(?:ed|ing)|registered|using|enabled|disabled)\\b");
    /**
     * (session 50, log50) A function whose name says its work is the line: {@code logEvalResult}, {@code reportDrop},
     * {@code printStats}, {@code auditAccess}, as a word of the name ({@code login} and {@code catalog} are not). A
     * limiter's early return taken out of it limits nothing else.
     */
    private static final Pattern LOGGING_FUNCTION = Pattern.compile(
            "(?:^|_)(?:log|print|warn|report|audit)(?:[A-Z_]|$)|(?:Log|Print|Warn|Report|Audit)(?:[A-Z_]|$)");
    private static final Pattern BARE_RETURN = Pattern.compile("^\\s*return\\s*;?\\s*$");
    /** A statement that leaves the loop around it; a {@code return} leaves the function, which a handler's does too. */
    private static final Pattern LEAVES = Pattern.compile("^\\s*break\\b");
    /** A call statement's callee: a dotted name, with plain argument lists on the way ({@code l.With("k", v).Info}). */
    private static final Pattern CALLEE = Pattern.compile("^\\s*([A-Za-z_][\\w.]*(?:\\([^()]*\\)\\.[A-Za-z_][\\w.]*)*)\\s*\\(");
    static final Pattern LOOP = Pattern.compile("^\\s*(?:for|while|do)\\b");
    /** A Go function, or a Java method or constructor header: a type then a name that are not keywords, then '('. */
    static final Pattern FUNCTION = Pattern.compile(
            "^func\\b|^\\s*(?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*"
                    + "(?:<[^>]*>\\s*)?(?!(?:if|for|while|switch|catch|return|new|else|throw|do|try|synchronized)\\b)"
                    + "[\\w.<>\\[\\]?,]+\\s+(?!(?:if|for|while|switch|catch|new|instanceof)\\b)\\w+\\s*\\([^;]*$"
                    + "|^\\s*(?:public|protected|private)\\s+\\w+\\s*\\([^;]*$");

    private RemovedLogLimits() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<Pattern> loggers) {
        List<Hunk> hunks = file.change().hunks();
        List<Finding> out = new ArrayList<>(splitsDropped(file, catalog, loggers, hunks));
        if (!out.isEmpty()) {
            List<Finding> rest = findLimits(file, catalog, loggers, hunks);
            rest.removeIf(r -> out.stream().anyMatch(o -> o.line() == r.line()));
            out.addAll(rest);
            return out;
        }
        return findLimits(file, catalog, loggers, hunks);
    }

    /**
     * (session 54, log54) A test of the failure's kind: {@code if (cause instanceof IOException)}, Go's {@code if
     * errors.Is(err, io.EOF)}, {@code errors.As(err, &ne)}, {@code if err == io.EOF}, {@code err != redis.Nil}, or the
     * same as a case of a tagless switch.
     */
    private static final Pattern KIND_TEST = Pattern.compile(
            "^\\s*(?:}\\s*else\\s+)?(?:if\\b|case\\b)[^{]*(?:\\binstanceof\\b|\\berrors\\.(?:Is|As)\\s*\\("
                    + "|\\berr\\w*\\s*[!=]=\\s*(?:[a-z]\\w*\\.)?(?:Err[A-Z]\\w*|EOF\\b|Nil\\b))");
    private static final String SPLIT_DROPPED = "The change drops the test that wrote the ordinary kind of this failure "
            + "(a peer's reset, the end of a stream) at a quiet level and writes every occurrence at this level: the split "
            + "was there because the ordinary kind comes on every turn. Keep the quiet branch for the expected kind.";

    /**
     * (session 54, log54) An edit that replaces a split of a failure's log line by its kind ({@code if (cause
     * instanceof IOException) { log.debug(...) } else { log.warn(...) }}) with one loud line of the same logger at the
     * test's own indentation ({@code log.warn(..., cause)}): the expected kind (a peer that reset its connection, an
     * EOF, a closed channel), which the old code wrote at debug, is now written loud on every occurrence (round 125's
     * radix exception handler: every peer reset at warn with a stack). The split says the author knew which kind comes
     * on every turn; no loop needs to be in sight (a Netty {@code exceptionCaught}, a read loop's error branch, a
     * listener: the framework repeats it). Not this: the new line at a quiet level, a kind test or a quiet line of that
     * logger added back, a removed quiet line of another logger.
     */
    private static List<Finding> splitsDropped(SourceFile file, Catalog catalog, List<Pattern> loggers,
                                               List<Hunk> hunks) {
        List<Finding> out = new ArrayList<>();
        for (Hunk hunk : hunks) {
            List<DiffLine> lines = hunk.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine added = lines.get(i);
                if (added.kind() != DiffLine.Kind.ADDED || (i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.ADDED
                        && sameStatement(lines.get(i - 1).text()))) {
                    continue;
                }
                String logger = logger(added.text(), loggers);
                String callee = callee(added.text());
                if (logger == null || callee == null || QUIET.matcher(callee).find()
                        || QUIET_WORD.matcher(added.text()).find()) {
                    continue;
                }
                List<DiffLine> block = RemovedLine.changedBlock(lines, i);
                boolean split = false;
                boolean quietLine = false;
                boolean restored = false;
                int indent = CodeText.indent(added.text());
                for (DiffLine l : block) {
                    if (l.kind() == DiffLine.Kind.REMOVED) {
                        split |= CodeText.indent(l.text()) == indent && KIND_TEST.matcher(l.text()).find();
                        quietLine |= split && logger.equals(logger(l.text(), loggers))
                                && (QUIET.matcher(String.valueOf(callee(l.text()))).find()
                                || QUIET_WORD.matcher(l.text()).find());
                    } else if (l.kind() == DiffLine.Kind.ADDED && l != added) {
                        restored |= KIND_TEST.matcher(l.text()).find() || logger.equals(logger(l.text(), loggers))
                                && QUIET.matcher(String.valueOf(callee(l.text()))).find();
                    }
                }
                if (split && quietLine && !restored) {
                    out.add(logLine(catalog, RULE, file, added, SPLIT_DROPPED, Finding.Confidence.HIGH));
                }
            }
        }
        return out;
    }

    private static List<Finding> findLimits(SourceFile file, Catalog catalog, List<Pattern> loggers, List<Hunk> hunks) {
        List<Finding> out = new ArrayList<>();
        // a finding needs a deleted line that limits: most changes delete none, and then no added line is looked at
        if (hunks.stream().flatMap(k -> k.lines().stream()).noneMatch(l -> l.kind() == DiffLine.Kind.REMOVED
                && (LIMIT.matcher(l.text()).find() || LIMITING_CALL.matcher(l.text()).find()
                || SWITCH.matcher(l.text()).find()))) {
            return out;
        }
        for (int h = 0; h < hunks.size(); h++) {
            List<DiffLine> lines = hunks.get(h).lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).kind() != DiffLine.Kind.ADDED || (i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.ADDED
                        && sameStatement(lines.get(i - 1).text()))) {
                    continue;
                }
                String logger = logger(lines.get(i).text(), loggers);
                if (logger == null) {
                    // (session 52) a project's own log function, told by the level guard and level argument it had
                    List<DiffLine> block = RemovedLine.changedBlock(lines, i);
                    if (levelLifted(block, lines.get(i)) && !limitAdded(block) && !lifecycle(hunks, h, i)) {
                        out.add(logLine(catalog, RULE, file, lines.get(i), LIFTED, Finding.Confidence.HIGH));
                    }
                    continue;
                }
                List<DiffLine> block = RemovedLine.changedBlock(lines, i);
                boolean quiet = QUIET.matcher(String.valueOf(callee(lines.get(i).text()))).find();
                if (limitRemoved(block, logger, loggers, quiet) && !limitAdded(block) && !leavesAfter(lines, i)
                        && !(onlyOrdinaryFilter(block) && endsAfter(lines, i, "return"))
                        && (repeatLimitRemoved(block, loggers) || countedBeside(lines, block, i)
                        || Boolean.TRUE.equals(inLoop(hunks, h, i))
                        // (session 52) a continue that ends the line's own block: a loop encloses it, its header above
                        || continuesAfter(lines, i)
                        || (unwrapped(block, lines.get(i)) || levelLifted(block, lines.get(i)))
                        && !lifecycle(hunks, h, i))) {
                    out.add(logLine(catalog, RULE, file, lines.get(i),
                            "The change deletes the sample, rate limit or once-only test around this log line and "
                                    + "writes it every time: the limit was there because the line repeats. Keep it "
                                    + "sampled or rate-limited, or count and write one summary line.",
                            Finding.Confidence.HIGH));
                }
            }
        }
        out.addAll(returnsRemoved(file, catalog, loggers, hunks));
        return out;
    }

    /**
     * (session 50, log50) An edit that deletes a limiter's early return ({@code if !ec.limiterFor(id).Allow() {
     * return }}) right above a log statement it keeps, in a function whose name says it logs ({@code logEvalResult}):
     * the kept line, which the limiter let through a few times a second, is now written on every call (round 101's
     * flagr: every evaluation of a hot flag). Reported at the kept line. Not this: a guard that does more than return
     * (an error answer, a counter: a request limiter, whose removal is not a logging matter), a return with a value, a
     * function named for other work, a log statement not next after the deleted guard.
     */
    private static List<Finding> returnsRemoved(SourceFile file, Catalog catalog, List<Pattern> loggers,
                                                List<Hunk> hunks) {
        List<Finding> out = new ArrayList<>();
        for (int h = 0; h < hunks.size(); h++) {
            List<DiffLine> lines = hunks.get(h).lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).kind() == DiffLine.Kind.CONTEXT) {
                    continue;
                }
                List<DiffLine> block = RemovedLine.changedBlock(lines, i);
                int end = i + block.size();
                i = end - 1;
                if (block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && !l.text().isBlank())
                        || !limiterReturn(block.stream().filter(l -> !l.text().isBlank()).map(DiffLine::text).toList())) {
                    continue;
                }
                int next = end;
                while (next < lines.size() && lines.get(next).text().isBlank()) {
                    next++;
                }
                if (next >= lines.size() || lines.get(next).kind() != DiffLine.Kind.CONTEXT
                        || logger(lines.get(next).text(), loggers) == null
                        || QUIET.matcher(String.valueOf(callee(lines.get(next).text()))).find()) {
                    continue;
                }
                String name = functionName(hunks, h, next);
                if (name != null && LOGGING_FUNCTION.matcher(name).find()) {
                    out.add(logLine(catalog, RULE, file, lines.get(next),
                            "The change deletes the rate limit that returned before this log line, and the line is "
                                    + "now written on every call. Keep it sampled or rate-limited, or count and write "
                                    + "one summary line.",
                            Finding.Confidence.HIGH));
                }
            }
        }
        return out;
    }

    /** The lines of an if that only returns when a repeat limit says no: {@code if !lim.Allow() { return }}. */
    private static boolean limiterReturn(List<String> removed) {
        if (removed.size() == 1) {
            String t = removed.get(0).strip();
            return t.startsWith("if") && REPEAT_LIMIT.matcher(t).find() && t.matches(".*\\)\\s*return\\s*;$");
        }
        return removed.size() == 3 && removed.get(0).strip().startsWith("if")
                && REPEAT_LIMIT.matcher(removed.get(0)).find() && removed.get(0).strip().endsWith("{")
                && BARE_RETURN.matcher(removed.get(1)).find() && removed.get(2).strip().equals("}");
    }

    /**
     * The name of the function line {@code i} of hunk {@code h} is in: the nearest function header above it in the
     * hunks shown, else the section git printed for the first hunk above with one; null when neither names one.
     */
    private static String functionName(List<Hunk> hunks, int h, int i) {
        for (int k = h; k >= 0; k--) {
            List<DiffLine> lines = hunks.get(k).lines();
            for (int j = (k == h ? i - 1 : lines.size() - 1); j >= 0; j--) {
                DiffLine l = lines.get(j);
                if (l.kind() != DiffLine.Kind.REMOVED && FUNCTION.matcher(l.text()).find()) {
                    return name(l.text());
                }
            }
            if (!hunks.get(k).section().isEmpty()) {
                return FUNCTION.matcher(hunks.get(k).section()).find() ? name(hunks.get(k).section()) : null;
            }
        }
        return null;
    }

    private static final Pattern NAME = Pattern.compile("(\\w+)\\s*(?:\\[[^\\]]*\\])?\\s*\\(");

    /** The function's name in its header: the word before the parameter list (after a Go receiver). */
    private static String name(String header) {
        String t = header.strip();
        if (t.startsWith("func (") || t.startsWith("func(")) {
            int close = t.indexOf(')');
            t = close < 0 ? t : t.substring(close + 1);
        }
        Matcher m = NAME.matcher(t);
        return m.find() ? m.group(1) : null;
    }

    /**
     * (session 50, log50) The block takes the new line {@code added} out of a verbosity switch ({@link #SWITCH}): the
     * switch and the same call (same text) are removed, the call is added back at the switch's own indentation, at a
     * loud level, and its message is not of a one-time change of state. A level test is {@code RaisedLogLevels}'
     * reading (the level then does the switch's work).
     */
    private static boolean unwrapped(List<DiffLine> block, DiffLine added) {
        String call = added.text().strip();
        String callee = callee(added.text());
        if (callee == null || QUIET.matcher(callee).find() || call.matches("(?s).*\\bLevel\\.(?:FINE|FINER|FINEST|CONFIG)\\b.*")
                || ONE_TIME.matcher(call).find()) {
            return false;
        }
        boolean switched = false;
        boolean same = false;
        for (DiffLine l : block) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            if (SWITCH.matcher(l.text()).find() && !LEVEL_TEST.matcher(l.text()).find()
                    && CodeText.indent(l.text()) == CodeText.indent(added.text())) {
                switched = true;
            }
            same |= switched && l.text().strip().equals(call);
        }
        return switched && same;
    }

    /**
     * (session 52, log52) The block takes the new line {@code added} out of a level comparison ({@link #LEVEL_COMPARE})
     * and writes it louder: the guard and a line of the same callee at a quiet level ({@code s.log(LogDebug, ...)}) are
     * removed, the call is added at the guard's own indentation naming no quiet level ({@code s.log(LogInformational,
     * ...)}), and its message is not of a one-time change of state. The guard says the author measured the line's cost
     * per call (as {@code RaisedLogLevels} reads a level test); the new line pays it on every call. Unlike
     * {@link #unwrapped}, the call may be reworded: its level is what changed.
     */
    private static boolean levelLifted(List<DiffLine> block, DiffLine added) {
        String call = added.text().strip();
        String callee = callee(added.text());
        if (callee == null || QUIET.matcher(callee).find() || QUIET_WORD.matcher(call).find()
                || ONE_TIME.matcher(call).find()) {
            return false;
        }
        boolean guarded = false;
        for (DiffLine l : block) {
            if (l.kind() != DiffLine.Kind.REMOVED) {
                continue;
            }
            if (LEVEL_COMPARED.matcher(l.text()).find() && CodeText.indent(l.text()) == CodeText.indent(added.text())) {
                guarded = true;
            } else if (guarded && callee.equals(callee(l.text())) && QUIET_WORD.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * (session 52, log52) True when the new line's own block ends its turn with a {@code continue} below it (the
     * statements between at the line's indentation, nested blocks skipped): a loop encloses the line though its header
     * is above the hunk, and the line is written on every turn that takes this path.
     */
    static boolean continuesAfter(List<DiffLine> lines, int i) {
        return endsAfter(lines, i, "continue");
    }

    /**
     * True when the only limit the block deletes is a filter of the ordinary outcome ({@link #ORDINARY_FILTER}): a line
     * that then leaves with a {@code return} is written once per call on its way out (the end of a stream), not per turn.
     */
    private static boolean onlyOrdinaryFilter(List<DiffLine> block) {
        boolean ordinary = false;
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.REMOVED && LIMIT.matcher(l.text()).find()) {
                if (!ORDINARY.matcher(l.text()).find() || LIMIT.matcher(ORDINARY.matcher(l.text()).replaceAll("")).find()) {
                    return false;
                }
                ordinary = true;
            }
        }
        return ordinary;
    }

    private static final Pattern ORDINARY = Pattern.compile(ORDINARY_FILTER);

    /** True when the line's own block has a statement starting with {@code keyword} at its indentation below it. */
    private static boolean endsAfter(List<DiffLine> lines, int i, String keyword) {
        int indent = CodeText.indent(lines.get(i).text());
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int in = CodeText.indent(l.text());
            if (in < indent) {
                return false;
            }
            if (in == indent && l.text().strip().matches(keyword + "\\b.*")) {
                return true;
            }
        }
        return false;
    }

    /** The new line is in a start-up, stop or constructor-like function, by its name ({@code LoopGuards}'). */
    private static boolean lifecycle(List<Hunk> hunks, int h, int i) {
        String name = functionName(hunks, h, i);
        return name != null && kb.review.analysis.LoopGuards.lifecycleName(name);
    }

    /** A LOG-01 finding of {@code rule} on an added log line, at the item's severity (the repeat classes share it). */
    static Finding logLine(Catalog catalog, String rule, SourceFile file, DiffLine l, String message,
            Finding.Confidence confidence) {
        Severity severity = catalog.item("LOG-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(rule, "LOG-01", severity, file.path(), l.newLine(), 1, l.text().strip(), message, confidence,
                null, "kb", null);
    }

    /** The callee of a call statement on {@code text} ({@code helpers.DistinctWarnLog.Printf}), or null. */
    private static String callee(String text) {
        Matcher m = CALLEE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The receiver of the logger call on {@code text}, or null when the line is not one. */
    static String logger(String text, List<Pattern> loggers) {
        Matcher m = CALLEE.matcher(text);
        if (!m.find()) {
            return null;
        }
        String callee = m.group(1);
        if (callee.startsWith("fmt.") || callee.startsWith("System.") || loggers.stream().noneMatch(p -> p.matcher(callee).find())) {
            return null;
        }
        int dot = callee.lastIndexOf('.');
        return dot < 0 ? callee : callee.substring(0, dot);
    }

    /** The block deletes a limit and a call of the same logger. */
    /**
     * The block deletes a limit around a line of the same logger. A verbosity switch counts only for a line that comes
     * out of it loud ({@code quiet} false) and is not a level test: {@code if (LOG.isDebugEnabled())} taken from around
     * a {@code LOG.debug} is the usual slf4j tidy-up, the level still does the switch's work (precision set 21's
     * atlas: 35 debug lines unwrapped in one commit).
     */
    private static boolean limitRemoved(List<DiffLine> block, String logger, List<Pattern> loggers, boolean quiet) {
        boolean limit = false;
        boolean log = false;
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.REMOVED) {
                String was = logger(l.text(), loggers);
                // a limit is a test around the line, not an argument of a log call ({@code time.Since(start)} in a
                // summary's cost: set 17's BF)
                limit |= was == null && (LIMIT.matcher(l.text()).find() || !quiet && SWITCH.matcher(l.text()).find()
                        && !LEVEL_TEST.matcher(l.text()).find());
                log |= logger.equals(was);
                String bare = CHAIN_LIMIT.matcher(l.text()).replaceFirst("");
                if (!bare.equals(l.text()) && logger.equals(logger(bare, loggers))) {
                    limit = log = true; // the same logger with its throttling link cut from the chain
                }
                String callee = callee(l.text());
                if (callee != null && LIMITING_LOGGER.matcher(callee).find() && !LIMITING_LOGGER.matcher(logger).find()) {
                    limit = log = true; // a deduplicating or rate-limited logger swapped for a plain one
                }
            }
        }
        return limit && log;
    }

    private static boolean limitAdded(List<DiffLine> block) {
        return block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED
                && (LIMIT.matcher(l.text()).find() || LIMITING_CALL.matcher(l.text()).find()
                || SWITCH.matcher(l.text()).find()));
    }

    /**
     * Whether a loop header encloses line {@code i} of hunk {@code h} by indentation, before its function's header:
     * true, false (the function's header or the top level comes first), or null when the hunks shown run out first
     * (git's context starts inside a block whose header is above it).
     */
    private static Boolean inLoop(List<Hunk> hunks, int h, int i) {
        int indent = CodeText.indent(hunks.get(h).lines().get(i).text());
        for (int k = h; k >= 0; k--) {
            List<DiffLine> lines = hunks.get(k).lines();
            for (int j = (k == h ? i - 1 : lines.size() - 1); j >= 0; j--) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                    continue;
                }
                int in = CodeText.indent(l.text());
                if (in >= indent) {
                    continue;
                }
                if (LOOP.matcher(l.text()).find()) {
                    return true;
                }
                if (FUNCTION.matcher(l.text()).find() || in == 0) {
                    return false;
                }
                indent = in;
            }
        }
        return null;
    }

    /**
     * True when the deleted limit is one that only a repeated line has: a counter sampled by modulo, a sampler or rate
     * limiter, a once-only test, a logger that drops repeats. Such a limit says the line runs again and again (a loop,
     * a retry, a callback per message) even where the hunk starts below the loop's header (round 22's go-36: {@code
     * if attempt == 1 || attempt%20 == 0} around a retry loop's warning, deleted, the warning written on every
     * attempt). A time check is not read this way without the loop in sight, nor a cap on a count without the loop
     * or the line's own tally beside it.
     */
    private static boolean repeatLimitRemoved(List<DiffLine> block, List<Pattern> loggers) {
        return block.stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && (REPEAT_LIMIT.matcher(l.text()).find()
                || LIMITING_LOGGER.matcher(String.valueOf(callee(l.text()))).find()));
    }

    /**
     * True when the statement after the new line {@code i} leaves the loop ({@code break}): the line
     * is written once, on the way out, whatever limit the loop's other lines keep (set 18's KJ: a "stopped" line just
     * before the loop's break, the periodic line keeping its counter sample in the rewritten loop).
     */
    private static boolean leavesAfter(List<DiffLine> lines, int i) {
        String previous = lines.get(i).text();
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (sameStatement(previous)) {
                previous = l.text(); // the new line's own arguments, on the lines below it
                continue;
            }
            return LEAVES.matcher(l.text()).find();
        }
        return false;
    }

    /**
     * True when the deleted limit capped a count ({@link CountCap}) that a line kept above the new log line steps
     * ({@code failed++;}, {@code failed += 1}): the count of the line's own occurrences, which says it repeats, whether
     * or not the loop's header is in the hunk (round 21's java-25: a retry per row, its header above the hunk).
     */
    private static boolean countedBeside(List<DiffLine> lines, List<DiffLine> block, int i) {
        for (DiffLine l : block) {
            Matcher m = l.kind() == DiffLine.Kind.REMOVED ? CountCap.PATTERN.matcher(l.text()) : null;
            if (m == null || !m.find()) {
                continue;
            }
            Pattern step = Pattern.compile("^\\s*" + Pattern.quote(m.group(1)) + "\\s*(?:\\+\\+|\\+=\\s*1)\\s*;?\\s*$");
            for (int j = i - 1; j >= 0 && j >= i - 6; j--) {
                DiffLine above = lines.get(j);
                if (above.kind() != DiffLine.Kind.REMOVED && step.matcher(above.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a line continues onto the next one (an open argument list): the next line is not a new call. */
    static boolean sameStatement(String text) {
        String t = text.strip();
        return t.endsWith(",") || t.endsWith("(") || t.endsWith("+");
    }
}
