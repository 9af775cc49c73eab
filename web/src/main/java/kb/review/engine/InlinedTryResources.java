package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * The second shape of {@link UnwrappedTryResources}: the try-with-resources header deleted and its declaration gone
 * too, the initialiser written into the statement that used the variable ({@code return parse(in);} become
 * {@code return parse(url.openStream());}). Which added line that is, whether the value has another owner, and
 * where the leak is reported.
 */
final class InlinedTryResources {

    private InlinedTryResources() {
    }

    /**
     * The added line that is a deleted statement of the try's body with the resource's initialiser written where its
     * variable stood ({@code return parse(in);} become {@code return parse(url.openStream());}): the refactoring
     * inlined the resource into the call that borrowed it and dropped the header that closed it. Null when no added
     * line is that; a deleted statement that closed the value is no use to inline.
     */
    static DiffLine inlined(List<DiffLine> lines, String var, String init) {
        Pattern named = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "(?![\\w$])");
        String value = init.strip();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (DiffLine l : lines) {
            String t = l.text().strip();
            if (l.kind() == DiffLine.Kind.REMOVED && !UnwrappedTryResources.TRY_OPEN.matcher(t).find()
                    && named.matcher(t).find()
                    && !t.contains(".close(")) {
                wanted.add(named.matcher(t).replaceAll(java.util.regex.Matcher.quoteReplacement(value)));
            }
        }
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && wanted.contains(l.text().strip())) {
                return l;
            }
        }
        return null;
    }

    /** The variable an initialiser starts from ({@code ps} of {@code ps.executeQuery()}, {@code in} alone). */
    private static final Pattern ROOT = Pattern.compile("^([a-z_]\\w*)\\s*(?:\\.|$)");

    /**
     * True when what the inlined initialiser is read from has an owner of its own the change keeps or reports: a
     * resource of a deleted header too ({@code ps.executeQuery()} after {@code ps} left the same try; closing the
     * statement closes its result set, one leak reported once, at the statement or its connection), or a value an
     * added try-with-resources header holds ({@code response.body()} inside {@code try (Response response = ...)}:
     * closing the response closes its body).
     */
    static boolean ownedElsewhere(SourceFile file, String init) {
        Matcher root = ROOT.matcher(init.strip());
        if (!root.find()) {
            return false;
        }
        String name = root.group(1);
        for (Hunk h : file.change().hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                DiffLine.Kind kind = h.lines().get(i).kind();
                if (kind != DiffLine.Kind.CONTEXT && UnwrappedTryResources.header(h.lines(), i, kind).stream()
                        .anyMatch(r -> r[1].equals(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the leak is reported: the inlined statement, or, when the initialiser is a variable alone ({@code try
     * (InputStream body = in)} made {@code return in.readAllBytes();}), the first line of the hunk above that names
     * it: the value was acquired above, and that is the nearest the diff shows of it.
     */
    static int inView(List<DiffLine> lines, DiffLine inlined, String init) {
        if (!init.matches("[a-z_]\\w*")) {
            return inlined.newLine();
        }
        Pattern named = Pattern.compile("(?<![\\w.$])" + Pattern.quote(init) + "(?![\\w$])");
        for (DiffLine l : lines) {
            if (l == inlined) {
                break;
            }
            if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && named.matcher(l.text()).find()) {
                return l.newLine();
            }
        }
        return inlined.newLine();
    }
}
