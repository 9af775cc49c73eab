package kb.review.analysis;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared type of the local a Java call is stored in, as evidence for the {@code returns:} entries of the models
 * ({@link DeclaredReturns}): qualified by the file's imports, and left out when the code in view declares a type of
 * that name. One instance per parsed file, beside {@link JavaAcquisitions} (moved out of it unchanged).
 */
final class DeclaredLocals {

    private final List<Model> models;
    private final Summaries summaries;
    private final Map<String, String> types;
    private final Set<String> fileMethods;

    DeclaredLocals(List<Model> models, Summaries summaries, Map<String, String> types, Set<String> fileMethods) {
        this.models = models;
        this.summaries = summaries;
        this.types = types;
        this.fileMethods = fileMethods;
    }

    /** {@link DeclaredReturns#localEvidence} of the call stored in a local declared {@code localType}, imports read. */
    String evidence(MethodCallExpr call, String localType) {
        return DeclaredReturns.localEvidence(call, imported(localType), summaries, types, fileMethods);
    }

    /** True when the call, stored in a local, meets a {@code returns} entry of the models ({@link DeclaredReturns}). */
    boolean byDeclaredReturn(MethodCallExpr e) {
        if (models.stream().allMatch(m -> m.acquires().stream().allMatch(q -> q.returns() == null))) {
            return false;
        }
        com.github.javaparser.ast.Node p = e.getParentNode().orElse(null);
        while (p instanceof CastExpr || p instanceof EnclosedExpr) {
            p = p.getParentNode().orElse(null);
        }
        String localType;
        if (p instanceof VariableDeclarator vd) {
            localType = vd.getTypeAsString();
        } else if (p instanceof AssignExpr as && as.getTarget().isNameExpr()) {
            localType = types.get(as.getTarget().toString());
        } else {
            return false;
        }
        localType = evidence(e, localType);
        for (Model m : models) {
            for (Model.Acquire q : m.acquires()) {
                if (q.returns() != null && DeclaredReturns.matches(q, e, localType, summaries, types) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A local's declared type as the file's imports name it: qualified by an import of that simple name
     * ({@code com.datastax.driver.core.ResultSet} is not JDBC's); as written when the file shows no import or imports a
     * whole package; prefixed {@code ?.} when the file shows imports and none gives the name (its package is unknown:
     * the file's own, or an import out of view), which only a type pattern taking any package meets
     * ({@link DeclaredReturns#typeMatches}).
     */
    private String imported(String localType) {
        if (localType == null) {
            return null;
        }
        if (imports == null) {
            // the file's text, not the parsed unit: a pasted hunk is parsed without the imports it shows
            String text = summaries.context == null ? null : summaries.context.text();
            imports = new ArrayList<>();
            java.util.regex.Matcher m = IMPORT.matcher(text == null ? "" : text);
            while (m.find()) {
                imports.add(m.group(1));
            }
        }
        String simple = DeclaredReturns.erasure(localType);
        // a type of that name the change (or the checkout beside it) declares is the project's own, whatever the
        // library calls its type (a graph driver's own ResultSet class, not JDBC's)
        if (projectTypes.computeIfAbsent(simple, t -> summaries.all().anyMatch(f -> t.equals(f.owner())
                || f.file() != null && (f.file().endsWith("/" + t + ".java") || f.file().equals(t + ".java"))))) {
            return null;
        }
        if (imports.isEmpty() || simple.contains(".")) {
            return localType;
        }
        boolean wildcard = false;
        for (String i : imports) {
            if (i.endsWith(".*")) {
                wildcard = true;
            } else if (i.endsWith("." + simple)) {
                return i;
            }
        }
        return wildcard ? localType : "?." + localType;
    }

    /** A type import (not a static one) of the file's text: the imported name, {@code .*} kept. */
    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile(
            "(?m)^\\s*import\\s+(?!static\\b)([\\w.]+(?:\\.\\*)?)\\s*;");

    /** Simple type names asked about, and whether the code in view declares a type of that name. */
    private final Map<String, Boolean> projectTypes = new HashMap<>();

    /** The file's type imports, read on first need. */
    private List<String> imports;
}
