package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that takes a resource out of its try-with-resources and keeps everything else: the header {@code try
 * (ZipFile zip = new ZipFile(f)) {} is deleted and the same declaration is added as a plain local, {@code ZipFile zip =
 * new ZipFile(f);}, with the statements that used it kept as they were (only their indentation changes). A header of
 * several resources (one a line, as formatters write them) counts for each: the one taken out is reported whether the
 * others stay in a new header or move out too. A transaction taken out (a {@code Transaction} or a {@code begin...}
 * call: its close rolled back what was not committed) is TX-01's; a response, RES-02's. The header was
 * the close, and RES-01 asks for exactly it ("acquire every AutoCloseable in a try-with-resources header"): those
 * statements borrowed the value before the change (the try closed it after them), so they borrow it now, and nothing
 * closes it any more. The lifecycle pass cannot tell this when a statement hands the value to a helper the hunk does not
 * show ({@code names(zip)}), which it must take as a hand-over; the deleted header can.
 *
 * <p>Silent when an added statement does anything new with the value (closes it, returns it, stores it, passes it to
 * a new call: the change moved the duty on purpose; a {@code flush()} is nothing new, it releases nothing, and nor is
 * a {@code close()} added as a plain statement when the hunk adds no {@code finally} or {@code catch}: it runs only
 * when nothing before it threw), and for in-memory closeables whose close does nothing
 * ({@code ByteArrayOutputStream}, {@code StringWriter}).
 *
 * <p>The same edit with the declaration gone: the initialiser written into the statement that used the variable
 * ({@code return parse(in);} become {@code return parse(url.openStream());}, {@code walletIdOf(new ZipFile(file))}),
 * that statement otherwise as it was. The call borrowed the value before and borrows it now; nothing closes it.
 */
final class UnwrappedTryResources {

    private static final Pattern IN_MEMORY = Pattern.compile(
            "\\b(?:ByteArray(?:Input|Output)Stream|String(?:Reader|Writer)|CharArray(?:Reader|Writer)|StringBuilderWriter)\\b");

    /**
     * A decorator over a stream the method holds in a variable ({@code new BufferedReader(isr)}): closing it only
     * closes that stream, whose own owner (the method that opened it, or a loan such as {@code openStream(callback)}
     * that hands it in) is followed where it is acquired. Compression streams are not here: they own a native codec.
     */
    private static final Pattern DECORATOR = Pattern.compile("^new\\s+(?:Buffered|InputStream|OutputStream|Data|Object"
            + "|Print|Pushback|LineNumber|Filter|Checked|Digest|Cipher)\\w*(?:Reader|Writer|Stream)\\s*\\(\\s*"
            + "[A-Za-z_]\\w*\\s*[,)]");

    private UnwrappedTryResources() {
    }

    /** A response (or OkHttp's body of one) whose body holds the connection: RES-02's, the item for HTTP bodies. */
    private static final Pattern RESPONSE = Pattern.compile("(?:^|\\.)\\w*Response(?:<.*>)?$|(?:^|\\.)ResponseBody$");

    /**
     * The body read from a value ({@code answer.body()}, Retrofit's {@code response.errorBody()}, {@code
     * resp.getEntity().getContent()}): group 1 the value.
     */
    private static final Pattern BODY_READ = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*\\.\\s*(?:body|errorBody|getBody|getEntity|getContent|readEntity)\\s*\\(");
    /** A response by its name, or an Apache HttpClient entity (its content is the response body: RES-02's). */
    private static final Pattern RESPONSE_NAME = Pattern.compile("(?i)^(?:resp(?:onse)?\\w*|\\w*entity)$");

    /**
     * True when the resource is read from a response ({@code answer.body()}) or an HTTP entity ({@code
     * entity.getContent()}): whatever its declared type (an {@code InputStream}), closing it is what gives the
     * response's connection back, RES-02's duty. A response by its name,
     * or by the type a line of the hunk declares it with ({@code HttpResponse<InputStream> answer = ...}).
     */
    private static boolean responseBody(List<DiffLine> lines, String init) {
        Matcher m = BODY_READ.matcher(init.strip());
        if (!m.find()) {
            return false;
        }
        String value = m.group(1);
        if (RESPONSE_NAME.matcher(value).matches()) {
            return true;
        }
        Pattern declared = Pattern.compile("(?:\\w*Response(?:<[^=;]*>)?|HttpEntity)\\s+" + Pattern.quote(value)
                + "\\s*[=;,)]");
        return lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.REMOVED && declared.matcher(l.text()).find());
    }

    /**
     * The added line that declares the header's resource again as a plain local, {@code ZipFile zip = new ZipFile(f);}
     * (or with {@code var}), over as many lines as the header wrote it (a long SQL text on a line of its own), or null.
     */
    private static DiffLine declaration(List<DiffLine> lines, String[] r) {
        String want = "(?:final )?(?:" + Pattern.quote(squeeze(r[0])) + "|var) " + Pattern.quote(r[1]) + " ?= ?"
                + Pattern.quote(squeeze(r[2])) + " ?;";
        Pattern declared = Pattern.compile("^" + want + "$");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != DiffLine.Kind.ADDED || !lines.get(i).text().contains(r[1])) {
                continue;
            }
            StringBuilder statement = new StringBuilder();
            for (int j = i; j < lines.size() && j < i + 8 && lines.get(j).kind() == DiffLine.Kind.ADDED; j++) {
                statement.append(lines.get(j).text()).append(' ');
                if (lines.get(j).text().strip().endsWith(";")) {
                    break;
                }
            }
            if (declared.matcher(squeeze(statement.toString())).matches()) {
                return lines.get(i);
            }
        }
        return null;
    }

    /** The text with every run of white space one space, and none at the ends. */
    private static String squeeze(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * True when the hunk adds {@code var.close();} as a plain statement and no {@code finally} or {@code catch}: the
     * close by hand that stands where the header's close was runs only when nothing before it threw.
     */
    private static boolean closedByHand(Hunk h, String var) {
        Pattern close = Pattern.compile("^\\s*" + Pattern.quote(var) + "\\s*\\.\\s*close\\s*\\(\\s*\\)\\s*;\\s*$");
        boolean closes = false;
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED) {
                continue;
            }
            if (FINALLY_OR_CATCH.matcher(l.text()).find()) {
                return false;
            }
            closes |= close.matcher(l.text()).matches();
        }
        return closes;
    }

    private static final Pattern FINALLY_OR_CATCH = Pattern.compile("\\bfinally\\b|\\bcatch\\s*\\(|\\btry\\s*[({]");

    /** A resource that is a transaction: closing it rolls back what was not committed (TX-01's duty). */
    private static final Pattern TRANSACTION = Pattern.compile("(?:^|\\.)\\w*(?:Transaction|Tx)(?:<.*>)?$");
    private static final Pattern BEGINS = Pattern.compile("\\.\\s*(?:begin\\w*|start\\w*Transaction)\\s*\\(");

    /** One resource of a try header: group 1 the type, 2 the variable, 3 the initialiser. */
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s*(?:final\\s+)?([\\w.$<>\\[\\], ?]+?)\\s+(\\w+)\\s*=\\s*(.+?)\\s*$", Pattern.DOTALL);
    static final Pattern TRY_OPEN = Pattern.compile("^\\s*(?:}\\s*)?try\\s*\\(");

    /**
     * @param others the findings already kept for the file: a leak another rule reports within two lines of the
     *               declaration is that rule's to report
     */
    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> others) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                List<String[]> resources = lines.get(i).kind() == DiffLine.Kind.REMOVED
                        ? header(lines, i, DiffLine.Kind.REMOVED) : List.of();
                for (String[] r : resources) {
                    if (IN_MEMORY.matcher(r[0] + " " + r[2]).find() || DECORATOR.matcher(r[2]).find()) {
                        continue;
                    }
                    String var = r[1];
                    DiffLine declaration = declaration(lines, r);
                    String item = RESPONSE.matcher(r[0]).find() || responseBody(lines, r[2]) ? "RES-02"
                            : TRANSACTION.matcher(r[0]).find() || BEGINS.matcher(r[2]).find() ? "TX-01" : "RES-01";
                    if (declaration == null && !item.equals("TX-01")) {
                        DiffLine inlined = InlinedTryResources.ownedElsewhere(file, r[2]) ? null
                                : InlinedTryResources.inlined(lines, var, r[2]);
                        int at = inlined == null ? -1 : InlinedTryResources.inView(lines, inlined, r[2].strip());
                        if (inlined != null && others.stream().noneMatch(f -> f.path().equals(file.path())
                                && f.item().startsWith("RES-0") && Math.abs(f.line() - at) <= 2)) {
                            Severity severity = catalog.item(item).map(Catalog.Item::severity)
                                    .orElse(Severity.WARNING);
                            out.add(new Finding(RemovedReleases.RULE, item, severity, file.path(), at,
                                    1, file.line(at).strip(), "The change takes `" + r[2].strip() + "` out of its "
                                            + "try-with-resources and hands it straight to the statement that used `"
                                            + var + "`: that statement only borrowed it before (the try closed it "
                                            + "after it), and now nothing closes it, on any path. Keep it in the "
                                            + "try (...) header.", Finding.Confidence.LOW,
                                    "the review follows the deleted try-with-resources header", "kb", null));
                        }
                        continue;
                    }
                    boolean byHand = closedByHand(h, var);
                    if (declaration != null && usesUnchanged(file, var, declaration, byHand)
                            && others.stream().noneMatch(f -> f.path().equals(file.path())
                                    && (f.item().startsWith("RES-0") || f.item().equals(item))
                                    && Math.abs(f.line() - declaration.newLine()) <= 2)) {
                        Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                        boolean sure = !item.equals("TX-01") && methodShownWithoutClose(file, declaration.newLine(), var);
                        String duty = item.equals("TX-01") ? "nothing rolls it back when a statement fails (closing "
                                + "it did), on any path" : byHand ? "only the close added after them releases it: a "
                                + "statement that throws skips it" : "nothing closes it, on any path";
                        out.add(new Finding(RemovedReleases.RULE, item, severity, file.path(),
                                declaration.newLine(), 1, declaration.text().strip(),
                                "The change takes `" + var + "` out of its try-with-resources and keeps the "
                                        + "statements that use it: they only borrowed it before (the try closed it "
                                        + "after them), and now " + duty + ". Keep it in the try (...) header.",
                                sure ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                                sure ? null : "the review follows the deleted try-with-resources header",
                                "kb", null));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The resources (type, variable, initialiser) of the try-with-resources header that starts at {@code lines[at]}
     * and goes on over lines of the same {@code kind} (one resource a line is common), or none: not a header, or one
     * that does not end within those lines.
     */
    static List<String[]> header(List<DiffLine> lines, int at, DiffLine.Kind kind) {
        String first = lines.get(at).text();
        if (!TRY_OPEN.matcher(first).find()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        for (int j = at; j < lines.size() && j < at + 8 && lines.get(j).kind() == kind; j++) {
            text.append(lines.get(j).text()).append('\n');
            int open = text.indexOf("(");
            int depth = 0;
            for (int k = open; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"') {
                    int e = text.indexOf("\"", k + 1);
                    while (e > 0 && text.charAt(e - 1) == '\\') {
                        e = text.indexOf("\"", e + 1);
                    }
                    if (e < 0) {
                        break;
                    }
                    k = e;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    if (!text.substring(k + 1).strip().startsWith("{")) {
                        return List.of();
                    }
                    List<String[]> out = new ArrayList<>();
                    for (String part : resources(text.substring(open + 1, k))) {
                        Matcher m = RESOURCE.matcher(part.replace('\n', ' '));
                        if (m.find()) {
                            out.add(new String[] {m.group(1), m.group(2), m.group(3).strip()});
                        }
                    }
                    return out;
                }
            }
        }
        return List.of();
    }

    /** The parts of a resource list between its top-level semicolons. */
    private static String resource(String[] r) {
        return (r[0] + " " + r[1] + "=" + r[2]).replaceAll("\\s+", "");
    }

    private static List<String> resources(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ';' && depth == 0) {
                out.add(list.substring(from, i));
                from = i + 1;
            }
        }
        if (!list.substring(from).isBlank()) {
            out.add(list.substring(from));
        }
        return out;
    }

    /** A package-private method's header, which has no modifier for {@link RemovedReleases#HEADER} to see. */
    private static final Pattern PLAIN_HEADER = Pattern.compile("^\\s*(?!(?:return|new|else|throw|if|for|while|switch"
            + "|catch|try|do|synchronized)\\b)[\\w<>\\[\\],.?]+(?:\\s+[\\w<>\\[\\],.?]+)*\\s+\\w+\\s*\\([^;=]*\\)\\s*"
            + "(?:throws\\s+[\\w., ]+)?\\{\\s*$");

    /**
     * True when the diff shows the whole method around {@code line}, from its header to its closing brace, and no line
     * of it closes {@code var}: the deleted header was its only close, and nothing the diff leaves out can stand in
     * for it (round 23's java-03, a downloaded stream read and dropped in a method shown whole).
     */
    static boolean methodShownWithoutClose(SourceFile file, int line, String var) {
        int header = line - 1;
        while (file.known(header) && !RemovedReleases.HEADER.matcher(file.line(header)).find()
                && !PLAIN_HEADER.matcher(file.line(header)).find()) {
            header--;
        }
        if (!file.known(header)) {
            return false;
        }
        Pattern closes = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "\\s*\\.\\s*close\\s*\\(|close\\w*\\(\\s*"
                + Pattern.quote(var) + "\\s*\\)");
        int depth = 0;
        boolean opened = false;
        for (int l = header; file.known(l); l++) {
            if (closes.matcher(file.line(l)).find()) {
                return false;
            }
            depth += DeletedExitBranches.braces(file.line(l));
            opened |= depth > 0;
            if (opened && depth <= 0) {
                return l > line;
            }
        }
        return false;
    }

    /** A method that ends or hands on the value it is called on: a release, or a view the caller would close. */
    private static final Pattern RELEASE_OR_VIEW = Pattern.compile("(?:close|shutdown\\w*|release|disconnect|abort"
            + "|cancel|stop|byteStream|charStream|source|getInputStream|getOutputStream|getReader|getWriter|openStream"
            + "|stream|iterator|lines|getContent|getBody|body)");

    /**
     * True when an added line only borrows {@code var}: every mention of it calls a method on it (not a release, and
     * not a view of it the line returns or stores, which hands the value on) or compares it with null. A statement
     * rewritten around such calls ({@code return predictor.predict(image);} for {@code Classifications result =
     * predictor.predict(image); return result;}) does nothing new with the value: the deleted header still was its
     * only close.
     */
    private static boolean borrows(String line, String var) {
        String code = line.strip();
        if (code.contains("->") || code.startsWith("this.") && code.contains("=")) {
            return false;
        }
        Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "(?![\\w$])").matcher(code);
        int seen = 0;
        while (m.find()) {
            seen++;
            String after = code.substring(m.end());
            String before = code.substring(0, m.start());
            Matcher call = CALLED.matcher(after);
            boolean nullTest = NULL_AFTER.matcher(after).lookingAt() || NULL_BEFORE.matcher(before).find();
            if (!nullTest && (!call.lookingAt() || RELEASE_OR_VIEW.matcher(call.group(1)).matches())) {
                return false;
            }
        }
        return seen > 0;
    }

    private static final Pattern CALLED = Pattern.compile("\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern NULL_AFTER = Pattern.compile("\\s*[!=]=\\s*null\\b");
    private static final Pattern NULL_BEFORE = Pattern.compile("\\bnull\\s*[!=]=\\s*$");

    /**
     * True when every added line of the file that names {@code var}, except its declaration, is a deleted line of the
     * file re-added with the same code (re-indented): the change does nothing new with the value.
     */
    private static boolean usesUnchanged(SourceFile file, String var, DiffLine declaration, boolean byHand) {
        Pattern named = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "(?![\\w$])");
        // a flush added where the try's close stood writes the buffer out and releases nothing: the file stays open;
        // a close by hand with no finally or catch around it runs only when every statement before it succeeded
        Pattern flush = Pattern.compile("^\\s*" + Pattern.quote(var) + "\\s*\\.\\s*(?:flush" + (byHand ? "|close" : "")
                + ")\\s*\\(\\s*\\)\\s*;\\s*$");
        List<String> removed = file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.REMOVED).map(l -> l.text().strip()).toList();
        // the resources of the deleted headers: an added header that keeps some of them (the others taken out of
        // it, `try (Transaction tx = session.beginTransaction())` left of a two-resource header) does nothing new
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                if (h.lines().get(i).kind() == DiffLine.Kind.REMOVED) {
                    header(h.lines(), i, DiffLine.Kind.REMOVED).forEach(r -> kept.add(resource(r)));
                }
            }
        }
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || l == declaration || !named.matcher(l.text()).find()
                        || removed.contains(l.text().strip()) || flush.matcher(l.text()).matches()
                        || borrows(l.text(), var)) {
                    continue;
                }
                List<String[]> again = header(lines, i, DiffLine.Kind.ADDED);
                if (again.isEmpty() || !again.stream().allMatch(r -> kept.contains(resource(r)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
