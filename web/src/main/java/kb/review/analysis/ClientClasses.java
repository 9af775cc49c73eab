package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Java classes of the change that are clients themselves: a constructor that builds a value the models list as
 * built once (a gRPC channel, a pool, an HTTP client) makes every instance of the class hold its own. Such a class
 * made per call ({@code new LedgerClient(target)} in a request handler, a local dropped after one call) builds the
 * channel per call as surely as the builder call would, one file away. An instance the method closes or shuts down,
 * or makes as a try-with-resources resource, is left alone: the class then owns and releases what it builds.
 */
final class ClientClasses {

    /** The model a client class is checked with: a client built per call, no borrowers. */
    static final TimeoutModel AS_CLIENT = new TimeoutModel("client-class", "java", "a client class", List.of(),
            List.of(), false, null, List.of(), List.of(), "built-in");

    private static final Pattern NEW = Pattern.compile("(?<![\\w$.])new\\s+([\\w$.]+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern CALL = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[\\w$]+)*)\\s*\\(");

    private ClientClasses() {
    }

    private static final Pattern MADE = Pattern.compile("(?<![\\w$.])new\\s+(?:[\\w$]+\\s*\\.\\s*)*([A-Z][\\w$]*)\\s*[<(]");

    /**
     * The classes of the change that {@code fileText} makes with {@code new} and whose constructor builds one of
     * {@code pools}, each with what it builds; empty when none (most files: one regex pass and map look-ups).
     */
    static java.util.Map<String, String> madeIn(String fileText, List<TimeoutModel> pools, Summaries summaries) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Matcher m = MADE.matcher(fileText);
        while (m.find()) {
            String type = m.group(1);
            if (seen.add(type) && !summaries.visible("new " + type).isEmpty()) {
                String inside = builds(type, pools, summaries);
                if (inside != null) {
                    out.put(type, inside);
                }
            }
        }
        return out;
    }

    /** A type as written, without package and type arguments. */
    static String simple(String typeText) {
        return typeText.replaceAll("<.*", "").replaceAll(".*\\.", "").strip();
    }

    /**
     * What the constructor of the change's class {@code typeText} builds ("LedgerClient's constructor builds a gRPC
     * ManagedChannel"), or null when no constructor of the class in the change builds a built-once value.
     */
    static String builds(String typeText, List<TimeoutModel> pools, Summaries summaries) {
        String simple = simple(typeText);
        for (Summaries.Function f : summaries.visible("new " + simple)) {
            if (f.file() == null || !f.file().endsWith(".java")) {
                continue;
            }
            String shows = built(f.body(), pools);
            if (shows != null) {
                return simple + "'s constructor (" + f.file() + ") builds " + shows;
            }
        }
        return null;
    }

    /** The {@code shows} of the first built-once construction in {@code body}, or null. */
    private static String built(String body, List<TimeoutModel> pools) {
        for (TimeoutModel m : pools) {
            for (TimeoutModel.Build b : m.builds()) {
                if (b.inHandler()) {
                    // a mapper, pattern or parser factory counts per item of a loop only: a class that keeps one
                    // (a Gson in an exporter, a wildcard Pattern in a file selector) is no client (precision set 17)
                    continue;
                }
                Pattern token = switch (b.via()) {
                    case NEW -> NEW;
                    case CALL -> CALL;
                    default -> null;
                };
                Matcher k = token == null ? null : token.matcher(body);
                while (k != null && k.find()) {
                    String key = k.group(1).replaceAll("\\s+", "");
                    if (b.pattern().matcher(key).find()) {
                        return m.shows();
                    }
                }
            }
        }
        return null;
    }

    private static final Pattern LOCAL = Pattern.compile("([\\w$]+)\\s*=\\s*$");

    /**
     * True when the instance made at {@code made} is a try resource, its local is closed or shut down, or the local
     * outlives the call: returned, stored in a field or handed to a collection or registry
     * ({@code checks.add(hc)}, {@code map.put(k, hc)}) that keeps it for later.
     */
    static boolean closedHere(SyntaxNode made, String holder, byte[] src) {
        // code only: a message or a comment that names the value keeps, returns or closes nothing
        String fn = CodeText.code(SyntaxNode.text(src, Timeouts.function(made)));
        String before = new String(src, 0, made.getStartByte(), java.nio.charset.StandardCharsets.UTF_8);
        Matcher local = LOCAL.matcher(before.substring(Math.max(0, before.length() - 200)));
        String v = holder != null ? holder : local.find() ? local.group(1) : null;
        if (v != null && !v.contains(".") && Pattern.compile("\\breturn\\s+" + Pattern.quote(v) + "\\s*;"
                + "|\\.\\s*(?:add\\w*|put\\w*|offer|register\\w*|set\\w*|push)\\s*\\([^;]*(?<![\\w$.])"
                + Pattern.quote(v) + "\\s*[,)]|(?<![=!<>])=\\s*" + Pattern.quote(v) + "\\s*;").matcher(fn).find()) {
            return true;
        }
        return closedOrScoped(made, holder, src);
    }

    private static boolean closedOrScoped(SyntaxNode made, String holder, byte[] src) {
        for (SyntaxNode p = made.getParent(); !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("resource")) {
                return true;
            }
            if (p.getType().endsWith("_statement") || p.getType().equals("block")) {
                break;
            }
        }
        return holder != null && !holder.contains(".") && Pattern.compile("(?<![\\w.$])" + Pattern.quote(holder)
                + "\\s*\\.\\s*(shutdown|shutdownNow|close|stop)\\s*\\(")
                .matcher(CodeText.code(SyntaxNode.text(src, Timeouts.function(made)))).find();
    }
}
