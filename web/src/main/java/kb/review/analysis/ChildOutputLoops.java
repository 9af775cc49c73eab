package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 51) A loop that reads another program's output line by line: Go's {@code for sc.Scan()} over a scanner
 * made on a command's {@code StderrPipe()}/{@code StdoutPipe()}, Java's {@code readLine()} over a {@code Process}'s
 * error or output stream. Writing each line to the log is what such a loop is for (a hook's or a child tool's
 * diagnostics relayed into the service's own log), and its volume is the child's, bounded by what that program prints,
 * not by the traffic the service takes: not the hot path LOG-01 means. Seen on set 19 (sftpgo relays an auth hook's
 * stderr) once log51 read {@code Scan()} loops as walking input. A scanner over a file, a socket or a request body is
 * not this.
 */
final class ChildOutputLoops {

    private static final Pattern GO_SCAN = Pattern.compile("\\b(\\w+)\\.Scan\\(\\s*\\)");
    private static final Pattern JAVA_READ = Pattern.compile("=\\s*(\\w+)\\.readLine\\(\\s*\\)");
    /** How far above the loop its reader is looked for, in bytes: the function that starts the child. */
    private static final int WINDOW = 4000;

    private ChildOutputLoops() {
    }

    /** True when {@code loop}'s header reads the lines of a child process's stdout or stderr. */
    static boolean relays(SyntaxNode loop, byte[] src) {
        SyntaxNode body = loop.getChildByFieldName("body");
        int headEnd = body != null && !body.isNull() ? body.getStartByte() : loop.getEndByte();
        String head = new String(src, loop.getStartByte(), headEnd - loop.getStartByte(), StandardCharsets.UTF_8);
        int from = Math.max(0, loop.getStartByte() - WINDOW);
        String above = new String(src, from, loop.getStartByte() - from, StandardCharsets.UTF_8);
        Matcher go = GO_SCAN.matcher(head);
        if (go.find()) {
            Matcher made = Pattern.compile("\\b" + Pattern.quote(go.group(1))
                    + "\\s*:?=\\s*bufio\\.NewScanner\\(\\s*(\\w+)\\s*\\)").matcher(above);
            String stream = null;
            while (made.find()) {
                stream = made.group(1);
            }
            return stream != null && Pattern.compile("\\b" + Pattern.quote(stream)
                    + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*[\\w.]+\\.(?:StderrPipe|StdoutPipe)\\(\\s*\\)").matcher(above).find();
        }
        Matcher java = JAVA_READ.matcher(head);
        if (java.find()) {
            return Pattern.compile("\\b" + Pattern.quote(java.group(1)) + "\\s*=\\s*new\\s+BufferedReader\\(\\s*new\\s+"
                    + "InputStreamReader\\(\\s*\\w+\\.(?:getErrorStream|getInputStream)\\(\\s*\\)")
                    .matcher(above).find() && Pattern.compile("\\bProcess(?:Builder)?\\b|\\.exec\\(").matcher(above)
                    .find();
        }
        return false;
    }
}
