package kb.review.diff;

/**
 * Go, for {@link SourceFile#text()}: the shape of a run of hunk lines seen without the rest of the file (it opens or
 * closes a grouped declaration, ends a struct, writes an HTTP response, ends a top-level function), which decides the
 * lines put in the gaps around it so that the run parses where it stands.
 */
final class GoRuns {

    private GoRuns() {
    }

    /**
     * The opener of the innermost block a run of Go lines starts in, when the run shows that block's cases: a run cut
     * out of a {@code select} or a {@code switch} (it starts inside a case, or with one) has {@code case} and
     * {@code default:} lines at the indentation of the brace that closes the block. {@code select {} when one of them
     * receives or sends on a channel, {@code switch {} otherwise, empty when the run shows no case of that block (a
     * plain block then does). Without it the cases sit in a bare block, which does not parse.
     */
    static String caseBlockOpener(String run) {
        String[] lines = run.split("\n");
        int depth = 0;
        int close = -1;
        for (int i = 0; i < lines.length && close < 0; i++) {
            Braces b = Braces.of(lines[i]);
            if (depth - b.closedFirst() < 0) {
                close = i;
            }
            depth += b.open() - b.closedFirst();
        }
        if (close < 0 || !lines[close].stripLeading().startsWith("}")) {
            return "";
        }
        String indent = lines[close].substring(0, lines[close].length() - lines[close].stripLeading().length());
        boolean cases = false;
        for (int i = 0; i < close; i++) {
            String l = lines[i].replace("\r", "");
            if (!l.startsWith(indent) || l.length() == indent.length() || Character.isWhitespace(l.charAt(indent.length()))) {
                continue;
            }
            String code = l.substring(indent.length());
            if (GO_COMMUNICATION_CASE.matcher(code).lookingAt()) {
                return "select {";
            }
            cases |= code.startsWith("case ") || code.startsWith("default:");
        }
        return cases ? "switch {" : "";
    }

    /** A select's case: a receive ({@code case <-ch:}, {@code case v, ok := <-ch:}) or a send ({@code case ch <- v:}). */
    private static final java.util.regex.Pattern GO_COMMUNICATION_CASE = java.util.regex.Pattern.compile(
            "case\\s+(?:<-|[\\w, ]+:?=\\s*<-|[\\w.\\[\\]]+\\s*<-)");

    /** True when a run of Go lines opens a top-level grouped declaration ({@code import (}) and never closes it. */
    static boolean opensGoGroup(String run) {
        boolean open = false;
        for (String line : run.split("\n")) {
            String l = line.replace("\r", "");
            if (GO_GROUP.matcher(l).matches()) {
                open = true;
            } else if (l.startsWith(")")) {
                open = false;
            }
        }
        return open;
    }

    /**
     * For a run of Go lines inside a function git did not name: when the run writes an HTTP response (
     * {@code http.Error(w, ...)}, {@code w.WriteHeader}, {@code w.Header()}), a handler's header with that writer and
     * the request the run names ({@code r.URL}, {@code req.Context()}; {@code r} when it names none), so that the
     * run's statements parse inside a function and the request's context is known. Empty when the run writes none.
     */
    static String goHandlerHeader(String run) {
        java.util.regex.Matcher w = GO_RESPONSE_WRITE.matcher(run);
        if (!w.find()) {
            return "";
        }
        String writer = w.group(1) != null ? w.group(1) : w.group(2);
        String request = null;
        java.util.regex.Matcher r = GO_REQUEST_USE.matcher(run);
        while (request == null && r.find()) {
            request = r.group(1) != null ? r.group(1) : r.group(2);
            request = request.equals(writer) ? null : request;
        }
        request = request != null ? request : writer.equals("r") ? "req" : "r";
        return "func kbHunk(" + writer + " http.ResponseWriter, " + request + " *http.Request) {";
    }

    /** A write of an HTTP response through its writer: group 1 or 2 is the writer's name. */
    private static final java.util.regex.Pattern GO_RESPONSE_WRITE = java.util.regex.Pattern.compile(
            "\\bhttp\\.(?:Error|Redirect|ServeContent|ServeFile|NotFound)\\(\\s*(\\w+)\\s*,"
                    + "|(?<![\\w.])(\\w+)\\.(?:WriteHeader\\(|Header\\(\\)\\.)");

    /** A use of a request: group 1 or 2 is its name. */
    private static final java.util.regex.Pattern GO_REQUEST_USE = java.util.regex.Pattern.compile(
            "\\bhttp\\.(?:Redirect|ServeContent|ServeFile|NotFound)\\(\\s*\\w+\\s*,\\s*(\\w+)\\b"
                    + "|(?<![\\w.])(\\w+)\\.(?:URL\\b|Context\\(\\)|FormValue\\(|PostFormValue\\(|PathValue\\("
                    + "|ParseForm\\(|ParseMultipartForm\\(|Method\\b|RemoteAddr\\b|Header\\.Get\\()");

    /**
     * True when a run of Go lines starts with the last fields of a struct (or an interface's methods) and ends it with
     * a brace at column 0: the struct's declaration is above the hunk and git named nothing, so the brace would close
     * nothing and the fields would not parse as fields.
     */
    static boolean endsGoStruct(String run) {
        boolean fields = false;
        for (String line : run.split("\n")) {
            String l = line.replace("\r", "");
            if (l.equals("}")) {
                return fields;
            }
            if (l.isBlank() || l.strip().startsWith("//")) {
                continue;
            }
            if (!GO_FIELD.matcher(l).matches()) {
                return false;
            }
            fields = true;
        }
        return false;
    }

    /** A struct field as gofmt writes it: indented names, a type, an optional tag and comment. */
    private static final java.util.regex.Pattern GO_FIELD = java.util.regex.Pattern.compile(
            "\\s+(?!(?:return|go|defer|goto|break|continue|fallthrough|case|default|var|const|type|select|else)\\b)"
                    + "(?:\\w+(?:\\s*,\\s*\\w+)*\\s+[*\\[\\]\\w.]+(?:\\[[^\\]]*\\][*\\w.]+)*(?:\\s+`[^`]*`)?\\s*(?://.*)?"
                    + "|\\*?[\\w.]+\\s*(?://.*)?)");

    /** True when a run of Go lines closes a grouped declaration (a {@code )} at column 0) before it opens one. */
    static boolean closesGoGroup(String run) {
        for (String line : run.split("\n")) {
            String l = line.replace("\r", "");
            if (GO_GROUP.matcher(l).matches()) {
                return false;
            }
            if (l.startsWith(")")) {
                return true;
            }
        }
        return false;
    }

    /** One import of an import block: an optional name, then the quoted path. */
    static final java.util.regex.Pattern GO_IMPORT_SPEC = java.util.regex.Pattern.compile(
            "([\\w.]+\\s+)?\"[^\"]*\"\\s*(//.*)?");

    /** The first line of a top-level grouped declaration, as gofmt writes it. */
    private static final java.util.regex.Pattern GO_GROUP = java.util.regex.Pattern.compile(
            "(import|var|const|type)\\s*\\(\\s*(//.*)?");

    /**
     * True when the brace that takes a run of Go lines to its lowest depth ({@code closes} blocks below where it
     * starts) is a line of its own at column 0: the end of a top-level function, as gofmt writes it.
     */
    static boolean closesAtColumnZero(String run, int closes) {
        int depth = 0;
        for (String line : run.split("\n")) {
            Braces b = Braces.of(line);
            if (depth - b.closedFirst() <= -closes) {
                return line.replace("\r", "").equals("}");
            }
            depth += b.open() - b.closedFirst();
        }
        return false;
    }
}
