package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;

/**
 * Go, for {@link RemovedReleases}: a deleted close of a field of the method's receiver, which the struct owns and
 * its own teardown closes.
 */
final class ReceiverOwnedFields {

    private static final Pattern GO_DECLARATION = RemovedReleases.GO_DECLARATION;

    private ReceiverOwnedFields() {
    }

    /** A Go method's header: group 1 its receiver's name, group 2 the method's name. */
    private static final Pattern GO_METHOD = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*?[\\w.\\[\\], ]+\\)\\s*(\\w+)");
    /** A method whose work is ending its receiver: a close there is the owner's own teardown. */
    private static final Pattern TEARDOWN = Pattern.compile(
            "(?i)^(?:close|stop|shutdown|release|disconnect|dispose|teardown|cleanup|abort|kill|terminate)");

    /**
     * Go: the deleted close ended a field of the method's receiver ({@code c.conn} in {@code func (c *Conn) write}),
     * which the method goes on using and never assigns: the struct owns the value and its own teardown closes it, so
     * the deleted close was an extra, early one (gorilla's close on a partial write, replaced by a recorded fatal
     * error), and without it the value stays open until its owner closes it, not for ever. A close in a teardown
     * method, or of a field the method replaces or drops, stays reported.
     */
    static boolean ownedByReceiver(Hunk h, List<DiffLine> lines, int at, String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || value.indexOf('.', dot + 1) >= 0) {
            return false;
        }
        int start = 0;
        Matcher header = null;
        for (int j = at - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && GO_DECLARATION.matcher(lines.get(j).text()).find()) {
                header = GO_METHOD.matcher(lines.get(j).text());
                start = j;
                break;
            }
        }
        if (header == null) {
            header = GO_METHOD.matcher(h.section() == null ? "" : h.section().strip());
        }
        if (!header.find() || !header.group(1).equals(value.substring(0, dot))
                || TEARDOWN.matcher(header.group(2)).find()) {
            return false;
        }
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\.(?!Close\\b)\\w+\\s*\\(");
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*(?:,[^=\\n]*)?=(?!=)");
        boolean used = false;
        for (int j = start; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (j > start && GO_DECLARATION.matcher(l.text()).find()) {
                break;
            }
            if (assigned.matcher(l.text()).find()) {
                return false;
            }
            used |= use.matcher(l.text()).find();
        }
        return used;
    }
}
