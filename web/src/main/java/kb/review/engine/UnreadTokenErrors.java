package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go line the change adds that waits for an MQTT client's token and never asks it how the operation ended. The
 * Eclipse Paho client's {@code Publish}, {@code Subscribe}, {@code Unsubscribe} and {@code Connect} answer a token
 * whose {@code Wait()} only says the operation is over (always true) and whose {@code WaitTimeout(d)} says whether it
 * ended in time: the failure (a refused subscription, a lost connection, a publish that never left) is in {@code
 * token.Error()}, and a wait alone drops it. The maintainers' answer to every "fails silently" report is the same
 * idiom, {@code if t := c.Subscribe(...); t.Wait() && t.Error() != nil} (eclipse-paho/paho.mqtt.golang#337, #648).
 * <p>
 * Two shapes: the wait chained on the call ({@code c.Publish(t, q, false, p).Wait()}, nothing can read the token), and
 * a wait as a bare statement on a token bound from such a call a few lines above, when the lines the change leaves
 * below, to the end of the block or for {@value #LOOK} statements, never mention the token (no {@code Error()} read,
 * no hand-off). Silent when the hunk ends before that much is seen.
 */
final class UnreadTokenErrors {

    static final String RULE = "go-token-error-never-read";

    private static final String OPERATION = "(?:Publish|Subscribe|SubscribeMultiple|Unsubscribe|Connect)";

    private static final Pattern CHAINED = Pattern.compile(
            "^\\s*[\\w.]+\\." + OPERATION + "\\(.*\\)\\.(?:Wait|WaitTimeout)\\([^()]*\\)\\s*$");

    /** A bare wait on a name: group 1 the token. */
    private static final Pattern BARE_WAIT = Pattern.compile("^\\s*(\\w+)\\.(?:Wait|WaitTimeout)\\([^()]*\\)\\s*$");

    /** A token bound from a client operation: group 1 its name. */
    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(?:var\\s+)?(\\w+)\\s*:?=\\s*[\\w.]+\\." + OPERATION + "\\(");

    /** How many statements below the wait are read for a use of the token, when the block does not end sooner. */
    private static final int LOOK = 3;

    private UnreadTokenErrors() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || !l.text().contains(".Wait")) {
                    continue;
                }
                boolean chained = CHAINED.matcher(l.text()).matches();
                Matcher m = BARE_WAIT.matcher(l.text());
                if (chained || m.matches() && boundAbove(lines, i, m.group(1)) && unreadBelow(lines, i, m.group(1))) {
                    Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RULE, "ERR-01", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "This waits for the client's token and never reads `Error()`: Wait only says the"
                                    + " operation is over, not that it worked, so a refused subscription, a lost"
                                    + " connection or an unsent publish goes on as a success. Check the token:"
                                    + " `if t.Wait() && t.Error() != nil { ... }` and return or handle the error.",
                            Finding.Confidence.LOW, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** True when {@code name} is bound from a client operation on one of the few lines the change keeps above. */
    private static boolean boundAbove(List<DiffLine> lines, int at, String name) {
        int seen = 0;
        for (int j = at - 1; j >= 0 && seen < LOOK; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            Matcher m = BOUND.matcher(l.text());
            if (m.find() && m.group(1).equals(name)) {
                return true;
            }
            seen++;
        }
        return false;
    }

    /** True when the kept lines below the wait end the block, or run {@link #LOOK} statements, without the token. */
    private static boolean unreadBelow(List<DiffLine> lines, int at, String name) {
        int indent = CodeText.indent(lines.get(at).text());
        int seen = 0;
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CodeText.indent(l.text()) < indent) {
                return true;
            }
            if (GoRemovedErrorHandling.mentions(l.text(), name)) {
                return false;
            }
            if (++seen >= LOOK) {
                return true;
            }
        }
        return false;
    }
}
