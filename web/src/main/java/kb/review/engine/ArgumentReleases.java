package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Model;

/**
 * Releases that hand the value to its owner rather than call a method on it: Spring's programmatic transaction ends
 * through its manager ({@code transactionManager.rollback(status)}), a pooled object goes back through its pool
 * ({@code pool.returnObject(conn)}). A model says so with a release template of the form {@code .name({v})} (or
 * {@code .name({*}{v})}, the value last); {@link DeletedModelReleases} reads a deleted line of that shape here and
 * follows it as it follows {@code {v}.Name()}.
 *
 * <p>Only the last argument is the value, and only a plain name; the receiver may be a field, a chain of fields or a
 * getter ({@code this.txManager}, {@code getTransactionManager()}), and the statement may stand behind a one-line
 * guard ({@code if (!status.isCompleted()) tm.rollback(status);}). A commit is not taken: deleting it is another change
 * (the work is then never written), as {@link DeletedModelReleases} leaves the method-form commits to other rules.
 */
final class ArgumentReleases {

    /**
     * A call statement whose last argument is a plain name: group 1 the receiver's last name, group 2 the method,
     * group 3 the name.
     */
    private static final Pattern CALL = Pattern.compile(
            "^\\s*(?:if\\s*\\(.*\\)\\s*\\{?\\s*)?(?:this\\.)?(?:[A-Za-z_]\\w*(?:\\(\\))?\\s*\\.\\s*)*([A-Za-z_]\\w*)"
                    + "(?:\\(\\))?\\s*\\.\\s*([A-Za-z_]\\w*)"
                    + "\\s*\\((?:[^;()]*,)?\\s*([A-Za-z_]\\w*)\\s*\\)\\s*;\\s*\\}?\\s*(?://.*)?$");
    /** A template that hands the value to a call: {@code .rollback({v})}, {@code .returnObject({*}{v})}. */
    private static final Pattern TEMPLATE = Pattern.compile("^\\.(\\w+)\\((?:\\{\\*})?\\{v}\\)$");
    /** Ends that use the value up rather than give it back (their deletion is another change). */
    private static final Pattern COMPLETES = Pattern.compile("(?i)commit\\w*");

    private ArgumentReleases() {
    }

    /**
     * A deleted release of {@code value} by {@code models}' argument templates; {@code owner}: the receiver the call
     * names (a field, or a getter's name).
     */
    record Hit(String value, String method, List<Model> models, String owner) {

        /** The owner is one the models acquire from by name ({@code txManager} for a Spring transaction). */
        boolean ownerAcquires() {
            return models.stream().flatMap(m -> m.acquires().stream())
                    .anyMatch(a -> a.receiver() != null && a.receiver().matcher(owner).find());
        }
    }

    /**
     * No line the change deletes or adds assigns {@code value}: its acquisition, out of view, is the one it had (a
     * change that rewrites the acquisition rewrote the code, not dropped its release).
     */
    static boolean notReassigned(String value, kb.review.diff.SourceFile file) {
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*=(?!=)");
        for (kb.review.diff.Hunk h : file.change().hunks()) {
            for (kb.review.diff.DiffLine l : h.lines()) {
                if (l.kind() != kb.review.diff.DiffLine.Kind.CONTEXT && assigned.matcher(l.text()).find()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The release {@code text} makes by handing its last argument to one of the models' argument templates, or null. */
    static Hit of(List<Model> models, String text) {
        if (!text.contains("(") || !text.contains(";")) {
            return null;
        }
        Matcher m = CALL.matcher(text);
        if (!m.find() || COMPLETES.matcher(m.group(2)).matches()) {
            return null;
        }
        List<Model> out = new ArrayList<>();
        for (Model model : models) {
            for (String t : model.releases()) {
                Matcher tm = TEMPLATE.matcher(t);
                if (tm.matches() && tm.group(1).equals(m.group(2)) && model.releasedIn(text, m.group(3))) {
                    out.add(model);
                    break;
                }
            }
        }
        return out.isEmpty() ? null : new Hit(m.group(3), m.group(2), out, m.group(1));
    }
}
