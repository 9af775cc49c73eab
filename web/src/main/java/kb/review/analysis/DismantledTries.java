package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * Java resources a change takes out of the try-with-resources that closed them. The removed lines held
 * {@code try (Response response = doRequest(request))} (or {@code try (InputStream in = url.openStream())}); the added
 * lines acquire the same value with no try around it: assigned in a plain {@code try} ({@code response =
 * doRequest(request);}), declared before the code that reads it, or opened inline as the argument of something that
 * does not close it ({@code new ClassReader(url.openStream())}). The old code's author named it a resource; the new
 * code closes it on no path the diff shows. This holds whatever the acquiring call is called: a same-file wrapper
 * ({@code doRequest}), a library the models do not list, a helper. The lifecycle pass needs the call to be a model's
 * acquisition; this reads the change.
 *
 * <p>An HTTP response or a connection's answer stream ({@code Response}, {@code HttpResponse}, {@code
 * CloseableHttpResponse}, {@code getInputStream()} of a connection, named as one) is RES-02's, reported on the line that holds the
 * response or the connection's stream; anything else is RES-01's, on the acquiring line.
 *
 * <p>Not this: the value acquired again in a try-with-resources header (a renamed or merged try), closed by name in the
 * lines in view ({@code x.close()}, {@code closeQuietly(x)}, {@code IOUtils.closeQuietly}), returned or stored in a
 * field (its owner closes it), added to a collection (closed after a batch: RES-03's {@code CollectedCloses}), or wrapped into a holder that the added lines close or put in a try header.
 */
public final class DismantledTries {

    /** A try-with-resources header's start in removed code. */
    private static final Pattern TRY = Pattern.compile("\\btry\\s*\\(");
    /** One resource of a header: type, name and initialiser (up to the next {@code ;} at depth 0 or the end). */
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s*(?:final\\s+)?([\\w.]+(?:<[^>]*>)?)\\s+(\\w+)\\s*=\\s*(.+)$", Pattern.DOTALL);
    /** An HTTP response by its declared type, or a connection's answer stream. */
    private static final Pattern RESPONSE_TYPE = Pattern.compile(
            "^(?:[\\w.]*\\.)?(?:Closeable|Classic)?(?:Http)?Response(?:Body)?(?:<.*>)?$");
    private static final Pattern CONNECTION_STREAM = Pattern.compile(
            "(?i)\\b\\w*(?:conn|http)\\w*\\s*\\.\\s*get(?:Input|Error)Stream\\(\\)");
    /** The innermost call of an initialiser with no arguments or simple ones: {@code url.openStream()}. */
    private static final Pattern INNER_CALL = Pattern.compile("[\\w.]+\\.\\w+\\([\\w.\", ]*\\)");

    private static final Pattern WHITE = Pattern.compile("\\s+");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    /** The opening call of an initialiser: {@code doRequest(}, {@code new BufferedReader(}, {@code url.openStream(}. */
    private static final Pattern HEAD = Pattern.compile("(?:new\\s+)?[\\w.]+\\s*\\(");

    private DismantledTries() {
    }

    /** The acquisitions the change took out of a try-with-resources; {@code responses}: RES-02's, else RES-01's. */
    public static List<Spot> find(SourceFile file, boolean responses) {
        List<Spot> out = new ArrayList<>();
        if (file.complete()) {
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            StringBuilder removed = new StringBuilder();
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.append(l.text()).append('\n');
                }
            }
            if (removed.isEmpty() || !TRY.matcher(removed).find()) {
                continue;
            }
            for (String[] r : headers(removed.toString())) {
                Spot s = acquiredOutside(file, h, r[0], r[1], r[2].strip(), responses);
                if (s != null && out.stream().noneMatch(o -> o.line() == s.line())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The {type, name, initialiser} of each resource of each try-with-resources header in {@code text}. */
    static List<String[]> headers(String withComments) {
        List<String[]> out = new ArrayList<>();
        String text = LINE_COMMENT.matcher(withComments).replaceAll("");
        Matcher t = TRY.matcher(text);
        while (t.find()) {
            int open = t.end() - 1;
            int close = CodeText.closing(text, open, '(', ')');
            if (close < 0) {
                continue;
            }
            String header = text.substring(open + 1, close);
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= header.length(); i++) {
                char c = i < header.length() ? header.charAt(i) : ';';
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ';' && depth == 0) {
                    Matcher m = RESOURCE.matcher(header.substring(start, i));
                    if (m.find()) {
                        out.add(new String[] {m.group(1), m.group(2), WHITE.matcher(m.group(3)).replaceAll(" ")});
                    }
                    start = i + 1;
                }
            }
        }
        return out;
    }

    /** The spot of the added acquisition of the old resource outside any try header, or null. */
    private static Spot acquiredOutside(SourceFile file, Hunk h, String type, String name, String init,
                                        boolean responses) {
        Matcher inner = INNER_CALL.matcher(init);
        String call = null;
        while (inner.find()) {
            call = inner.group(); // the last, innermost-written call: the opening one
        }
        StringBuilder added = new StringBuilder();
        for (Hunk other : file.change().hunks()) {
            for (DiffLine l : other.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    added.append(l.text()).append('\n');
                }
            }
        }
        List<String> owners = new ArrayList<>();
        if (TRY.matcher(added).find()) {
            for (String[] r : headers(added.toString())) {
                if (r[1].equals(name) || call != null && r[2].contains(call)) {
                    return null; // taken into a try header again (a renamed, merged or moved try)
                }
                owners.add(r[1]);
            }
        }
        Matcher headCall = HEAD.matcher(init);
        String head = headCall.lookingAt() ? WHITE.matcher(headCall.group()).replaceAll("") : null;
        Pattern assigned = Pattern.compile("(?:^|[\\s(])" + Pattern.quote(name) + "\\s*=[^=]");
        int at = -1;
        String holder = name;
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            String text = l.text();
            if (TRY.matcher(text).find()) {
                continue;
            }
            if (assigned.matcher(text).find()) {
                if (head != null && !statement(file, l.newLine()).contains(head)) {
                    return null; // the name now holds another value (a kept handle from an accessor, say)
                }
                at = l.newLine();
                break;
            }
            if (call != null && text.contains(call)) {
                if (FIELD_STORE.matcher(text).find() || HANDED_BACK.matcher(text).find()) {
                    return null; // kept by the object, or handed to the caller inside a new owner
                }
                at = l.newLine();
                Matcher local = LOCAL.matcher(text);
                holder = local.find() ? local.group(1) : null;
                break;
            }
        }
        if (at < 0 || closedInView(file, holder)) {
            return null;
        }
        String statement = statement(file, at);
        for (String owner : owners) {
            if (Pattern.compile("\\b" + Pattern.quote(owner) + "\\b").matcher(statement).find()) {
                return null; // handed to a resource manager the new try closes (TemporaryResources, a Closer)
            }
        }
        boolean response = RESPONSE_TYPE.matcher(type).find() || CONNECTION_STREAM.matcher(init).find();
        if (response != responses) {
            return null;
        }
        int line = at;
        if (response && !RESPONSE_TYPE.matcher(type).find()) {
            // the connection's stream, on its own line of a wrapped initialiser
            for (int j = at; j <= Math.min(file.lineCount(), at + 3) && file.known(j); j++) {
                if (CONNECTION_STREAM.matcher(file.line(j)).find()) {
                    line = j;
                    break;
                }
            }
        }
        int column = Math.max(1, file.line(line).length() - file.line(line).stripLeading().length() + 1);
        return new Spot(line, column, true, "the change took it out of the try-with-resources that closed it");
    }

    /** {@code this.in = ...}, {@code owner.stream = ...}: a field keeps it. */
    private static final Pattern FIELD_STORE = Pattern.compile("^\\s*[\\w.]+\\.\\w+\\s*=[^=]");
    /** {@code return new ChunkedStream(Files.newInputStream(p), n);}: the caller gets an owner of it. */
    private static final Pattern HANDED_BACK = Pattern.compile("^\\s*return\\s+new\\s");

    /** {@code Type name = ...} at the start of an added line: the holder of what the line opens. */
    private static final Pattern LOCAL = Pattern.compile("^\\s*(?:final\\s+)?[\\w.<>\\[\\], ]+\\s+(\\w+)\\s*=[^=]");

    /**
     * True when the kept or added lines of the change close {@code holder} by name, hand it to a close helper, return
     * it or store it in a field; or when there is no holder to close (an inline argument) and nothing closes it.
     */
    private static boolean closedInView(SourceFile file, String holder) {
        if (holder == null) {
            return false;
        }
        Pattern closes = Pattern.compile("(?<![\\w.])" + Pattern.quote(holder)
                + "\\s*\\.\\s*(?:close|disconnect|release)\\s*\\(|[cC]lose\\w*\\s*\\(\\s*" + Pattern.quote(holder)
                + "\\s*\\)|\\breturn\\s+(?:new\\s[^;]*\\b)?" + Pattern.quote(holder) + "(?![\\w.])|\\.\\w+\\s*=\\s*" + Pattern.quote(holder)
                + "\\s*;|\\.(?:add|put|offer|push|addLast)\\s*\\([^;]*\\b" + Pattern.quote(holder) + "\\s*\\)");
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.REMOVED && l.text().contains(holder)
                        && closes.matcher(l.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text of the statement starting at {@code line}, up to three lines, without white space. */
    private static String statement(SourceFile file, int line) {
        StringBuilder sb = new StringBuilder();
        for (int j = line; j <= Math.min(file.lineCount(), line + 2) && file.known(j); j++) {
            sb.append(file.line(j));
            if (file.line(j).contains(";")) {
                break;
            }
        }
        return WHITE.matcher(sb).replaceAll("");
    }
}
