package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 53 (conc53), CONC-03, Java: an object that keeps working state between calls (a {@code java.text} format,
 * a {@code StringBuilder}, a {@code MessageDigest}, a {@code Cipher} or {@code Mac}, a {@code Calendar}), which the
 * old code made per call, hoisted by the change into a field of an object that every thread shares: a static field,
 * or a field of a container bean or servlet (a Spring {@code @Service}/{@code @Component}/{@code @Controller}, a CDI
 * singleton, an {@code HttpServlet}). The deleted lines show the per-call construction inside a method, the added
 * lines the same construction as a field: the usual "do not build it on every call" refactor that makes two
 * requests parse, format or digest into one object at once (garbled dates, wrong hashes). Reported at the added
 * field declaration, where the choice was made (the rounds label the declaration of a shared formatter).
 *
 * <p>Not reported: a field the change wraps in a {@code ThreadLocal} or guards ({@code synchronized} among the added
 * lines), a class whose scope is narrower than the application (prototype, request, session), a type that is safe
 * to share ({@code DateTimeFormatter}, {@code Pattern}), a construction that was a field already, tests.
 */
final class HoistedUnsafeLocals {

    static final String RULE = "per-call-local-made-shared-field";

    /** The construction of a stateful type: group 1 the type. */
    private static final Pattern STATEFUL = Pattern.compile("\\bnew\\s+(SimpleDateFormat|DecimalFormat|MessageFormat"
            + "|ChoiceFormat|StringBuilder|GregorianCalendar)\\s*\\(|\\b(MessageDigest|Cipher|Mac|Calendar|NumberFormat"
            + "|DateFormat)\\s*\\.\\s*get\\w*Instance\\s*\\(");
    /** A field declaration: a modifier first, group 1 the name. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:(?:private|protected|public|static|final)\\s+)+[\\w.<>, ?\\[\\]]+\\s+(\\w+)\\s*=");
    /** A field declared as one of the stateful types, built by a helper: group 1 the type. */
    private static final Pattern TYPED_FIELD = Pattern.compile("^\\s*(?:(?:private|protected|public|static|final)\\s+)+"
            + "(?:java\\.\\w+\\.)*(SimpleDateFormat|DecimalFormat|MessageFormat|ChoiceFormat|StringBuilder"
            + "|GregorianCalendar|MessageDigest|Cipher|Mac|Calendar|NumberFormat|DateFormat)\\s+\\w+\\s*=");
    private static final Pattern SHARED_CLASS = Pattern.compile("@(?:Component|Service|Controller|RestController"
            + "|Repository|Singleton|ApplicationScoped|WebServlet|WebFilter|Configuration)\\b|\\bextends\\s+(?:Http"
            + "|Generic)Servlet\\b");
    private static final Pattern NARROW = Pattern.compile("@(?:RequestScope|SessionScope|RequestScoped|SessionScoped"
            + "|ViewScoped)\\b|@Scope\\s*\\([^)]*(?i:prototype|request|session|thread)");

    private HoistedUnsafeLocals() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)) {
            return List.of();
        }
        String added = file.addedText().text();
        if (added.contains("ThreadLocal") || added.contains("synchronized") || NARROW.matcher(file.text()).find()) {
            return List.of();
        }
        java.util.Set<String> perCall = new java.util.HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.REMOVED || FIELD.matcher(l.text()).find()) {
                    continue;
                }
                Matcher m = STATEFUL.matcher(l.text());
                if (m.find()) {
                    perCall.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        if (perCall.isEmpty()) {
            return List.of();
        }
        boolean sharedClass = SHARED_CLASS.matcher(file.text()).find();
        Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                Matcher f = FIELD.matcher(l.text());
                Matcher m = STATEFUL.matcher(l.text());
                Matcher typed = TYPED_FIELD.matcher(l.text());
                if (!f.find()) {
                    continue;
                }
                String type = typed.find() ? typed.group(1) : m.find() ? (m.group(1) != null ? m.group(1) : m.group(2))
                        : null;
                if (type == null) {
                    continue;
                }
                boolean isStatic = l.text().matches("^\\s*(?:\\w+\\s+)*static\\s.*");
                if (!perCall.contains(type) || !isStatic && !sharedClass) {
                    continue;
                }
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change moves a " + type + " that each call used to make for itself into `" + f.group(1)
                                + "`, a field " + (isStatic ? "every instance and thread shares" : "of an object the "
                                + "container shares between request threads") + ": it keeps working state between "
                                + "calls, so two requests using it at once corrupt each other's result. Keep it per "
                                + "call, or use a thread-safe type (DateTimeFormatter) or a ThreadLocal.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }
}
