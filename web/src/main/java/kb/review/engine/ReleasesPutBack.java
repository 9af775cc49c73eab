package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.engine.RemovedReleases.Release;

/**
 * Whether the change still releases a value whose release it deletes, for {@link RemovedReleases}: the same release
 * added elsewhere (a defer, a finally, a helper given the value, a value handed on), or the value's acquisition
 * rewritten too, so that the code was replaced rather than its release dropped.
 */
final class ReleasesPutBack {

    /**
     * A Java value handed back to the owner that lent it, with an argument ({@code clientProvider.releaseClient(config)},
     * {@code pool.returnObject(conn)}): added in the hunk of a deleted disconnect or release, the provider now takes the
     * value back (precision set 21, streampipes' OPC UA adapter).
     */
    private static final Pattern OWNER_RELEASE = Pattern.compile(
            "\\.\\s*(?:release|disconnect|close|return)[A-Z]\\w*\\s*\\(\\s*[^)\\s]");

    private ReleasesPutBack() {
    }

    /** The hunk adds a release of the same kind (a renamed field or variable closed instead). */
    static boolean rewrittenInHunk(Release r, List<DiffLine> lines) {
        return lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && r.pattern().matcher(l.text()).find());
    }

    /** The hunk adds a line that hands a value back to the owner that lent it ({@link #OWNER_RELEASE}). */
    static boolean handedToOwner(List<DiffLine> lines) {
        return lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && OWNER_RELEASE.matcher(l.text()).find());
    }

    /**
     * True when an added line still calls the Go cleanup function {@code name}, with arguments now
     * ({@code cleanupAlways()} become {@code cleanupAlways(ctx, l, pidFilePath)}: the change re-signed the function, it
     * did not drop the call; precision set 17, AdGuardHome). Its declaration ({@code func name(}) is no call.
     */
    static boolean calledAgain(String name, List<String> added) {
        Pattern call = Pattern.compile("(?<!func\\s)(?<![\\w.])" + Pattern.quote(name) + "\\s*\\(");
        return added.stream().anyMatch(a -> a.contains(name) && call.matcher(a).find());
    }

    /** The added lines of one file's hunks. */
    static List<String> addedIn(SourceFile file) {
        List<String> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    out.add(l.text());
                }
            }
        }
        return out;
    }

    /** The end of a try-with-resources header: its closing parenthesis before the block's brace. */
    private static final Pattern TRY_HEADER_END = Pattern.compile("\\)\\s*\\{");

    /** The change adds a release of the same value (in a defer, a finally or a helper), or hands it on (unless unwrapped). */
    static boolean putBack(String value, Release r, List<String> added, boolean java, boolean unwrapped) {
        // compiled once per deleted release, not once per added line: a large diff has thousands of them
        Pattern named = value.isEmpty() ? null
                : Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        // Java: a stream given to a method whose result is returned (`return DigestUtils.md5Hex(in)`) is read there,
        // not handed to the caller; only the value itself, or a wrapper built around it, is
        Pattern returned = value.isEmpty() ? null : Pattern.compile("\\breturn\\s+(?:new\\s+[\\w.<>]+\\s*\\(\\s*)?"
                + Pattern.quote(value) + "(?![\\w.(])");
        // a per-thread context now reset another way (MDC.clear() replaced by MDC.remove(key), unset() by remove())
        Pattern reset = value.isEmpty() || !"CONC-04".equals(r.javaItem()) ? null : Pattern.compile("(?<![\\w])"
                + Pattern.quote(value) + "(?:\\(\\))?\\s*\\.\\s*(?:remove\\w*|clear\\w*|reset\\w*|unset|putCloseable)\\s*\\(");
        // Java: a try-with-resources header written over several lines declares its later resources on lines of
        // their own (`try (InputStream in = ...;` then `OutputStream out = ...) {`): those lines are in the header too
        boolean header = false;
        for (String a : added) {
            boolean inHeader = header || a.contains("try (");
            header = java && inHeader && !TRY_HEADER_END.matcher(a).find();
            if (r.pattern().matcher(a).find() && (value.isEmpty() || a.contains(value))
                    || reset != null && reset.matcher(a).find()) {
                return true;
            }
            // a rollback handed to a helper named for it (`rollbackQuietly(conn, e)`, `JdbcUtils.rollback(conn)`)
            if (named != null && named.matcher(a).find()
                    && (inHeader || a.contains("defer ") || a.contains("close") || a.contains("Close")
                    || a.contains("ollback") && ("TX-01".equals(r.javaItem()) || "TX-01".equals(r.goItem()))
                    || a.contains("return ") && !unwrapped && (!java || returned.matcher(a).find()))) {
                return true;
            }
        }
        return false;
    }

    /** The value's acquisition is rewritten by the change too: the code was replaced, not its release dropped. */
    static boolean acquiredInChange(String value, List<String> removed, List<String> added) {
        if (value.isEmpty()) {
            return false;
        }
        // the value may stand anywhere in a tuple assignment: a CLI's helper hands back its context, client,
        // connection and cancel in one (`ctx, client, conn, cancel, err := newClient()`; precision set 19, BU)
        // a Java field set through `this.` (`this.httpClient = HttpClients.custom()...build();` in the constructor)
        // is the same value: a change that deletes that set-up and the close in close() replaced the field (a client
        // made per call instead, RES-04's defect), it did not forget a release (rounds 75, 76 and 82)
        String self = "(?:(?<![\\w.])this\\s*\\.\\s*|(?<![\\w.]))";
        Pattern assigned = Pattern.compile(self + Pattern.quote(value) + "\\s*(?:,\\s*\\w+\\s*)*(?::=|=[^=])");
        // a reset to nothing (`c.conn = nil` under the close it follows, `this.socket = null`) acquires nothing: a
        // reconnect that deletes the close-and-reset of the old connection still dials a new one over it (round 60's
        // go-15; withlin/canal-go#85)
        Pattern cleared = Pattern.compile(self + Pattern.quote(value) + "\\s*=\\s*(?:nil|null)\\s*;?\\s*$");
        List<String> before = removed.stream().filter(t -> !(t.contains(value) && cleared.matcher(t).find())).toList();
        List<String> after = added.stream().filter(t -> !(t.contains(value) && cleared.matcher(t).find())).toList();
        // a line deleted and added back with only its comment or spacing changed is not a rewritten acquisition
        Set<String> removedCode = before.stream().map(DeletedReleaseAcquisitions::code).collect(Collectors.toSet());
        Set<String> addedCode = after.stream().map(DeletedReleaseAcquisitions::code).collect(Collectors.toSet());
        // an acquisition given other arguments only (`group = new NioEventLoopGroup()` becoming `new
        // NioEventLoopGroup(2)`) is the same acquisition: the same value is still made by the same call
        Set<String> removedCalls = before.stream().filter(t -> assigned.matcher(t).find())
                .map(ReleasesPutBack::callHead).filter(c -> c != null).collect(Collectors.toSet());
        Set<String> addedCalls = after.stream().filter(t -> assigned.matcher(t).find())
                .map(ReleasesPutBack::callHead).filter(c -> c != null).collect(Collectors.toSet());
        return before.stream().anyMatch(t -> assigned.matcher(t).find()
                && !addedCode.contains(DeletedReleaseAcquisitions.code(t)) && !reArgued(t, addedCalls))
                || after.stream().anyMatch(t -> assigned.matcher(t).find()
                && !removedCode.contains(DeletedReleaseAcquisitions.code(t)) && !reArgued(t, removedCalls));
    }

    /** The line's code up to its first call's opening parenthesis, without white space; null without a call. */
    static String callHead(String line) {
        String code = DeletedReleaseAcquisitions.code(line);
        int open = code.indexOf('(');
        return open <= 0 ? null : code.substring(0, open).replaceAll("\\s+", "");
    }

    /**
     * The other side of the change makes the same assignment by the same call, with other arguments, or by its variant
     * that takes more: a call whose name extends the other's ({@code os.Open} and {@code os.OpenFile}, {@code net.Dial}
     * and {@code net.DialTimeout}, {@code db.Query} and {@code db.QueryContext}) acquires the same kind of value, so
     * the value is still acquired here and its deleted release still missing (round 72's go-11).
     */
    private static boolean reArgued(String line, Set<String> otherSide) {
        String head = callHead(line);
        return head != null && head.contains("=") && (otherSide.contains(head)
                || otherSide.stream().anyMatch(o -> variant(head, o) || variant(o, head)));
    }

    /** True when {@code longer} is {@code shorter} with more letters on its call's name (a capital letter next). */
    private static boolean variant(String shorter, String longer) {
        return longer.length() > shorter.length() + 1 && longer.startsWith(shorter)
                && Character.isUpperCase(longer.charAt(shorter.length()));
    }
}
