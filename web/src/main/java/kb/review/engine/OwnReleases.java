package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * A Java object's release of what it holds, called on itself ({@code closeSocket();}, {@code disconnect();}), for
 * {@link RemovedReleases}: deleted right above the line that makes the replacement, it was a reconnect's "let the old
 * one go" (res45: a socket appender's reopen, a client's reconnect on a leader change). Anywhere else a deleted own
 * release may have moved into a method the diff does not show, so only the reconnect's order is read.
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
}
