package kb.review.engine;

import static kb.review.engine.AnalysisDetector.addSpot;
import static kb.review.engine.AnalysisDetector.resources;
import static kb.review.engine.TextPrefilter.mayAppear;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.review.analysis.BoundedRequests;
import kb.review.analysis.CallerTimeouts;
import kb.review.analysis.GoFactories;
import kb.review.analysis.Lifecycle;
import kb.review.analysis.Models;
import kb.review.analysis.PerCall;
import kb.review.analysis.Summaries;
import kb.review.analysis.TimeoutModel;
import kb.review.analysis.Timeouts;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;
import kb.review.rules.Rule;

/**
 * The {@code analysis:} rules about how clients and pools are built, for {@link AnalysisDetector}:
 * {@code needs-timeout} (a construction that gets no timeout before it is used, returned or stored) and
 * {@code built-per-call} (a client or pool built anew on a path that runs per call).
 */
final class ConstructionPasses {

    private ConstructionPasses() {
    }

    /** One needs-timeout rule: its models' constructions that get no timeout, each with the step that says why. */
    static void timeouts(SourceFile file, Supplier<SyntaxNode> root, Rule r, Models models, List<Hit> hits,
                                 Summaries summaries) {
        List<TimeoutModel> wanted = constructions(file, r, models.timeouts(file.language().key()));
        if (!wanted.isEmpty()) {
            for (Timeouts.Spot s : Timeouts.run(root.get(), file.utf8(),
                    file.language() == Language.GO, wanted)) {
                if (file.language() == Language.JAVA && wanted.stream().anyMatch(m -> m.id().equals(s.model())
                        && CallerTimeouts.setElsewhere(root.get(), file.utf8(), file.path(), s.line(), s.column(), m,
                        summaries))) {
                    continue; // set per request, by the caller, or per WebSocket (set 4, class AV)
                }
                if (file.language() == Language.GO && s.model().equals("http-client") && !file.complete()
                        && !Sight.functionVisible(file, root.get(), s.line())
                        && BoundedRequests.boundedBeforeCut(root.get(), file.utf8(), s.line())) {
                    continue; // every request built in sight carries a deadline made there (session 31, class AV)
                }
                // a field or package variable is decided by its own line; a local needs its whole function. Code
                // outside any function the diff shows (a hunk inside one, under the header git printed) is judged by
                // what it shows, as it was before that header was put back
                int setter = file.added(s.line()) ? 0 : addedSetter(file, root.get(), s, wanted);
                int line = setter > 0 ? setter : s.line();
                List<Lifecycle.Step> steps = setter <= 0 ? s.steps() : Stream.concat(
                        s.steps().stream(), Stream.of(new Lifecycle.Step(setter,
                                "the change sets a timeout here, and the object still lacks one it needs"))).toList();
                addSpot(file, r, hits, line, setter > 0 ? 1 : s.column(), true, () -> {
                    SyntaxNode f = TreeSitter.enclosing(root.get().namedDescendantAtRow(s.line() - 1),
                            Set.of("function_declaration", "method_declaration", "constructor_declaration"));
                    return f == null || !file.known(f.getStartPoint().getRow() + 1)
                            || Sight.functionVisible(file, root.get(), s.line());
                }, steps);
            }
        }
    }

    /**
     * The entries the rule names whose constructions the file's text can hold, less those whose convention
     * ({@link TimeoutModel#convention()}) the file keeps nowhere: not in its text, and not in a line the change deletes
     * (a change that drops the file's last query timeout breaks the convention it had).
     */
    private static List<TimeoutModel> constructions(SourceFile file, Rule r,
                                                                      List<TimeoutModel> all) {
        return all.stream().filter(m -> resources(r).contains(m.id()) && m.builds().stream()
                .anyMatch(b -> mayAppear(b.pattern(), file.lowerText()))
                && (m.convention() == null || keeps(file, m.convention()))).toList();
    }

    private static boolean keeps(SourceFile file, Pattern convention) {
        return convention.matcher(file.text()).find() || file.change().hunks().stream()
                .flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && convention.matcher(l.text()).find());
    }

    private static final Pattern SETTER_CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");

    /**
     * The first added line below an unchanged construction, in its function, that calls one of its model's timeout
     * setters; 0 when none. A change that gives an existing client one timeout (a connect timeout) and not the other
     * it needs (a read timeout) is reviewed where it touches the client: the construction itself is context (a
     * renamed or moved file keeps most of its lines), and a finding there would be filtered as unchanged code.
     */
    private static int addedSetter(SourceFile file, SyntaxNode root, Timeouts.Spot s, List<TimeoutModel> models) {
        TimeoutModel m = models.stream().filter(x -> x.id().equals(s.model())).findFirst().orElse(null);
        SyntaxNode f = TreeSitter.enclosing(root.namedDescendantAtRow(s.line() - 1),
                Set.of("function_declaration", "method_declaration", "constructor_declaration", "func_literal",
                        "lambda_expression"));
        if (m == null || m.timeout().isEmpty() || f == null) {
            return 0;
        }
        for (int l = s.line() + 1; l <= f.getEndPoint().getRow() + 1; l++) {
            if (!file.added(l)) {
                continue;
            }
            Matcher c = SETTER_CALL.matcher(file.line(l));
            while (c.find()) {
                String name = c.group(1);
                if (m.timeout().stream().anyMatch(p -> p.matcher(name).find())) {
                    return l;
                }
            }
        }
        return 0;
    }

    /** One built-per-call rule: its models' clients and pools built on a per-call path. */
    static void perCall(SourceFile file, Supplier<SyntaxNode> root, Rule r, Models models, List<Hit> hits,
                                Summaries summaries) {
        List<TimeoutModel> all = models.pools(file.language().key());
        List<TimeoutModel> wanted = constructions(file, r, all);
        // Java: a class of the change whose constructor builds one of the rule's clients, made here per call
        List<TimeoutModel> clients = file.language() == Language.GO ? List.of()
                : all.stream().filter(m -> resources(r).contains(m.id())).toList();
        // Go: a function of another file of the change that builds one of the rule's pools anew and returns it
        Map<String, GoFactories.Factory> factories = file.language() != Language.GO
                ? Map.of() : GoFactories.calledFrom(file.text(), file.path(), summaries,
                all.stream().filter(m -> resources(r).contains(m.id())).toList());
        if (!wanted.isEmpty() || !factories.isEmpty()
                || !clients.isEmpty() && PerCall.makesClients(file.utf8(), clients, summaries)) {
            for (PerCall.Spot s : PerCall.run(root.get(), file.utf8(), file.language() == Language.GO, wanted,
                    summaries.callers(), file.path(), summaries, clients, factories,
                    AddedAcquisitions.removedByLine(file), file.complete() ? line -> false : file::added,
                    models.perEventHeads("go"))) {
                // a provider's per-call use stands first; a change that did not touch it is reported at the build
                int line = s.steps().size() > 1 && !file.added(s.line()) && file.added(s.steps().get(1).line())
                        ? s.steps().get(1).line() : s.line();
                addSpot(file, r, hits, line, line == s.line() ? s.column() : 1, true,
                        () -> Sight.functionVisible(file, root.get(), line)
                                || Sight.perCallInSight(file, root.get(), line), s.steps());
            }
        }
    }
}
