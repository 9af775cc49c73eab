package kb.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses NUL characters ({@code \0}) in every part of a request before any handler sees them: the path,
 * query parameters, headers (cookies included), form fields, JSON strings and text bodies. H2 would store
 * them and PostgreSQL refuses them with an error, so the same input must get the same clear 400 on
 * both, naming the field. Runs before sign-in, so even anonymous requests never reach the database
 * with one.
 *
 * <p>Two browser form fields are left to their own handlers, which report a NUL at its line and show
 * the text again so nothing typed is lost: the editor's {@code markdown} (the postmortem format refuses
 * NUL) and the review form's {@code diff}.
 */
public final class InputGuard implements Handler {

    /** Form fields whose handlers report a NUL at its line and keep the user's text. */
    private static final Set<String> CHECKED_BY_HANDLER = Set.of("markdown", "diff");
    private static final Pattern JSON_NUL = Pattern.compile("\\\\u0000", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handle(Context ctx) {
        if (has(ctx.path())) {
            refuse("The address");
        }
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            check("The query parameter '" + printable(q.getKey()) + "'", q.getKey(), q.getValue());
        }
        for (Map.Entry<String, String> h : ctx.headerMap().entrySet()) {
            if (has(h.getValue()) || has(h.getKey())) {
                refuse("The header '" + printable(h.getKey()) + "'");
            }
        }
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")) {
            for (Map.Entry<String, List<String>> f : ctx.formParamMap().entrySet()) {
                if (!CHECKED_BY_HANDLER.contains(f.getKey())) {
                    check("The form field '" + printable(f.getKey()) + "'", f.getKey(), f.getValue());
                }
            }
        } else if (type.equals("application/json") || type.endsWith("+json")) {
            String body = ctx.body();
            if (JSON_NUL.matcher(body).find()) {
                jsonField(body).ifPresent(field -> refuse("The JSON field '" + field + "'"));
            }
        } else if (!type.isEmpty()) {
            String body = ctx.body();
            int at = body.indexOf('\0');
            if (at >= 0) {
                refuse("Line " + lineOf(body, at) + " of the request body");
            }
        }
    }

    private static void check(String what, String key, List<String> values) {
        if (has(key)) {
            refuse(what);
        }
        for (String v : values) {
            if (has(v)) {
                refuse(what);
            }
        }
    }

    private static boolean has(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    private static void refuse(String what) {
        throw new BadRequestResponse(what + " contains a NUL character (\\0), which is not accepted anywhere. "
                + "Remove it and send the request again.");
    }

    /** The path (like {@code items[2].title}) of the first string holding a NUL, or empty for invalid JSON. */
    private static java.util.Optional<String> jsonField(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // the handler reports the malformed JSON with its position
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(find(root, ""));
    }

    private static String find(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return has(node.textValue()) ? (path.isEmpty() ? "(the whole body)" : path) : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = path.isEmpty() ? printable(e.getKey()) : path + "." + printable(e.getKey());
                if (has(e.getKey())) {
                    return name;
                }
                String found = find(e.getValue(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A name fit for an error message: NULs shown as {@code \0}, cut at 100 characters. */
    private static String printable(String name) {
        String s = name.replace("\0", "\\0");
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
