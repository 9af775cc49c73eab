package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that rewrites how a remote client or connection is made and leaves its timeouts behind: the deleted side
 * of one changed block builds something ({@code new Service(args)}, {@code new OkHttpClient.Builder()},
 * {@code url.openConnection()}, {@code HttpClients.custom()}) and bounds it with a connect, read, socket or request
 * timeout (a setter statement on the built value or a step of its chain); the added side of the same block builds or
 * opens it again from the same type or the same receiver ({@code Service.connect(args)},
 * {@code new OkHttpClient.Builder().build()}, {@code url.openStream()}) and no added line of the change names a timeout
 * at all. Whatever the library, the old code's own setter says the call talks to a peer and needed a bound; the new
 * code waits as long as the library's default, which for most clients is without limit.
 * {@link DeletedTimeoutSetters} reads deletions that leave the construction in place; this reads the rewrite.
 * Silent when the new side bounds anything (a timeout moved to a config object, a duration on the call, a helper's
 * argument named for it: any added line naming a timeout or deadline), when the old timeout was off ({@code 0}), for
 * idle, keep-alive and eviction limits, and when the new side builds something else (another type, another receiver:
 * a client handed in from outside, a shared one).
 */
final class RebuiltWithoutTimeouts {

    static final String RULE = "client-rebuilt-without-timeouts";

    /** A timeout given in a chain or a setter: group 1 the method's name, group 2 what follows the parenthesis. */
    private static final Pattern TIMEOUT_CALL = Pattern.compile(
            "\\.\\s*((?:set)?[A-Za-z]*Timeout[A-Za-z]*|timeout)\\s*\\(([^;]*)");
    /** A value bound by a statement: {@code conn.setReadTimeout(ms);}; group 1 the receiver. */
    private static final Pattern STATEMENT = Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*\\.\\s*\\w+\\s*\\(");
    /** An assignment's target and value: group 1 the name, group 2 the value. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?:^|[\\s(])(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*=(?!=)\\s*(.*)$");
    /** A construction: group 1 the type. */
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\s*[(<]");
    /** A factory or opener on a receiver (a variable or a type): group 1 the receiver, group 2 the method. */
    private static final Pattern FACTORY = Pattern.compile(
            "^(?:\\([\\w.<>?, ]+\\)\\s*)?([A-Za-z_$][\\w$]*(?:\\.[A-Z][\\w$]*)*)\\s*\\.\\s*(\\w+)\\s*\\(");
    /** A copy of a kept client's builder: it carries the kept client's timeouts. */
    private static final Pattern DERIVED = Pattern.compile("^(?:newBuilder|toBuilder|mutate|clone|copy|derive\\w*)$");
    /**
     * What a call on a kept variable (not a type) must do to count as building or opening the value again: open,
     * connect, create, build or send, not read a property of the receiver.
     */
    private static final Pattern OPENS = Pattern.compile("^(?:open|connect|create|new|build|execute|send|request|fetch"
            + "|download|call|exchange|retrieve|get(?:Connection|InputStream|OutputStream|Content|Client))\\w*$");

    private RebuiltWithoutTimeouts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA || allAdded.anyFinds(DeletedTimeoutSetters.MENTIONS_TIMEOUT)) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                rebuilt(block).filter(line -> out.stream().noneMatch(f -> f.line() == line)).ifPresent(line ->
                        out.add(new Finding(RULE, "TMO-01", severity, file.path(), line, 1, file.line(line).strip(),
                                "The change builds this again without the timeouts the old code gave it (its deleted "
                                        + "lines set a connect, read or request timeout on the same construction): "
                                        + "the new one waits as long as the library's default, for most clients "
                                        + "without limit, when the peer stops answering. Carry the timeouts over.",
                                Finding.Confidence.HIGH, null, "kb", null)));
            }
        }
        return out;
    }

    /** The new line of the added construction that replaces a bounded one in {@code block}, if there is one. */
    private static Optional<Integer> rebuilt(List<DiffLine> block) {
        List<DiffLine> removed = block.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).toList();
        List<DiffLine> added = block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).toList();
        if (removed.isEmpty() || added.isEmpty()) {
            return Optional.empty();
        }
        for (int r = 0; r < removed.size(); r++) {
            Matcher t = TIMEOUT_CALL.matcher(removed.get(r).text());
            if (!t.find() || DeletedTimeoutSetters.NOT_A_WAIT.matcher(t.group(1)).find() || off(t.group(2))) {
                continue;
            }
            List<String> anchors = new ArrayList<>();
            String name = anchor(removed, r, t.start(), anchors);
            if (name != null) {
                handedTo(removed, name, anchors); // a config or factory the timeouts went into, given to the client
            }
            for (String anchor : anchors) {
                Optional<Integer> line = builtAgain(anchor, added);
                if (line.isPresent()) {
                    return line;
                }
            }
        }
        return Optional.empty();
    }

    /** The added line that builds or opens {@code anchor} again, if one does. */
    private static Optional<Integer> builtAgain(String anchor, List<DiffLine> added) {
        Pattern again = Pattern.compile("(?<![\\w$.])" + Pattern.quote(anchor)
                + "(?:\\s*[(<]|\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*[(<])");
        boolean type = Character.isUpperCase(anchor.charAt(0));
        for (DiffLine a : added) {
            Matcher m = again.matcher(a.text());
            while (m.find()) {
                if (m.group(1) == null ? type : type || OPENS.matcher(m.group(1)).matches()) {
                    return Optional.of(a.newLine());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Adds to {@code anchors} what the deleted lines build from the value named {@code name} (the request config or
     * the request factory that carried the timeouts, handed to {@code new RestTemplate(factory)} or
     * {@code HttpClients.custom().setDefaultRequestConfig(config)}).
     */
    private static void handedTo(List<DiffLine> removed, String name, List<String> anchors) {
        Pattern given = Pattern.compile("\\(\\s*(?:this\\.)?" + Pattern.quote(name) + "\\s*[,)]");
        for (int j = 0; j < removed.size(); j++) {
            if (given.matcher(removed.get(j).text()).find()) {
                int head = j;
                while (head > 0 && removed.get(head).text().strip().startsWith(".")) {
                    head--; // a step of a chain: the client is built at its head
                }
                String from = builtFrom(removed.get(head).text());
                if (from != null && !anchors.contains(from)) {
                    anchors.add(from);
                }
            }
        }
    }

    /** True when the timeout's argument switches it off ({@code 0}, {@code Duration.ZERO}). */
    private static boolean off(String args) {
        String first = args.split("[,)]", 2)[0];
        return DeletedTimeoutSetters.OFF.matcher(first).matches();
    }

    /**
     * Adds to {@code anchors} the type or receiver the bounded value was built from: the construction on the timeout's
     * own line, at the head of its chain (the deleted lines above a step that starts with a dot), or on the deleted
     * line that assigns the setter's receiver. Returns the name the value was kept in; null when none is shown.
     */
    private static String anchor(List<DiffLine> removed, int at, int timeoutAt, List<String> anchors) {
        String text = removed.get(at).text();
        String head = null;
        if (text.strip().startsWith(".")) {
            for (int j = at - 1; j >= 0 && head == null; j--) {
                String up = removed.get(j).text().strip();
                head = up.startsWith(".") ? null : up;
            }
        } else if (builtFrom(text.substring(0, timeoutAt)) != null) {
            head = text.substring(0, timeoutAt);
        } else {
            Matcher s = STATEMENT.matcher(text);
            for (int j = at - 1; j >= 0 && head == null && s.find(0); j--) {
                Matcher a = ASSIGNED.matcher(removed.get(j).text());
                head = a.find() && a.group(1).equals(s.group(1)) ? removed.get(j).text() : null;
            }
        }
        if (head == null) {
            return null;
        }
        String from = builtFrom(head);
        if (from != null) {
            anchors.add(from);
        }
        Matcher a = ASSIGNED.matcher(head);
        return a.find() && !head.strip().startsWith("return") ? a.group(1) : null;
    }

    /** The type constructed, or the receiver a factory or opener is called on, in {@code expression}; else null. */
    private static String builtFrom(String expression) {
        String e = expression.strip();
        Matcher a = ASSIGNED.matcher(e);
        if (a.find() && !e.startsWith("return")) {
            e = a.group(2).strip();
        }
        e = e.replaceFirst("^return\\s+", "");
        Matcher n = NEW.matcher(e);
        if (n.find() && n.start() == e.indexOf("new")) {
            return n.group(1);
        }
        Matcher f = FACTORY.matcher(e);
        return f.find() && !DERIVED.matcher(f.group(2)).matches() ? f.group(1) : null;
    }
}
