package kb.review.analysis;

import java.util.List;

/**
 * A Java helper handed a resource that ends another duty the same value carries, not the one being followed: a
 * {@code rollback(conn)} helper whose body rolls back the connection's transaction ({@code conn.rollback()}), one that
 * commits, or one that rolls back a Hibernate session's transaction. {@link Summaries#releasesArgument} asks whether
 * the helper releases its argument for any model of the language, which is right for a helper of unknown purpose but
 * takes the transaction's end for the connection's close; then a connection closed by hand on the happy path only
 * (round 19, sqlg) looks released on the error path too. This says when every visible declaration of the helper
 * neither ends the followed model's duty on the parameter nor hands the parameter on to another call (which the
 * recursive search judges): the helper then only borrows the value for that duty. No regex is compiled: the model's
 * release pattern is cached per name, and the hand-on check scans the body's text.
 */
final class OtherDutyReleases {

    private OtherDutyReleases() {
    }

    /** True when {@code callee}'s visible bodies leave {@code model}'s duty on their {@code arg}-th parameter alone. */
    static boolean only(Summaries summaries, String callee, int arg, Model model) {
        if (!"java".equals(model.language())) {
            return false;
        }
        List<Summaries.Function> declared = summaries.declarations(callee);
        if (declared.isEmpty()) {
            return false;
        }
        for (Summaries.Function f : declared) {
            if (f.variadic() || arg < 0 || arg >= f.params().size() || f.body() == null) {
                return false;
            }
            String p = f.params().get(arg);
            String code = CodeText.withoutComments(f.body());
            if (model.releasedIn(code, p) || handedOn(code, p)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code p} is an argument of a call in {@code code}: {@code (p}, {@code , p} before {@code ,} or {@code )}. */
    private static boolean handedOn(String code, String p) {
        for (int at = code.indexOf(p); at >= 0; at = code.indexOf(p, at + 1)) {
            int before = at - 1;
            while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
                before--;
            }
            int after = at + p.length();
            while (after < code.length() && Character.isWhitespace(code.charAt(after))) {
                after++;
            }
            if (before >= 0 && (code.charAt(before) == '(' || code.charAt(before) == ',')
                    && after < code.length() && (code.charAt(after) == ',' || code.charAt(after) == ')')) {
                return true;
            }
        }
        return false;
    }
}
