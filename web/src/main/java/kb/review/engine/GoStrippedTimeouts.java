package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Go edit that keeps a dial or a client but takes its bound off, the Go side of {@link StrippedTimeouts}: a
 * functional option or argument that names a timeout or deadline cut out of the call it keeps
 * ({@code pkg.Dial(addr, pw, pkg.DialTimeout(d))} becoming {@code pkg.Dial(addr, pw)}, {@code grpc.WithTimeout},
 * {@code nats.Timeout}, {@code ldap.DialWithDialer(&net.Dialer{Timeout: d})}, a {@code timeout} parameter), a
 * {@code DialTimeout(network, addr, d)} turned into the {@code Dial(network, addr)} that has no bound, or a
 * timeout field ({@code DialTimeout: d,}, {@code HandshakeTimeout: d,}) deleted from a literal whose other lines stay,
 * or its assignment statement ({@code cfg.Net.ReadTimeout = d}) deleted from between settings that stay.
 * TMO-01 asks for a timeout on every outbound connection; the deleted line is the code's own word that this one had
 * one. Silent when the bound was off anyway ({@code 0}), for idle, keep-alive and shutdown timeouts (they bound no
 * wait of the caller), when the old line differs from the new one in anything else, in tests, and when an added line
 * of the change names a timeout or a deadline (the bound moved). Cost: a {@code contains} per deleted line.
 * A setter written as an {@code if} that checks its error is read by {@link GoDeadlines}.
 */
final class GoStrippedTimeouts {

    static final String RULE = "go-stripped-timeout";

    private static final Pattern MENTIONS = Pattern.compile("(?i)timeout|deadline");
    private static final Pattern NOT_A_WAIT = Pattern.compile(
            "(?i)idle|keep-?alive|linger|evict|shutdown|grace|ttl|lease|expir|retention|cache|interval|backoff");
    private static final Pattern OFF = Pattern.compile("^\\s*(?:\\w+\\.)*\\w*\\(?\\s*0+\\s*\\)?\\s*$");
    /** A field of a literal set to a timeout: {@code DialTimeout: 5 * time.Second,}. Group 1 the field, 2 its value. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*((?:[A-Z]\\w*)?(?:Timeout|Deadline))\\s*:\\s*(.+?)\\s*,?\\s*(?://.*)?$");
    /**
     * A field that sets how to dial, with a timeout in its value ({@code Dial: amqp.DefaultDial(c.dialTimeout),},
     * {@code DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext,}): deleted, the settings fall back to a
     * dial without that bound (round 23's go-16). Group 1 the field, 2 its value.
     */
    private static final Pattern DIAL_FIELD = Pattern.compile(
            "^\\s*((?:[A-Z]\\w*)?Dial\\w*)\\s*:\\s*(.*(?i:timeout|deadline).*?)\\s*,?\\s*(?://.*)?$");
    /**
     * A dial or connect call ({@code ssh.Dial("tcp", addr, cfg)}, {@code ldap.DialURL}, {@code pgx.ConnectConfig}):
     * a bare {@code Timeout:} field is a connection's bound only when such a call takes the literal right below it.
     */
    private static final Pattern DIAL_CALL = Pattern.compile("\\b(?:\\w+\\.)*\\w*(?:Dial|Connect)\\w*\\s*\\(");
    /** The opening line of a literal of a package's client, dialer or connection settings type (ssh.ClientConfig). */
    private static final Pattern CLIENT_LITERAL = Pattern.compile(
            "\\b[a-z]\\w*\\.\\w*(?:Client|Dialer|Conn)\\w*\\s*\\{\\s*$");
    /**
     * A statement or chain step that sets a timeout or deadline ({@code conn.SetReadDeadline(t)}, {@code .SetTimeout(d)}),
     * also with its error discarded or kept ({@code _ = conn.SetReadDeadline(t)}, {@code err = c.SetDeadline(t)}: the
     * best-effort form of a server's per-read deadline, round 25's go-28). Group 1 the method, 2 its argument.
     */
    private static final Pattern SETTER = Pattern.compile(
            "^\\s*(?:(?:_|\\w+)\\s*:?=\\s*)?(?:[\\w.]+(?:\\(\\))?)?\\.(Set\\w*(?:Timeout|Deadline))\\((.+)\\)\\.?\\s*(?://.*)?$");
    /**
     * A timeout field set by an assignment statement on settings built earlier ({@code cfg.Net.DialTimeout = d},
     * {@code srv.ReadHeaderTimeout = d}, {@code client.Timeout = d}): the statement form of {@link #FIELD}, which
     * Sarama's, net/http's and most drivers' configuration structs are written with. Group 1 the field, 2 the value.
     */
    private static final Pattern ASSIGNED = Pattern.compile(
            "^\\s*[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*\\.((?:[A-Z]\\w*)?(?:Timeout|Deadline))\\s*=\\s*(.+?)\\s*(?://.*)?$");
    /**
     * A bare {@code x.Timeout = d} bounds a connection only when {@code x} names a client, dialer, transport or
     * connection ({@code client.Timeout}, {@code cfg.Net.Dialer.Timeout}); a job's or a session's {@code Timeout} is not.
     */
    private static final Pattern CONNECTION_HOLDER = Pattern.compile(
            "(?i)(?:client|cli|dialer|conn\\w*|transport|net)\\.(?:Timeout|Deadline)\\s*=");
    /** A deadline of now: the idiom that wakes a blocked reader or writer on close, not a bound of its wait. */
    private static final Pattern NOW = Pattern.compile("^\\s*time\\.Now\\(\\)\\s*$");
    /** A dial with a timeout twin: group 1 the callee up to the name, the name ends in Timeout. */
    private static final Pattern DIAL_TIMEOUT = Pattern.compile("((?:[\\w.]+\\.)?Dial\\w*?)Timeout\\s*\\(");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private GoStrippedTimeouts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<RemovedLine> removed = RemovedLine.of(file);
        if (removed.isEmpty()) {
            return List.of();
        }
        List<RemovedLine> bounded = new ArrayList<>();
        for (RemovedLine r : removed) {
            String t = r.line().text();
            if ((t.contains("imeout") || t.contains("eadline")) && !t.strip().startsWith("//")) {
                bounded.add(r);
            }
        }
        if (bounded.isEmpty() || allAdded.anyFindsOutsideTests(MENTIONS)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : bounded) {
            String old = r.line().text();
            DiffLine now = null;
            String what = null;
            for (String stripped : strippings(old)) {
                now = replacement(r, stripped);
                if (now != null) {
                    what = "keeps this call but takes its bound off (`" + old.strip() + "` before)";
                    break;
                }
            }
            if (now == null) {
                Matcher f = FIELD.matcher(old);
                if (!f.matches()) {
                    f = SETTER.matcher(old);
                }
                if (!f.matches()) {
                    f = ASSIGNED.matcher(old);
                }
                Matcher g = GoDeadlines.CHECKED.matcher(old);
                if (!f.matches() && g.matches() && !NOT_A_WAIT.matcher(g.group(1)).find()
                        && !OFF.matcher(g.group(2)).matches() && !g.group(2).contains("time.Time{}")
                        && !NOW.matcher(g.group(2)).matches() && GoDeadlines.onlyTheCheck(r)) {
                    now = nextLine(r); // the setter with its error check (session 38, log38)
                    what = "deletes `" + old.strip() + " ... }` and keeps the connection";
                } else if (f.matches() && !NOT_A_WAIT.matcher(f.group(1)).find() && !OFF.matcher(f.group(2)).matches()
                        && !f.group(2).contains("time.Time{}") && !NOW.matcher(f.group(2)).matches()
                        && onlyDeletions(r)) {
                    boolean bare = f.group(1).equals("Timeout") || f.group(1).equals("Deadline");
                    now = f.pattern() == FIELD && bare ? connectionBelow(r)
                            : f.pattern() != ASSIGNED ? nextLine(r)
                            : bare && !CONNECTION_HOLDER.matcher(old).find() ? null
                            : builtAbove(r, old.strip().replaceFirst("[.\\s].*", ""));
                    what = "deletes `" + old.strip() + "` from the settings it keeps";
                } else {
                    Matcher c = DIAL_FIELD.matcher(old);
                    if (c.matches() && !NOT_A_WAIT.matcher(c.group(2)).find() && onlyDeletions(r)) {
                        now = connectionBelow(r); // the dial the settings are handed to, as for a bare Timeout
                        what = "deletes `" + old.strip() + "` (a dial bounded by a timeout) from the settings it keeps";
                    }
                }
            }
            DiffLine at = now;
            if (at != null && out.stream().noneMatch(x -> x.line() == at.newLine())) {
                out.add(new Finding(RULE, "TMO-01", severity, file.path(), at.newLine(), 1, at.text().strip(),
                        "The change " + what + ": a peer that does not answer now holds the dial or the call, and "
                                + "the caller, without limit. Keep a timeout or deadline on the connection, or say "
                                + "where it moved.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /** The deleted line without the arguments that bound it (each alone, then all), whitespace removed. */
    static List<String> strippings(String line) {
        List<String> out = new ArrayList<>();
        for (int open = 0; open < line.length(); open++) {
            char o = line.charAt(open);
            if (o != '(' && o != '{') {
                continue;
            }
            int close = closing(line, open);
            if (close < 0) {
                continue;
            }
            List<int[]> args = arguments(line, open, close);
            List<int[]> bounds = new ArrayList<>();
            for (int[] a : args) {
                String arg = line.substring(a[0], a[1]);
                if (MENTIONS.matcher(arg).find() && !idleOnly(arg) && !WHOLE_CLIENT.matcher(arg).find()
                        && !OFF.matcher(arg.replaceAll("^.*\\(", "").replace(")", "")).matches()) {
                    bounds.add(a);
                }
            }
            if (bounds.isEmpty()) {
                continue;
            }
            for (int[] b : bounds) {
                out.add(squeeze(without(line, open, close, args, List.of(b))));
            }
            if (bounds.size() > 1) {
                out.add(squeeze(without(line, open, close, args, bounds)));
            }
        }
        Matcher d = DIAL_TIMEOUT.matcher(line);
        if (d.find()) {
            int open = d.end() - 1;
            int close = closing(line, open);
            List<int[]> args = close < 0 ? List.of() : arguments(line, open, close);
            if (args.size() >= 2) {
                String kept = line.substring(0, d.start()) + d.group(1) + "(" + line.substring(open + 1,
                        args.get(args.size() - 2)[1]) + line.substring(close);
                out.add(squeeze(kept));
            }
        }
        return out;
    }

    /**
     * A struct's client field with its whole client ({@code client: &http.Client{Timeout: t}}): deleted, the struct
     * keeps no client to be unbounded; the calls that now take the default client are where the wait goes unbounded,
     * and they are reported there (round 76's go-05, a notifier that posts with {@code http.Post}).
     */
    private static final Pattern WHOLE_CLIENT = Pattern.compile("^\\s*\\w*[cC]lient\\s*:\\s*&?\\s*[\\w.]+\\s*\\{");

    private static final Pattern BOUND_WORD = Pattern.compile("\\w*(?i:timeout|deadline)\\w*");

    /** True when every word of {@code arg} that names a timeout names one that bounds no wait (an idle timeout). */
    private static boolean idleOnly(String arg) {
        Matcher m = BOUND_WORD.matcher(arg);
        while (m.find()) {
            if (!NOT_A_WAIT.matcher(m.group()).find()) {
                return false;
            }
        }
        return true;
    }

    /** The line with the arguments {@code drop} (of the call at {@code open}..{@code close}) left out. */
    private static String without(String line, int open, int close, List<int[]> args, List<int[]> drop) {
        StringBuilder kept = new StringBuilder();
        for (int[] a : args) {
            if (!drop.contains(a)) {
                kept.append(kept.length() == 0 ? "" : ",").append(line, a[0], a[1]);
            }
        }
        return line.substring(0, open + 1) + kept + line.substring(close);
    }

    /** The top-level arguments (or literal elements) of the call whose parentheses are at {@code open} and {@code close}. */
    private static List<int[]> arguments(String line, int open, int close) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int from = open + 1;
        for (int i = open + 1; i < close; i++) {
            char c = line.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == '"' || c == '`') {
                int end = line.indexOf(c, i + 1);
                i = end < 0 ? close : end;
            } else if (c == ',' && depth == 0) {
                out.add(new int[] {from, i});
                from = i + 1;
            }
        }
        if (!line.substring(from, close).isBlank()) {
            out.add(new int[] {from, close});
        }
        return out;
    }

    /** True when the changed block around the deleted line deletes only (a field taken out, nothing put in). */
    private static boolean onlyDeletions(RemovedLine r) {
        return RemovedLine.changedBlock(r.lines(), r.index()).stream()
                .allMatch(l -> l.kind() == DiffLine.Kind.REMOVED && !l.text().contains("{") && !l.text().contains("}"));
    }

    /**
     * For a bare {@code Timeout:} field (a name many settings structs use for things that are not a connection's
     * bound): when the literal's own line shows it is a client's, dialer's or connection's settings, that line;
     * else the dial or connect call within three lines below the literal's closing brace that the hunk shows; null
     * otherwise.
     */
    private static DiffLine connectionBelow(RemovedLine r) {
        List<DiffLine> lines = r.lines();
        DiffLine peerLiteral = null;
        int depth = 0;
        for (int i = r.index() - 1; i >= 0; i--) {
            DiffLine l = lines.get(i);
            if (l.kind() == DiffLine.Kind.ADDED) {
                continue;
            }
            String t = l.text();
            depth += count(t, '}') - count(t, '{');
            if (depth < 0) {
                if (CLIENT_LITERAL.matcher(t).find() && l.newLine() > 0) {
                    return l; // the literal's own line, where a library model of the type reports too
                }
                if (PACKAGE_LITERAL.matcher(t).find() && l.newLine() > 0 && namesPeer(lines, i)) {
                    return l; // a package's settings that name the peer they talk to (gosnmp.GoSNMP{Target: h})
                }
                if (PACKAGE_LITERAL.matcher(t).find() && l.newLine() > 0 && peerType(t)) {
                    peerLiteral = l; // a peer's package: the literal, unless a dial below takes the settings
                }
                break;
            }
        }
        depth = 0;
        int after = -1;
        for (int i = r.index() + 1; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            if (l.kind() == DiffLine.Kind.REMOVED || l.newLine() <= 0) {
                continue;
            }
            String t = l.text();
            if (after < 0) {
                depth += count(t, '{') - count(t, '}');
                if (depth < 0) {
                    after = 0;
                }
            } else if (++after > 3) {
                return peerLiteral;
            }
            if (after >= 0 && DIAL_CALL.matcher(t).find()) {
                return l;
            }
        }
        return peerLiteral;
    }

    /** The opening line of a literal of a package's type ({@code snmp := &gosnmp.GoSNMP} and its brace). */
    private static final Pattern PACKAGE_LITERAL = Pattern.compile("[=(,]\\s*&?[a-z]\\w*\\.[A-Z]\\w*\\s*\\{\\s*$");
    /** The package and type of a literal's opening line ({@code opts := &upstream.Options{}). */
    private static final Pattern LITERAL_TYPE = Pattern.compile("&?([a-z]\\w*)\\.([A-Z]\\w*)\\s*\\{\\s*$");
    /**
     * Words of a package or type name that say its settings are for talking to a peer (the table; the names are the
     * libraries' kinds, not a project's): a bare {@code Timeout} of {@code upstream.Options}, {@code resolver.Config},
     * {@code smtp.Dialer} or {@code vault.Config} bounds the exchange with that peer (session 53, round 117's
     * dnsproxy); a job's, a worker's or a command's {@code Timeout} names none.
     */
    private static final Pattern PEER_KIND = Pattern.compile("(?i)upstream|resolver|dns|http|grpc|rpc|dial|conn|transport"
            + "|proxy|remote|peer|smtp|mail|ldap|ssh|ftp|redis|sql|kafka|nats|amqp|mqtt|websocket|tls|socket|webhook"
            + "|mongo|postgres|pgx|mysql|etcd|consul|vault|elastic|s3|net|api|client|fetch|upload|download");

    /** True when the literal opened on {@code line} is of a package or type named for a peer ({@link #PEER_KIND}). */
    private static boolean peerType(String line) {
        Matcher m = LITERAL_TYPE.matcher(line);
        return m.find() && PEER_KIND.matcher(m.group(1) + " " + m.group(2)).find();
    }

    /** A field of a literal that names the peer the settings talk to. */
    private static final Pattern PEER_FIELD = Pattern.compile(
            "^\\s*(?:Target|Host|Hostname|Addr|Address|Port|URL|Endpoint|Server|Peer)\\s*:");

    /**
     * True when the kept lines of the literal opened at {@code open} set a field that names its peer (a host, an
     * address, a target): a bare {@code Timeout} of such settings bounds the exchange with that peer (round 103's
     * go-10, an SNMP trap sender's {@code gosnmp.GoSNMP}); a job's or a worker's {@code Timeout} names no peer.
     */
    private static boolean namesPeer(List<DiffLine> lines, int open) {
        for (int i = open + 1; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            if (l.kind() == DiffLine.Kind.ADDED) {
                continue;
            }
            if (l.text().strip().startsWith("}")) {
                return false;
            }
            if (PEER_FIELD.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** The first line of the new side after the deleted one. */
    private static DiffLine nextLine(RemovedLine r) {
        for (int i = r.index() + 1; i < r.lines().size(); i++) {
            DiffLine l = r.lines().get(i);
            if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && !l.text().isBlank()) {
                return l;
            }
        }
        return null;
    }

    /**
     * For a deleted assignment on settings ({@code cfg.Net.ReadTimeout = d}): the kept line above that builds their
     * root {@code name} ({@code cfg := sarama.NewConfig()}, {@code srv := &http.Server{...}}), where the settings
     * that lost the bound are made and the rules that read a whole construction report too; the line below the
     * deletion when the hunk does not show it.
     */
    private static DiffLine builtAbove(RemovedLine r, String name) {
        Pattern built = Pattern.compile("^\\s*(?:var\\s+)?" + Pattern.quote(name) + "\\s*(?:,\\s*\\w+\\s*)?:?=[^=]");
        for (int i = r.index() - 1; i >= 0; i--) {
            DiffLine l = r.lines().get(i);
            if (l.kind() != DiffLine.Kind.REMOVED && l.newLine() > 0 && built.matcher(l.text()).find()) {
                return l;
            }
            if (l.text().startsWith("func ")) {
                break;
            }
        }
        return nextLine(r);
    }

    /** The added line of the same changed block that reads as {@code stripped}, or null. */
    private static DiffLine replacement(RemovedLine r, String stripped) {
        for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && squeeze(l.text()).equals(stripped)) {
                return l;
            }
        }
        return null;
    }

    /** The index of the parenthesis or brace closing the one at {@code open}, or -1 when the line ends first. */
    private static int closing(String line, int open) {
        char o = line.charAt(open);
        char e = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == o) {
                depth++;
            } else if (c == e && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String squeeze(String s) {
        return SPACE.matcher(s).replaceAll("");
    }
}
