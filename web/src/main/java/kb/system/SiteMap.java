package kb.system;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP route of one app as it was declared: method, path, the role that may call it, and the handler
 * (class and method for {@link Named} handlers, the declaring class for plain ones). {@code routes} prints
 * it, and the permission-matrix test calls every route with every role from it.
 */
public final class SiteMap {

    /**
     * One route. {@code allowed} is {@code null} when the declaration named no {@link Allowed} role (the
     * access manager then refuses every call); {@code handler} is {@code feature.Class.method} for
     * {@link Named} handlers and the declaring class for others.
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

    /** The routes in the order Javalin matches them (most specific first, see {@link RouteTable}). */
    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    /**
     * The table {@code routes} prints: one line per route, columns aligned, sorted by path (then GET before
     * POST) so that the routes under one URL read together, like a site map.
     */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-7s %-40s %-18s %s%n", "METHOD", "PATH", "ROLE", "HANDLER"));
        List<Route> sorted = routes().stream().sorted(Comparator.comparing(Route::path)
                .thenComparing(r -> List.of("GET", "POST", "PUT", "PATCH", "DELETE").indexOf(r.method()))).toList();
        for (Route r : sorted) {
            out.append(String.format("%-7s %-40s %-18s %s%n", r.method(), r.path(),
                    r.allowed() == null ? "(none)" : r.allowed().label(), r.handler()));
        }
        return out.toString();
    }

    private static Allowed allowed(Set<RouteRole> roles) {
        return roles.stream().filter(Allowed.class::isInstance).map(Allowed.class::cast).findFirst().orElse(null);
    }

    /**
     * {@code incidents.IncidentController.show} for a {@link Named} method reference; otherwise the class
     * that declared the handler ({@code kb.review.ReviewRoutes$$Lambda/0x...} becomes {@code review.ReviewRoutes}).
     */
    static String handlerName(Object handler) {
        if (handler instanceof Named) {
            try {
                Method replace = handler.getClass().getDeclaredMethod("writeReplace");
                replace.setAccessible(true);
                if (replace.invoke(handler) instanceof SerializedLambda lambda) {
                    return shortName(lambda.getImplClass().replace('/', '.')) + "." + lambda.getImplMethodName();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back to the declaring class below: a site map without the method is still a site map
            }
        }
        String name = handler.getClass().getName();
        int lambda = name.indexOf("$$");
        return shortName(lambda < 0 ? name : name.substring(0, lambda));
    }

    private static String shortName(String cls) {
        return cls.startsWith("kb.") ? cls.substring(3) : cls;
    }
}
