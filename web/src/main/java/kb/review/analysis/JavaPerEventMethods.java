package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 48, logj48) Answers "does this Java method run once per event?" from what the diff's file shows, by the
 * method's role rather than a loop: a framework or library calls it for every request, message, record, packet or
 * appended log event it delivers (a servlet's {@code doGet}, a filter's {@code doFilter}, a Spring or JAX-RS request
 * mapping, a {@code @KafkaListener}, a JMS {@code onMessage}, Netty's {@code channelRead}, a log appender's
 * {@code append(event)}, a Bukkit {@code @EventHandler}...). Which methods those are is data, the models'
 * {@code per-event:} entries ({@link PerEventEntries}), so a team adds its framework in YAML. The method is read from
 * its declaration when the diff shows it (name, parameters, annotations, the class's extends and implements), from
 * the hunk's heading (what git printed after {@code @@}) when the hunk starts inside it, or, when that heading is the
 * class's, from the class's supertypes and the event parameter's usual name in the line.
 */
public final class JavaPerEventMethods {

    private static final Set<String> STOPS = Set.of("lambda_expression", "class_body", "constructor_declaration",
            "method_declaration", "static_initializer");
    /** A method heading as git prints it after {@code @@}: modifiers, a result type, a name and its parameters. */
    private static final Pattern HEADING_METHOD = Pattern.compile(
            "^\\s*(?<annots>(?:@\\w+(?:\\([^()]*\\))?\\s+)*)(?:(?:public|protected|private|static|final|synchronized"
                    + "|abstract|default)\\s+)*(?:<[^>]*>\\s*)?[\\w.$<>\\[\\],?\\s]+?\\s+(?<name>[a-zA-Z_$][\\w$]*)\\s*"
                    + "\\((?<params>[^)]*)\\)?");
    /** A class heading: its extends and implements clauses. */
    private static final Pattern HEADING_CLASS = Pattern.compile(
            "\\b(?:class|enum|record)\\s+\\w+(?:<[^{]*?>)?(?<supers>[^{]*)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern ANNOTATION = Pattern.compile("@([\\w.]+)");
    /**
     * An event rare by its kind: a start, a stop, a (dis)connection, a login, a join, a reload, a registration, a
     * configuration or state change; one per session or per change, not per unit of traffic (session 33's reading).
     */
    private static final Pattern RARE_EVENT = Pattern.compile(
            "\\b\\w*(?:Join|Quit|Login|Logout|Connect\\w*|Disconnect\\w*|Register\\w*|Unregister\\w*|Reload|Startup"
                    + "|Shutdown|Ready|Application|Context\\w*|Refresh\\w*|Started|Stopped|Closed|Enable|Disable|Death"
                    + "|Respawn|Kick|Ban|Init\\w*|State|Status|Lifecycle|Config\\w*)Event\\b");
    private static final Set<String> JAVA_NAMES_NOT_VARIABLES = Set.of("this", "super", "null", "true", "false",
            "new", "class");

    /**
     * A statement that hands one event on to a handler or listener: {@code listener.handleEvent(new PduEvent(pdu))},
     * {@code server.getPacketHandler().handle(this, opcode, data)}, {@code bus.post(event)}, Netty's
     * {@code ctx.fireChannelRead(msg)}. The method around it is a receive path that runs once per event.
     */
    private static final Pattern DISPATCH = Pattern.compile(
            "^(?:[\\w$]+(?:\\(\\))?\\.)*[\\w$]*(?i:handler|listener|dispatcher|subscriber|observer|processor)"
                    + "(?:\\(\\))?\\.(?:handle|handleEvent|handleMessage|handlePacket|handlePdu|onMessage|onEvent|onPacket"
                    + "|dispatch|dispatchEvent|process|accept|notify\\w*)\\(|^(?:ctx|context)\\.fireChannelRead\\(");

    private JavaPerEventMethods() {
    }

    /**
     * True when a statement of the line's own block, at most two statements away, hands an event on to a handler or
     * listener ({@link #DISPATCH}): the line is on a receive path, written once per event.
     */
    public static boolean besideDispatch(SyntaxNode c, byte[] src) {
        SyntaxNode stmt = c.getParent();
        SyntaxNode block = stmt == null || stmt.isNull() ? null : stmt.getParent();
        if (block == null || block.isNull()) {
            return false;
        }
        int at = -1;
        int n = block.getNamedChildCount();
        for (int i = 0; i < n && at < 0; i++) {
            at = block.getNamedChild(i).getStartByte() == stmt.getStartByte() ? i : -1;
        }
        for (int i = Math.max(0, at - 2); at >= 0 && i <= Math.min(n - 1, at + 2); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (i != at && s.getType().equals("expression_statement")
                    && DISPATCH.matcher(CodeText.spine(text(src, s))).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A class named for logging what passes through it ({@code LoggerRequestFilter}, {@code AuditFilter},
     * {@code RequestLoggingInterceptor}, {@code AccessLogValve}): its line per event is its purpose, the access or
     * audit log. Set 19's OpenAs2App request-logging filter; a Java file is named after its class.
     */
    private static final Pattern LOGS_BY_PURPOSE = Pattern.compile(
            "(?:Log|Logger|Logging|Audit|Auditing|AccessLog)(?=[A-Z][\\w$]*\\.java$|\\.java$)");

    /** True when {@code path}'s class is named for logging what passes through it (see {@link #LOGS_BY_PURPOSE}). */
    public static boolean logsByPurpose(String path) {
        int slash = path.lastIndexOf('/');
        return LOGS_BY_PURPOSE.matcher(path.substring(slash + 1)).find();
    }

    /**
     * The kind of the per-event method {@code n} is written in, or null when the file does not show it to be one.
     * {@code section} gives what git printed after {@code @@} for a 1-based line. A lambda stops the reading (its
     * role is its caller's, left to the callback rules); so do constructors and initialisers.
     */
    public static String kind(SyntaxNode n, byte[] src, List<PerEventEntries.PerEvent> entries,
                              IntFunction<String> section) {
        if (entries.isEmpty()) {
            return null;
        }
        SyntaxNode method = null;
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (STOPS.contains(p.getType())) {
                method = p;
                break;
            }
        }
        if (method != null && !method.getType().equals("method_declaration")) {
            return null;
        }
        SyntaxNode nameNode = method == null ? null : method.getChildByFieldName("name");
        String name = nameNode == null || nameNode.isNull() ? "kbHunk" : text(src, nameNode);
        String supers = method == null ? "" : supertypes(method, src);
        if (!name.startsWith("kbHunk")) {
            SyntaxNode params = method.getChildByFieldName("parameters");
            String paramText = params == null || params.isNull() ? "" : text(src, params);
            String head = text(src, method);
            SyntaxNode body = method.getChildByFieldName("body");
            if (body != null && !body.isNull()) {
                head = head.substring(0, Math.max(0, body.getStartByte() - method.getStartByte()));
            }
            return match(entries, name, paramText, supers, annotations(head), null);
        }
        // the hunk starts inside the method (the filler's kbHunk, or statements at the top of the fragment): its
        // heading, as git printed it, is the method's or the class's
        String heading = section.apply(n.getStartPoint().getRow() + 1);
        Matcher h = HEADING_CLASS.matcher(heading);
        if (h.find()) {
            SyntaxNode args = n.getChildByFieldName("arguments");
            String lineArgs = args == null || args.isNull() ? "" : text(src, args);
            return match(entries, null, "", h.group("supers"), "", lineArgs);
        }
        Matcher m = HEADING_METHOD.matcher(heading);
        return m.find() ? match(entries, m.group("name"), m.group("params"), supers,
                annotations(m.group("annots") == null ? "" : m.group("annots")), null) : null;
    }

    /**
     * The first entry the method matches. With {@code name} null the method is unknown and only the class is:
     * an entry with {@code types} and {@code holds} takes it when the line's arguments use a held name.
     */
    private static String match(List<PerEventEntries.PerEvent> entries, String name, String params, String supers,
                                String annotations, String lineArgs) {
        if (RARE_EVENT.matcher(params).find()) {
            return null;
        }
        for (PerEventEntries.PerEvent e : entries) {
            if (name == null) {
                if (e.holds() != null && e.types().matcher(supers).find() && usesHeld(lineArgs, e.holds())) {
                    return e.kind();
                }
                continue;
            }
            if (e.annotations() != null && !annotations.isEmpty()
                    && WORD.matcher(annotations).results()
                    .anyMatch(a -> e.annotations().matcher(a.group()).matches())) {
                return e.kind();
            }
            boolean named = e.methods() == null ? e.params() != null : e.methods().matcher(name).matches();
            if (!named || e.methods() == null && e.annotations() != null) {
                continue;
            }
            boolean typed = e.params() == null && e.types() == null
                    || e.params() != null && e.params().matcher(params).find()
                    || e.types() != null && e.types().matcher(supers).find();
            if (typed) {
                return e.kind();
            }
        }
        return null;
    }

    private static boolean usesHeld(String args, Pattern holds) {
        Matcher w = WORD.matcher(args.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
        while (w.find()) {
            String v = w.group();
            boolean member = w.start() > 0 && args.charAt(w.start() - 1) == '.';
            if (!member && !JAVA_NAMES_NOT_VARIABLES.contains(v) && holds.matcher(v).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The extends and implements clauses of the class around {@code method}, as written; empty when not shown. */
    private static String supertypes(SyntaxNode method, byte[] src) {
        for (SyntaxNode p = method.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("class_declaration") || t.equals("enum_declaration") || t.equals("record_declaration")) {
                StringBuilder out = new StringBuilder();
                for (String f : new String[] {"superclass", "interfaces"}) {
                    SyntaxNode s = p.getChildByFieldName(f);
                    if (s != null && !s.isNull()) {
                        out.append(' ').append(text(src, s));
                    }
                }
                return out.toString();
            }
            if (t.equals("object_creation_expression")) {
                SyntaxNode type = p.getChildByFieldName("type");
                return type == null || type.isNull() ? "" : " new " + text(src, type);
            }
        }
        return "";
    }

    /** The simple names of the annotations in a method's declaration head, space-separated. */
    private static String annotations(String head) {
        StringBuilder out = new StringBuilder();
        Matcher m = ANNOTATION.matcher(head);
        while (m.find()) {
            String a = m.group(1);
            out.append(a.substring(a.lastIndexOf('.') + 1)).append(' ');
        }
        return out.toString();
    }
}
