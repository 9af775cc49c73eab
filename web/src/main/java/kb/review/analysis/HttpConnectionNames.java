package kb.review.analysis;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Java: names whose declaration the review cannot see (a modified file's hunk starts below it) that the code uses as
 * a {@code java.net.HttpURLConnection}: it reads a stream from the name ({@code getInputStream}, {@code
 * getErrorStream}) and calls a method that, among the JDK's connections and processes, only the HTTP connection has
 * ({@code getResponseCode}, {@code setRequestMethod}...; not {@code getErrorStream}, which a {@code Process} has too),
 * or, named as a connection, is {@code disconnect()}ed (a plain
 * {@code URLConnection} has no {@code disconnect}). The stream of such a connection is an HTTP response body (RES-02),
 * not a file or process stream. A {@code disconnect} alone on another name (a JSch channel, an FTP or MQTT client) says
 * nothing.
 */
final class HttpConnectionNames {

    /** The type a name so used is given. */
    static final String TYPE = "java.net.HttpURLConnection";

    private static final Set<String> HTTP_ONLY = Set.of("getResponseCode", "getResponseMessage", "setRequestMethod",
            "setInstanceFollowRedirects", "setChunkedStreamingMode", "setFixedLengthStreamingMode");

    private static final Set<String> STREAMS = Set.of("getInputStream", "getErrorStream");

    private static final Pattern CONNECTION_NAME = Pattern.compile("(?i)(\\w*conn|\\w*connection)");

    private HttpConnectionNames() {
    }

    /** Adds {@link #TYPE} to {@code types} for every undeclared name of {@code root} used as described above. */
    static void infer(com.github.javaparser.ast.Node root, Map<String, String> types) {
        Map<String, Set<String>> called = new HashMap<>();
        for (MethodCallExpr c : JavaNodes.findAll(root, MethodCallExpr.class)) {
            c.getScope().filter(s -> s.isNameExpr()).ifPresent(s -> called
                    .computeIfAbsent(s.asNameExpr().getNameAsString(), k -> new HashSet<>()).add(c.getNameAsString()));
        }
        for (var e : called.entrySet()) {
            Set<String> methods = e.getValue();
            if (types.containsKey(e.getKey()) || methods.stream().noneMatch(STREAMS::contains)) {
                continue;
            }
            boolean http = methods.stream().anyMatch(HTTP_ONLY::contains)
                    || methods.contains("disconnect") && CONNECTION_NAME.matcher(e.getKey()).matches();
            if (http) {
                types.put(e.getKey(), TYPE);
            }
        }
    }
}
