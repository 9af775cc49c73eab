package kb.system;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP route of one app as it was declared: method, path, the role that may call it, and the class
 * that declared the handler. {@code routes} prints it, and the permission-matrix test calls every route
 * with every role from it.
 */
public final class SiteMap {

    /**
     * One route. {@code allowed} is {@code null} when the declaration named no {@link Allowed} role (the
     * access manager then refuses every call); {@code handler} is the declaring class of the handler.
     */
    public record Route(String method, String path, Allowed allowed, String handler) {
    }

    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    /** Records every route added to {@code config} from now on (call it before the routes are declared). */
    public void install(JavalinConfig config) {
        config.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod() && meta.getHttpMethod() != HandlerType.HEAD) {
                routes.add(new Route(meta.getHttpMethod().name(), meta.getPath(), allowed(meta.getRoles()),
                        handlerName(meta.getHandler())));
            }
        });
    }

    /** The routes in declaration order. */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    /** The table {@code routes} prints: one line per route, columns aligned. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-7s %-40s %-18s %s%n", "METHOD", "PATH", "ROLE", "HANDLER"));
        for (Route r : routes()) {
            out.append(String.format("%-7s %-40s %-18s %s%n", r.method(), r.path(),
                    r.allowed() == null ? "(none)" : r.allowed().label(), r.handler()));
        }
        return out.toString();
    }

    private static Allowed allowed(Set<RouteRole> roles) {
        return roles.stream().filter(Allowed.class::isInstance).map(Allowed.class::cast).findFirst().orElse(null);
    }

    /** {@code kb.incidents.IncidentRoutes$$Lambda/0x...} becomes {@code incidents.IncidentRoutes}. */
    private static String handlerName(Object handler) {
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$");
        String cls = lambda < 0 ? name : name.substring(0, lambda);
        return cls.startsWith("kb.") ? cls.substring(3) : cls;
    }
}
