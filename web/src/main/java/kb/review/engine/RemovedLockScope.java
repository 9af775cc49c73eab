package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.GoLocals;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * What a deleted Go lock guarded besides fields of its own value: package-level maps and slices. A function that
 * locked {@code statsMu} (a package-level mutex) or {@code s.mu} and then wrote {@code hits[path]++} guarded that
 * package-level map with it; with the lock gone, the write is shared by every goroutine that calls the function. A
 * written name counts as package-level when the function's signature is in the hunk and nothing in the function
 * declares it (Go has no scope between the two), or, when the signature is out of sight, when the diff shows it
 * declared at package level as a map or slice.
 */
record RemovedLockScope(int signature, Set<String> packageVars) {

    private static final Pattern FUNC = Pattern.compile("^func\\b");
    /** A package-level map or slice as gofmt writes it: {@code var name = map...} or a line of a {@code var (} block. */
    private static final Pattern PACKAGE_VAR = Pattern.compile(
            "^(?:var\\s+|\\t)(\\w+)\\s*(?:(?:\\w+\\s*)?=\\s*(?:make\\(\\s*)?(?:map\\[|\\[\\])|map\\[|\\[\\])");

    static RemovedLockScope of(SourceFile file, RemovedLine removed) {
        int signature = -1;
        List<DiffLine> lines = removed.lines();
        for (int k = removed.index() - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (l.kind() != DiffLine.Kind.REMOVED && FUNC.matcher(l.text()).find()) {
                signature = k;
                break;
            }
            if (l.kind() != DiffLine.Kind.REMOVED && l.text().startsWith("}")) {
                break;
            }
        }
        Set<String> vars = new HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                Matcher m = PACKAGE_VAR.matcher(l.text());
                if (m.find()) {
                    vars.add(m.group(1));
                }
            }
        }
        return new RemovedLockScope(signature, vars);
    }

    /** Whether line {@code j} writes a package-level map or slice (a name its function does not declare). */
    boolean writesShared(List<DiffLine> lines, int j) {
        String name = GoLocals.bareWrite(lines.get(j).text());
        if (name == null) {
            return false;
        }
        List<String> body = new ArrayList<>();
        for (int k = Math.max(signature, 0); k < j; k++) {
            if (lines.get(k).kind() != DiffLine.Kind.REMOVED) {
                body.add(lines.get(k).text());
            }
        }
        if (GoLocals.declared(body).contains(name)) {
            return false;
        }
        return signature >= 0 || packageVars.contains(name);
    }
}
