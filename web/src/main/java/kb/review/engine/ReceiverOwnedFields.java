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
    /** A {@code case} of a message or state switch that names an ending: {@code case actor.Stopped:}. */
    private static final Pattern TEARDOWN_CASE = Pattern.compile(
            "^\\s*case\\s+(?:[^:]*[.*\\s])?\\*?(?i:stopp?(?:ed|ing)?|clos(?:e|ed|ing)|shut(?:down|tingdown)"
                    + "|terminat(?:e|ed|ing)|dispos(?:e|ed)|destroy(?:ed)?|quit|exit(?:ed|ing)?|poison(?:pill)?)"
                    + "\\w*\\s*(?:\\{\\s*})?\\s*:");

    /**
     * Session 52: the deletion sits in the branch of a message or state switch that ends the receiver ({@code case
     * actor.Stopped:} of an actor's {@code Receive}): that branch is the receiver's teardown, as a {@code Close} method
     * is, and a close deleted there is never made up for.
     */
    private static boolean teardownCase(List<DiffLine> lines, int at) {
        int depth = RemovedReleases.indent(lines.get(at).text());
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int d = RemovedReleases.indent(l.text());
            if (d < depth) {
                return TEARDOWN_CASE.matcher(l.text()).find();
            }
        }
        return false;
    }

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
                || TEARDOWN.matcher(header.group(2)).find() || teardownCase(lines, at)) {
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
