package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * A Java object's release of what it holds, called on itself ({@code closeSocket();}, {@code disconnect();}), for
 * {@link RemovedReleases}: deleted right above the line that makes the replacement, it was a reconnect's "let the old
 * one go" (res45: a socket appender's reopen, a client's reconnect on a leader change); deleted from the catch of a
 * failed connect that rethrows, it was the failure path's clean-up (res47). Anywhere else a deleted own release may
 * have moved into a method the diff does not show, so only those two orders are read.
 */
final class OwnReleases {

    private OwnReleases() {
    }

    /**
     * A Java object's no-argument call of its own release ({@code closeSocket();}, {@code this.disconnect();},
     * {@code releaseConnection();}): group 1 the method, which names the release since the value is a field it reads.
     */
    static final Pattern SELF_RELEASE = Pattern.compile(
            "^\\s*(?:this\\.)?((?:close|disconnect|release)(?:[A-Z]\\w*)?)\\(\\)\\s*;");

    /**
     * A new resource made on the line: assigned from a constructor or from a call that creates, opens, connects or
     * dials ({@code Socket s = socketFactory.createSocket();}, {@code channel = connect(address);}).
     */
    private static final Pattern ACQUIRED = Pattern.compile(
            "[^=!<>]=\\s*(?:new\\s+[A-Z]\\w*|(?:[\\w.]+\\.)?(?:create|open|connect|dial|new)\\w*)\\s*\\(");

    /**
     * The new line of the first line kept or added below the deleted release {@code at} when it acquires a resource
     * ({@link #ACQUIRED}): the release let the old one go before its replacement was made, the reconnect's order (a
     * socket appender's reopen, a client's reconnect on a leader change; round 80's java-01, tinode/tindroid#52,
     * withlin/canal-go#85), else 0. Elsewhere a deleted own release may have moved into a method the diff does not
     * show. The finding stands on that acquisition, where the old resource is lost.
     */
    static int reacquired(List<DiffLine> lines, int at) {
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank()) {
                return ACQUIRED.matcher(l.text()).find() ? l.newLine() : 0;
            }
        }
        return 0;
    }

    /** A catch clause's header: {@code } catch (IOException e) {}. */
    private static final Pattern CATCH = Pattern.compile("^\\s*}?\\s*catch\\s*\\([^)]*\\)\\s*\\{\\s*$");
    /** A try block's opening line. */
    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    /** A statement that rethrows the failure out of the catch. */
    private static final Pattern THROW = Pattern.compile("^\\s*throw\\s");
    /**
     * A return that gives up on the set-up (session 51): nothing, or a value that says "none" ({@code return null;},
     * {@code return false;}): like a throw, it tells the caller there is nothing to close (round 96's collectd JMX
     * connector whose MBean server connection failed).
     */
    private static final Pattern GIVES_UP = Pattern.compile(
            "^\\s*return(?:\\s+(?:null|false|-1|Optional\\.empty\\(\\)))?\\s*;");
    /**
     * A call that opens what the object then holds: a connect or an open on a value or the object itself
     * ({@code socket.connect(address, timeout)}, {@code channel = SocketChannel.open(address)}), or a new resource
     * made ({@link #ACQUIRED}).
     */
    private static final Pattern SETS_UP = Pattern.compile(
            "\\b(?:connect|open|bind|login)\\w*\\s*\\(|\\.get\\w*Connection\\s*\\(");

    /**
     * The new line of the set-up call when the deleted own release {@code at} stood in the catch of that set-up and
     * the catch rethrows below it (or gives up with a bare or "none" return, session 51), else 0: a failed connect
     * now leaves the method by the throw with the half-made
     * socket or channel still open, and the caller, told the connect failed, never closes what it did not get (a
     * master that retries an unreachable device every few seconds leaks one socket a try: round 89's java-01;
     * the JDK's own {@code Socket(host, port)} constructor closes the socket when its connect fails for that reason).
     * The try must be in view (its lines above the catch, down to the hunk's top or the {@code try {}) and make a
     * connect, open or new resource; the finding stands there, where the failure starts.
     */
    static int failedSetUp(List<DiffLine> lines, int at) {
        int level = RemovedReleases.indent(lines.get(at).text());
        int header = -1;
        for (int j = at - 1; j >= 0; j--) {
            String t = lines.get(j).text();
            if (!t.isBlank() && RemovedReleases.indent(t) < level) {
                header = CATCH.matcher(t).find() ? j : -1;
                break;
            }
        }
        if (header < 0 || !rethrows(lines, at, level)) {
            return 0;
        }
        int catchLevel = RemovedReleases.indent(lines.get(header).text());
        int setUp = 0;
        for (int j = header - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (t.isBlank() || l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (RemovedReleases.indent(t) <= catchLevel) {
                if (!TRY.matcher(t).find()) {
                    return 0; // not the catch's own try block: another block closes above
                }
                break;
            }
            if (SETS_UP.matcher(t).find() || ACQUIRED.matcher(t).find()) {
                setUp = l.newLine();
            }
        }
        return setUp;
    }

    /** True when the first statement kept below the deleted line {@code at}, in its block, is a {@code throw}. */
    private static boolean rethrows(List<DiffLine> lines, int at, int level) {
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            String t = l.text();
            if (l.kind() == DiffLine.Kind.REMOVED || t.isBlank()) {
                continue;
            }
            return RemovedReleases.indent(t) == level && (THROW.matcher(t).find() || GIVES_UP.matcher(t).find());
        }
        return false;
    }
}
