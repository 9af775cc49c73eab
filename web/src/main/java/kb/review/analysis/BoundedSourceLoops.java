package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 51) A loop whose source bounds it. First, a loop that reads another program's output line by line: Go's
 * {@code for sc.Scan()} over a scanner made on a command's {@code StderrPipe()}/{@code StdoutPipe()}, Java's {@code
 * readLine()} over a {@code Process}'s error or output stream. Writing each line to the log is what such a loop is for
 * (a hook's or a child tool's diagnostics relayed into the service's own log), and its volume is the child's, bounded
 * by what that program prints, not by the traffic the service takes: not the hot path LOG-01 means. Seen on set 19
 * (sftpgo relays an auth hook's stderr) once log51 read {@code Scan()} loops as walking input. Second, a Java reader
 * over a file the method opens itself ({@link #ownFile}). A scanner over a socket or a request body is neither.
 */
final class BoundedSourceLoops {

    private static final Pattern GO_SCAN = Pattern.compile("\\b(\\w+)\\.Scan\\(\\s*\\)");
    private static final Pattern JAVA_READ = Pattern.compile("=\\s*(\\w+)\\.readLine\\(\\s*\\)");
    /** How far above the loop its reader is looked for, in bytes: the function that starts the child. */
    private static final int WINDOW = 4000;

    private BoundedSourceLoops() {
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
                    + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*[\\w.]+\\.(?:StderrPipe|StdoutPipe)\\(\\s*\\)").matcher(above)
                    .find();
        }
        Matcher java = JAVA_READ.matcher(head);
        if (java.find()) {
            String reader = Pattern.quote(java.group(1));
            if (Pattern.compile("\\b" + reader + "\\s*=\\s*new\\s+BufferedReader\\(\\s*new\\s+"
                    + "InputStreamReader\\(\\s*\\w+\\.(?:getErrorStream|getInputStream)\\(\\s*\\)")
                    .matcher(above).find() && Pattern.compile("\\bProcess(?:Builder)?\\b|\\.exec\\(").matcher(above)
                    .find()) {
                return true;
            }
            return ownFile(reader, above);
        }
        return false;
    }

    /**
     * A file the method opens itself and reads through once: {@code reader = new BufferedReader(configReader)} over
     * {@code new FileReader(name)} or a configuration resource ({@code conf.getConfResourceAsReader(name)}), or {@code
     * Files.newBufferedReader(path)}. A line per malformed entry of a settings file is bounded by that file and written
     * once per load (set 20, nutch's per-host fetch intervals), not per unit of traffic. Java only: a Go scanner over
     * an opened file is as often a tail of a growing log, which is traffic.
     */
    private static boolean ownFile(String reader, String above) {
        Matcher wrapped = Pattern.compile("\\b" + reader + "\\s*=\\s*new\\s+(?:BufferedReader|LineNumberReader)\\(\\s*"
                + "(\\w+)\\s*[,)]").matcher(above);
        String inner = wrapped.find() ? Pattern.quote(wrapped.group(1)) : null;
        String source = "(?:new\\s+(?:BufferedReader|LineNumberReader)\\(\\s*)?(?:new\\s+FileReader\\("
                + "|new\\s+InputStreamReader\\(\\s*new\\s+FileInputStream\\(|Files\\.newBufferedReader\\("
                + "|[\\w.]+\\.getConfResourceAsReader\\(|[\\w.]+\\.getResourceAsStream\\()";
        return Pattern.compile("\\b" + reader + "\\s*=\\s*" + source).matcher(above).find()
                || inner != null && Pattern.compile("\\b" + inner + "\\s*=\\s*" + source).matcher(above).find();
    }
}
