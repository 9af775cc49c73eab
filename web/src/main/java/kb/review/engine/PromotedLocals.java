package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 43 (conc43), CONC-03: a Java change that turns a per-call object from a local into a field of the object.
 * The deleted line declared it in the method ({@code try (Connection connection = dataSource.getConnection())},
 * {@code HttpContext context = new BasicHttpContext();}); the added line assigns the same name without a type, and the
 * file declares that name as an instance field. The object serves one call (a JDBC connection, statement or result
 * set, a session, an HTTP context or connection, a stream, a builder, a formatter, a digest or cipher): as a local each
 * caller had its own; as a field of a service, an evaluator or a handler, which the container builds once for every
 * caller, two calls at once share it, and one closes or overwrites what the other is using (round 70's java-13, a
 * singleton evaluator whose concurrent reports ran on, and closed, each other's connection).
 *
 * <p>Reported at the added assignment, at low confidence: the review sees the local become a field, not who shares the
 * object. Silent for a {@code static} field's twin the change does not declare in sight, for types that are not
 * per-call objects, and when the block also deletes an assignment of the field (it was a field before: a file whose
 * indentation the change redoes deletes and adds every line).
 */
final class PromotedLocals {

    static final String RULE = "per-call-local-made-field";

    /** A per-call object's type: group 1 of {@link #DECLARED} is tested against this. */
    private static final Pattern PER_CALL = Pattern.compile(
            "(?:\\w+\\.)*(?:Connection|\\w*Statement|ResultSet|Session|EntityManager|Transaction|HttpURLConnection"
                    + "|\\w*HttpContext|HttpClientContext|\\w*(?:Input|Output)Stream|\\w*(?:Reader|Writer)|Socket"
                    + "|StringBuilder|StringBuffer|\\w*DateFormat|MessageDigest|Cipher|Mac|Matcher|Marshaller"
                    + "|Unmarshaller|Transformer|DocumentBuilder|XMLStreamReader|XMLStreamWriter)");
    /** A local's declaration, in a statement or a try's resources: group 1 its type, 2 its name. */
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*(?:try\\s*\\(\\s*)?(?:final\\s+)?([A-Z][\\w.]*)\\s+(\\w+)\\s*=(?!=)");
    /** An assignment without a type: group 1 the name. */
    private static final Pattern ASSIGNED = Pattern.compile("^\\s*(?:this\\s*\\.\\s*)?(\\w+)\\s*=(?!=)");
    /** An instance field's declaration without an initializer or with a null one: group 1 its name. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:private|protected|public)\\s+(?!static\\b)(?:(?:volatile|transient)\\s+)*[A-Z][\\w.<>?, ]*\\s+"
                    + "(\\w+)\\s*(?:=\\s*null\\s*)?;");

    private PromotedLocals() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        Set<String> fields = null;
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                for (DiffLine removed : block) {
                    Matcher d = removed.kind() == DiffLine.Kind.REMOVED ? DECLARED.matcher(removed.text()) : null;
                    if (d == null || !d.find() || !PER_CALL.matcher(d.group(1)).matches()) {
                        continue;
                    }
                    DiffLine assigned = assignment(block, d.group(2), DiffLine.Kind.ADDED);
                    // the field was assigned before the change too (a reformatted file deletes and adds it again)
                    if (assigned == null || assignment(block, d.group(2), DiffLine.Kind.REMOVED) != null) {
                        continue;
                    }
                    if (fields == null) {
                        fields = instanceFields(file);
                    }
                    if (fields.contains(d.group(2))) {
                        Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity)
                                .orElse(Severity.WARNING);
                        out.add(new Finding(RULE, "CONC-03", severity, file.path(), assigned.newLine(), 1,
                                assigned.text().strip(),
                                "The change keeps `" + d.group(2) + "` (a " + d.group(1) + ", made for one call) in a "
                                        + "field instead of a local: two calls on the same object at once (a service, "
                                        + "an evaluator or a handler serves every caller) now share it, and one "
                                        + "overwrites or closes what the other is using. Keep it a local of the "
                                        + "method, or hand it along as a parameter.",
                                Finding.Confidence.LOW, "the review sees the local become a field, not the callers",
                                "kb", null));
                    }
                }
            }
        }
        return out;
    }

    /** The block's added (or deleted) assignment of {@code name} without a type, or null. */
    private static DiffLine assignment(List<DiffLine> block, String name, DiffLine.Kind kind) {
        for (DiffLine l : block) {
            if (l.kind() == kind && (kind == DiffLine.Kind.REMOVED || l.newLine() > 0)) {
                Matcher a = ASSIGNED.matcher(l.text());
                if (a.find() && a.group(1).equals(name)) {
                    return l;
                }
            }
        }
        return null;
    }

    /** The names of the instance fields the file's known lines declare without a value. */
    private static Set<String> instanceFields(SourceFile file) {
        Set<String> out = new HashSet<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n)) {
                Matcher f = FIELD.matcher(file.line(n));
                if (f.find()) {
                    out.add(f.group(1));
                }
            }
        }
        return out;
    }
}
