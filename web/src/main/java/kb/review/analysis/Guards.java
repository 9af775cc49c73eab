package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Lifecycle.Acquisition;

/** Conditions that tell the value cannot be held: the acquiring call failed, or the variable is nil/null. */
final class Guards {

    private Guards() {
    }

    /**
     * The edge of a branch on {@code cond} on which the value of {@code a} is not held, or null.
     *
     * @param errorLive whether the acquisition's error variable still holds the acquisition's error
     * @param nil       {@code nil} (Go) or {@code null} (Java)
     */
    static Edge deadEdge(String cond, Acquisition a, boolean errorLive, String nil) {
        String c = strip(cond);
        List<String> all = conjuncts(c);
        String v = a.var();
        if (errorLive && a.errorVar() != null) {
            String e = a.errorVar();
            if (c.equals(e + " == " + nil)) {
                return Edge.FALSE;
            }
            if (all.contains(e + " != " + nil)) {
                return Edge.TRUE;
            }
            // an error classifier holds only for a non-nil error: os.IsNotExist(err), errors.Is(err, fs.ErrNotExist)
            if (nil.equals("nil") && all.stream().anyMatch(x -> x.matches(
                    "(os\\.Is(NotExist|Exist|Permission|Timeout)|errors\\.(Is|As))\\(\\s*" + Pattern.quote(e) + "\\s*[,)].*"))) {
                return Edge.TRUE;
            }
        }
        if (c.equals(v + " != " + nil)) {
            return Edge.FALSE;
        }
        if (all.contains(v + " == " + nil) || all.contains(nil + " == " + v)) {
            return Edge.TRUE;
        }
        if (c.equals(nil + " != " + v)) {
            return Edge.FALSE;
        }
        // gorm: Begin returns a *gorm.DB whose Error field says the transaction never started
        if (nil.equals("nil") && c.equals(v + ".Error != nil")) {
            return Edge.TRUE;
        }
        if (nil.equals("nil") && c.equals(v + ".Error == nil")) {
            return Edge.FALSE;
        }
        // a session or client asked whether it is connected (Commons Net, JSch, sshj, JavaMail): on the false edge
        // its connect never succeeded or it was already dropped, and nothing is held
        if (c.equals(v + ".isConnected()") || c.equals(v + " != " + nil + " && " + v + ".isConnected()")) {
            return Edge.FALSE;
        }
        if (c.equals("!" + v + ".isConnected()")) {
            return Edge.TRUE;
        }
        // a JPA/Hibernate transaction asked whether it is still active: on the false edge there is nothing to end
        if (c.equals(v + ".isActive()")) {
            return Edge.FALSE;
        }
        if (c.equals("!" + v + ".isActive()")) {
            return Edge.TRUE;
        }
        // Spring's TransactionStatus asked whether a commit or rollback already completed it (a finally's
        // `if (!status.isCompleted()) txManager.rollback(status)`): on the true edge there is nothing to end
        if (c.equals(v + ".isCompleted()")) {
            return Edge.TRUE;
        }
        if (c.equals("!" + v + ".isCompleted()")) {
            return Edge.FALSE;
        }
        return null;
    }

    private static String strip(String s) {
        s = s.strip().replaceAll("\\s+", " ");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int d = 0;
        for (char ch : s.toCharArray()) {
            d += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (d < 0) {
                return false;
            }
        }
        return d == 0;
    }

    private static List<String> conjuncts(String c) {
        List<String> out = new ArrayList<>();
        int d = 0;
        int start = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            d += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (d == 0 && c.startsWith("&&", i)) {
                out.add(strip(c.substring(start, i)));
                start = i + 2;
            }
        }
        out.add(strip(c.substring(start)));
        return out;
    }
}
