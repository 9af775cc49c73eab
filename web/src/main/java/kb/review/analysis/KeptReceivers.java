package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go: a duty that a call starts on its receiver ({@code cmd.Start()}) belongs to whoever holds the receiver. A local
 * already written into a field, a struct or a slice before the call is held by that owner (a process supervisor
 * keeps its command and waits for it in its own Stop), not by the function that started it.
 */
final class KeptReceivers {

    private KeptReceivers() {
    }

    /**
     * True when the local {@code var} was written into a field, a struct or a slice earlier in its function
     * ({@code p.cmd = cmd}, {@code &Proc{cmd: cmd}}, {@code append(procs, cmd)}): the duty the call starts on it is
     * that holder's.
     */
    static boolean before(SyntaxNode call, String var, byte[] src) {
        if (!var.matches("[\\p{L}_]\\w*")) {
            return false;
        }
        SyntaxNode fn = call;
        while (!fn.isNull() && !fn.getType().equals("function_declaration") && !fn.getType().equals("method_declaration")
                && !fn.getType().equals("func_literal")) {
            fn = fn.getParent();
        }
        if (fn.isNull()) {
            return false;
        }
        // code only: a message or a comment that says "p.cmd = cmd" keeps nothing
        String before = CodeText.code(new String(src, fn.getStartByte(), call.getStartByte() - fn.getStartByte(),
                StandardCharsets.UTF_8));
        String v = Pattern.quote(var);
        return Pattern.compile("[\\w)\\]]\\.\\w+\\s*=\\s*&?" + v + "(?![\\w.(])|\\w\\s*:\\s*&?" + v
                + "\\s*[,}\\n]|\\bappend\\([^)]*(?<![\\w.])" + v + "\\s*[,)]").matcher(before).find();
    }
}
