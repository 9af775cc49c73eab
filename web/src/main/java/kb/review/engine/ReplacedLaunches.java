package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go change that stops starting a task through the program's task runner and starts the same call with a bare
 * {@code go} statement instead: {@code n.tasks.Go("index", func() { n.idx.Add(b) })} becomes {@code go n.idx.Add(b)}.
 * CONC-01 asks that background work go through one helper that recovers and logs; a runner given the task's name is
 * that helper (errgroup-style groups, which take the function alone and recover nothing, are not: their call has no
 * other argument). When the call is a method whose body the review cannot see, the goroutine rule stays silent (it
 * may recover), but here the change itself takes the task out of its runner, so the goroutine is reported at its
 * {@code go} line, at low confidence: the runner's body is not in sight either. Silent when the change adds a recover
 * anywhere.
 */
final class ReplacedLaunches {

    static final String RULE = "launch-taken-from-runner";

    /** A runner's call with at least one argument before a function literal; group 1 what follows the literal's brace. */
    private static final Pattern RUNNER_CALL = Pattern.compile(
            "^\\s*(?!go\\b|defer\\b|return\\b)[\\w.]+\\([^()]*?,\\s*func\\s*\\(\\s*\\)\\s*\\{(.*)$");
    /** A bare go statement of a named call (not a literal); group 1 the call. */
    private static final Pattern BARE_GO = Pattern.compile("^\\s*go\\s+([\\w.]+\\(.*\\))\\s*$");

    private ReplacedLaunches() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = RUNNER_CALL.matcher(removed.line().text());
            if (!m.find()) {
                continue;
            }
            String body = taskBody(removed.lines(), removed.index(), m.group(1));
            if (body == null) {
                continue;
            }
            for (DiffLine l : RemovedLine.changedBlock(removed.lines(), removed.index())) {
                Matcher g = BARE_GO.matcher(l.text());
                if (l.kind() == DiffLine.Kind.ADDED && g.find() && squeeze(g.group(1)).equals(body)
                        && !allAdded.anyFinds(RemovedRecovers.RECOVER)) {
                    Severity severity = catalog.item("CONC-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "CONC-01", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "The change takes this call out of the task runner it went through and starts it with a "
                                    + "bare go statement: a panic in it now crashes the whole process unless the "
                                    + "method recovers itself. Keep starting it through the runner.",
                            Finding.Confidence.LOW, "the review follows the runner the change removes; neither its "
                            + "body nor the method's is in the diff", "kb", null));
                }
            }
        }
        return out;
    }

    /**
     * The one call the runner's literal ran, without blanks, or null when it ran more (or not a call): on the same
     * line ({@code func() { n.idx.Add(b) })}) or on the deleted lines up to the literal's {@code })}.
     */
    private static String taskBody(List<DiffLine> lines, int at, String rest) {
        StringBuilder body = new StringBuilder();
        String tail = rest.strip();
        if (!tail.isEmpty()) {
            if (!tail.endsWith("})")) {
                return null;
            }
            body.append(tail, 0, tail.length() - 2);
        } else {
            int j = at + 1;
            for (; j < lines.size() && lines.get(j).kind() == DiffLine.Kind.REMOVED; j++) {
                String t = lines.get(j).text().strip();
                if (t.equals("})")) {
                    break;
                }
                body.append(t).append(';');
            }
            if (j >= lines.size() || lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return null;
            }
        }
        String call = squeeze(body.toString().replaceAll(";+\\s*$", ""));
        return call.matches("[\\w.]+\\([^;]*\\)") ? call : null;
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }
}
