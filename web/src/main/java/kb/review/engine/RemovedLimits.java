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
 * A Go change that deletes the limit of a task group and keeps the loop that starts a task per item on it:
 * {@code g.SetLimit(16)} removed above {@code for _, it := range items { g.Go(func() error {...}) }}. CONC-02 names
 * {@code errgroup.Group.SetLimit} as the visible limit a loop of launches needs; without it every item is a goroutine
 * at once, as many as the input holds. Reported at the group's {@code Go} call in the loop (the lines after the
 * deleted limit, up to the end of its function). Silent when the change sets a limit anywhere, or when no loop on that
 * group is in sight.
 */
final class RemovedLimits {

    static final String RULE = "group-limit-removed";

    /** The deleted limit; group 1 the group. */
    private static final Pattern LIMIT = Pattern.compile("^\\s*([\\w.]+)\\.SetLimit\\s*\\(");
    private static final Pattern ADDED_LIMIT = Pattern.compile("\\.SetLimit\\s*\\(");
    private static final Pattern LOOP = Pattern.compile("^\\s*for\\b.*\\{\\s*$");
    private static final Pattern FUNCTION_END = Pattern.compile("^(?:}|func\\b)");

    private RemovedLimits() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = LIMIT.matcher(removed.line().text());
            if (!m.find() || allAdded.anyFinds(ADDED_LIMIT)) {
                continue;
            }
            Pattern launch = Pattern.compile("^\\s*" + Pattern.quote(m.group(1)) + "\\.(?:Go|TryGo)\\s*\\(");
            List<DiffLine> lines = removed.lines();
            boolean inLoop = false;
            for (int j = removed.index() + 1; j < lines.size(); j++) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (FUNCTION_END.matcher(l.text()).find()) {
                    break;
                }
                inLoop |= LOOP.matcher(l.text()).find();
                if (inLoop && launch.matcher(l.text()).find()) {
                    Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "CONC-02", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "The change deletes this group's limit and the loop still starts a task per item on it: "
                                    + "a large input or a burst now runs that many goroutines at once. Keep a limit "
                                    + "(SetLimit) or a fixed pool of workers.",
                            Finding.Confidence.HIGH, null, "kb", null));
                    break;
                }
            }
        }
        return out;
    }
}
