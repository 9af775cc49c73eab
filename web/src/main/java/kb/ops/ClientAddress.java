package kb.ops;

import io.javalin.config.JavalinConfig;

import java.util.Map;

/**
 * The caller's address, which the sign-in throttle and the rate limits count by. Behind a reverse proxy
 * or load balancer every request comes from the proxy, so with {@code KB_BEHIND_PROXY=true} the address
 * is the last entry of {@code X-Forwarded-For}: the one the proxy itself appended (nginx:
 * {@code proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for}). Entries before it were sent by
 * the client and are not trusted. Only set it when the app's port is reachable through the proxy alone.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static void configure(JavalinConfig config, Map<String, String> env) {
        if (!"true".equalsIgnoreCase(env.getOrDefault("KB_BEHIND_PROXY", "false").strip())) {
            return;
        }
        config.contextResolver.ip = ctx -> fromForwarded(ctx.header("X-Forwarded-For"), ctx.req().getRemoteAddr());
    }

    /** The last non-empty entry of {@code forwardedFor} (at most 45 characters, an IPv6 address), or {@code remote}. */
    static String fromForwarded(String forwardedFor, String remote) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] parts = forwardedFor.split(",");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i].strip();
            if (!p.isEmpty()) {
                return p.length() > 45 ? p.substring(0, 45) : p;
            }
        }
        return remote;
    }
}
