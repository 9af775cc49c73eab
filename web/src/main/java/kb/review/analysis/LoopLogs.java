package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import static kb.review.analysis.RareBranches.onFailurePath;
import static kb.review.analysis.RareBranches.underDebugGuard;
import static kb.review.analysis.Shapes.at;
import static kb.review.analysis.Shapes.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.SyntaxNode;

/** Logging calls inside loops whose iterations repeat with the traffic, on the tree of either language. */
public final class LoopLogs {

    private static final Set<String> GO_LOOPS = Set.of("for_statement");
    private static final Set<String> GO_BOUNDARIES = Set.of("func_literal", "function_declaration",
            "method_declaration");
    private static final Set<String> JAVA_LOOPS = Set.of("for_statement", "enhanced_for_statement",
            "while_statement", "do_statement");
    private static final Set<String> JAVA_BOUNDARIES = Set.of("lambda_expression", "method_declaration",
            "constructor_declaration", "class_body", "static_initializer");

    private LoopLogs() {
    }

    /**
     * Logging calls (callee matching a model logger) inside loops of the same function whose iterations repeat
     * with the traffic. {@code path} is the file's (a Go
     * {@code cmd/} package is a command); {@code known} the lines the diff shows (null: all), since a loop opened in
     * one hunk may have closed in a gap before a log of the next. {@code roundTrips} are the language's callees that
     * send a request and wait for its answer (a loop paced by one is not hot: {@link LoopPacing}).
     */
    public static List<Spot> logsInLoops(SyntaxNode root, byte[] src, boolean go, List<Pattern> loggers,
                                         List<Pattern> roundTrips, List<Pattern> polls, String path,
                                         java.util.BitSet known) {
        List<SyntaxNode> calls = new ArrayList<>();
        walk(root, go ? "call_expression" : "method_invocation", calls);
        List<Spot> out = new ArrayList<>();
        Set<String> loops = go ? GO_LOOPS : JAVA_LOOPS;
        Set<String> boundaries = go ? GO_BOUNDARIES : JAVA_BOUNDARIES;
        java.util.Map<String, Boolean> logger = new java.util.HashMap<>(); // a file calls the same callees many times
        for (SyntaxNode c : calls) {
            String callee;
            if (go) {
                SyntaxNode fn = c.getChildByFieldName("function");
                callee = fn == null || fn.isNull() ? "" : text(src, fn);
            } else {
                SyntaxNode obj = c.getChildByFieldName("object");
                SyntaxNode name = c.getChildByFieldName("name");
                callee = (obj == null || obj.isNull() ? "" : text(src, obj) + ".")
                        + (name == null || name.isNull() ? "" : text(src, name));
            }
            if (!logger.computeIfAbsent(callee, x -> loggers.stream().anyMatch(p -> p.matcher(x).find()))
                    || !inLoop(c, callee, src, loops, boundaries, known, go, roundTrips)
                    && !(known != null && CountedSkips.inHiddenLoop(c, src, go)) // a loop above the hunk
                    && !(known != null && ContinuedLoops.inHiddenLoop(c, src, go)) // after a skip, loop above
                    && !TalliedBlocks.inHiddenLoop(c, src, known, go) // a tally summed up after the block
                    && !CursorLoops.inHiddenLoop(c, src, known, go) // a cursor's loop above the hunk
                    && !(!go && JavaTalliedCatches.inHiddenLoop(c, src, known)) // a counted catch, loop above
                    && !(go && GoChannelLoops.inHiddenLoop(c, src, known)) // a message loop above the hunk
                    && !(go && GoReceiveCases.inHiddenLoop(c, src, known)) // a select case above the hunk
                    && !(go && GoCollectingTurns.inHiddenLoop(c, src, known)) // collects, reads or fans out per turn
                    && !SampledSiblings.besideSample(c, src) // the block's own progress line samples it
                    && !PollLoops.idleLine(c, callee, src, known, polls) // the idle branch of a poll loop
                    || !go && callee.startsWith("System.") && LoopGuards.javaConsoleTool(c, src, path)
                    || !go && LoopGuards.inCommandLinePackage(path) // a command's progress output
                    || go && GoLoops.programOutput(callee, path, src)
                    || go && GoLoops.exitStatusOutput(c, callee, src)
                    || go && ToolProgress.progressLine(callee, path)
                    || LoopGuards.inLifecycleFunction(c, src) || LogLoopExemptions.exempt(c, src, path, go)) {
                continue;
            }
            out.add(at(c, true, null));
        }
        return out;
    }

    /**
     * True when the whole loop runs under a debug-level test ({@code if (log.isDebugEnabled()) { for (Header h : ...)
     * log.debug(...) }}): a per-item dump that costs one flag test when the level is off, as the guard inside the loop
     * does.
     */
    private static boolean debugOnly(SyntaxNode loop, byte[] src, Set<String> boundaries) {
        SyntaxNode child = loop;
        for (SyntaxNode p = loop.getParent(); p != null && !p.isNull() && !boundaries.contains(p.getType());
             p = p.getParent()) {
            if (underDebugGuard(p, child, src)) {
                return true;
            }
            child = p;
        }
        return false;
    }

    private static boolean inLoop(SyntaxNode n, String callee, byte[] src, Set<String> loops,
                                  Set<String> boundaries, java.util.BitSet known, boolean go,
                                  List<Pattern> roundTrips) {
        SyntaxNode p = n.getParent();
        SyntaxNode child = n;
        boolean conditional = false;
        boolean failingElement = false; // the failure branch of a call per element, repeated per element
        while (p != null && !p.isNull()) {
            String t = p.getType();
            boolean counted = !go && CountedFailures.counts(p, child, src); // a tallied branch runs per element
            conditional |= (t.equals("if_statement") && !isField(p, "condition", child) || t.equals("catch_clause"))
                    && !counted;
            if (t.equals("lambda_expression") && LoopGuards.forEachBody(p, src)) {
                // a lambda given to forEach runs once per element, unless a debug-level test holds the whole call
                return !GuardedCallbacks.underDebugGuard(p, src, false);
            }
            if (t.equals("lambda_expression") && LoopGuards.pipelineBody(p, src)) {
                // a lambda given to a stream's or a reactive pipeline's per-element operator (peek, map, doOnNext):
                // read as a loop body, a line in a branch of it only when the branch repeats per element
                return (!conditional || failingElement) && !GuardedCallbacks.underDebugGuard(p, src, false);
            }
            if (t.equals("func_literal")) {
                GoLoops.Literal kind = GoLoops.literal(p, src);
                if (kind == GoLoops.Literal.PER_ITEM) {
                    return !GuardedCallbacks.underDebugGuard(p, src, true); // a WalkDir or Range callback, per item
                }
                if (kind == GoLoops.Literal.PER_ITERATION) {
                    child = p; // go func(){...}() or g.Go(...) in a loop: the loop around it counts
                    p = p.getParent();
                    continue;
                }
            }
            if (boundaries.contains(t) || LoopGuards.sampled(p, child, src, go) || LoopGuards.latched(p, child, src)
                    || LoopGuards.leavesLoop(p, child) && !(go && GoLoops.callbackBlock(p, src))
                    && !(!go && LoopGuards.pipelineBlock(p, src))) {
                return false;
            }
            if (!failingElement && (t.equals("catch_clause") || t.equals("if_statement"))
                    && FailingElements.repeats(p, child, n, callee, src, go)) {
                // a warning per element whose call to a shared store or service failed: every element fails when
                // that is down (round 21's go-35, java-25)
                failingElement = true;
            } else if (!counted && onFailurePath(p, child, src, go, n)) {
                // a catch block or the error branch of an if runs when an item fails, not on every iteration, unless
                // the code counts its failures and sums them up after the loop (the summary says they are many)
                if (!SummarisedLoops.around(p, callee, src, go)) {
                    return false;
                }
                failingElement = true;
            }
            if (underDebugGuard(p, child, src)) {
                // if (log.isDebugEnabled()) costs a flag test per iteration where services run: what LOG-01 asks for
                return false;
            }
            if (loops.contains(t)) {
                // the loop's own header (its condition or range) runs per iteration too, but a logger there is odd;
                // only calls in the body count
                SyntaxNode body = p.getChildByFieldName("body");
                return body != null && !body.isNull() && body.getStartByte() <= child.getStartByte()
                        && child.getEndByte() <= body.getEndByte() && !LoopGuards.overFailures(p, src)
                        && shown(known, p.getStartPoint().getRow() + 1, n.getStartPoint().getRow() + 1)
                        && !LogTraffic.smallFixedBound(p, src) && !LoopPacing.pacedBySeconds(p, src)
                        && !CommandLineLoops.overArguments(p, src, go)
                        && !(go && LoopPacing.waitsAfter(p, n, src))
                        && !LoopPacing.pacedByRoundTrip(p, src, go, roundTrips) && !LogTraffic.batchSummary(p, n, src)
                        && !(go && (BatchLoops.perBatch(p, n, src) || CursorPages.perPage(p, n, src)))
                        && (!conditional || failingElement || InputLoops.walksInput(p, src))
                        && !BoundedSourceLoops.relays(p, src)
                        && !debugOnly(p, src, boundaries);
            }
            child = p;
            p = p.getParent();
        }
        return false;
    }

    private static boolean isField(SyntaxNode p, String field, SyntaxNode child) {
        SyntaxNode f = p.getChildByFieldName(field);
        return f != null && !f.isNull() && f.getStartByte() == child.getStartByte()
                && f.getEndByte() == child.getEndByte();
    }

    /** True when the diff shows every line from {@code from} to {@code to} (or {@code known} is null). */
    private static boolean shown(java.util.BitSet known, int from, int to) {
        return known == null || known.nextClearBit(from) > to;
    }
}
