package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summaries of Java constructors, used where {@code new Type(x)} is given a tracked value: a constructor that stores
 * its parameter in a field (or hands it to {@code super(...)}/{@code this(...)}) takes the value over; one that
 * releases it releases it; one that only reads it is a borrower, so the caller still owns the value. When the class's
 * {@code close()} releases the field the constructor stored it in, the wrapper opened in try-with-resources releases
 * the value (an {@code AutoRollback(conn)} that rolls back on close). A constructor the review cannot see is unknown.
 */
final class Wrappers {

    /** What the visible constructors do with the argument. */
    enum Use { KEEPS, RELEASES, READS }

    private Wrappers() {
    }

    /** What constructing {@code type} does with its {@code arg}-th argument for model {@code m}; null when unseen. */
    static Use use(Summaries summaries, String type, int arg, Model m) {
        List<Summaries.Function> ctors = constructors(summaries, type, arg);
        if (ctors.isEmpty()) {
            return null;
        }
        boolean releases = false;
        for (Summaries.Function f : ctors) {
            String p = f.params().get(arg);
            if (field(f, p) != null || delegates(f.body(), p) || summaries.keepsArgument("new " + Summaries.simpleName(type), arg)) {
                return Use.KEEPS;
            }
            releases |= m.releasePattern(p).matcher(f.body()).find();
        }
        return releases ? Use.RELEASES : Use.READS;
    }

    /**
     * True when a wrapper of {@code type} built around its {@code arg}-th argument releases it on close: a visible
     * constructor stores it in a field and the class's {@code close()} releases that field as model {@code m} says.
     */
    static boolean closeReleases(Summaries summaries, String type, int arg, Model m) {
        List<Summaries.Function> closes = summaries.members(type, "close");
        for (Summaries.Function ctor : constructors(summaries, type, arg)) {
            String f = field(ctor, ctor.params().get(arg));
            if (f == null) {
                continue;
            }
            for (Summaries.Function close : closes) {
                if (close.params().isEmpty() && m.releasePattern(f).matcher(THIS.matcher(close.body())
                        .replaceAll("")).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern THIS = Pattern.compile("\\bthis\\s*\\.\\s*");

    private static List<Summaries.Function> constructors(Summaries summaries, String type, int arg) {
        String simple = Summaries.simpleName(type.replaceAll("<.*", "").strip());
        return summaries.members(type, "new " + simple).stream().filter(f -> arg < f.params().size()).toList();
    }

    /** The field {@code this.f = p} or {@code f = p} stores parameter {@code p} in, or null. */
    private static String field(Summaries.Function ctor, String p) {
        Matcher m = Pattern.compile("(?:\\bthis\\s*\\.\\s*)?([\\w$]+)\\s*=(?!=)\\s*" + Pattern.quote(p)
                + "\\s*;").matcher(ctor.body());
        return m.find() ? m.group(1) : null;
    }

    /** True when the constructor hands {@code p} to another constructor of the class or of its superclass. */
    private static boolean delegates(String body, String p) {
        return Pattern.compile("\\b(super|this)\\s*\\([^;]*(?<![\\w.$])" + Pattern.quote(p) + "(?![\\w$])")
                .matcher(body).find();
    }
}
