package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * A name the thread-local model took by its name alone ({@code current}, {@code holder}) whose declaration the diff
 * shows with another type ({@code AtomicReference<Running> current = new AtomicReference<>()}, set 23's tinkerpop).
 * The analysis may parse the hunks of a file apart, so the declaration in one hunk does not reach the set in another;
 * this reads the file's shown text instead. Only a declaration whose type is a class name counts, and a thread-local
 * of any spelling ({@code ThreadLocal}, {@code InheritableThreadLocal}, {@code TransmittableThreadLocal},
 * {@code FastThreadLocal}) keeps the finding (noise34, session 34). Only a {@code set} called on the name itself is
 * judged so: a value the model acquires by its own type ({@code Scope scope = span.makeCurrent()},
 * {@code MDC.MDCCloseable tag = MDC.putCloseable(...)}, a shiro {@code SubjectThreadState}) is declared with that type
 * by design.
 */
final class DeclaredOtherwise {

    private DeclaredOtherwise() {
    }

    /**
     * True when the acquisition on {@code line} is {@code var.set(...)}, the file declares {@code var} and every
     * declaration shown types it as something not thread-local.
     */
    static boolean notThreadLocal(SourceFile file, String var, int line) {
        if (var == null || !var.matches("[A-Za-z_$][\\w$]*") || !file.known(line)
                || !Pattern.compile("(?<![\\w$])" + Pattern.quote(var) + "\\s*\\.\\s*set\\s*\\(")
                        .matcher(file.line(line)).find()) {
            return false;
        }
        String text = file.text();
        if (!text.contains(var)) {
            return false;
        }
        Matcher m = Pattern.compile("(?m)^[\\t ]*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*"
                + "([A-Z][\\w.]*)(<[^;=\\n]*>)?\\s+" + Pattern.quote(var) + "\\s*[=;]").matcher(text);
        boolean found = false;
        while (m.find()) {
            if (m.group(1).contains("ThreadLocal")) {
                return false;
            }
            found = true;
        }
        return found;
    }
}
