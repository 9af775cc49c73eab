package kb.system;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Mounts the features' route groups so that the order in which they are mounted does not matter.
 *
 * <p>Javalin answers a request with the first matching route in declaration order, so a feature that
 * declares {@code /incidents/{id}} before another declares {@code /incidents/new} would capture "new" as
 * an id. This table collects every route the groups declare (through {@link ApiBuilder}, unchanged) and
 * hands them to Javalin most specific first: segment by segment, a literal ({@code new}) before a
 * parameter with literal text ({@code {id}.md}) before a bare parameter ({@code {id}}) before a wildcard.
 * Routes of equal shape keep their declaration order. Before/after handlers, error and exception
 * handlers and WebSocket handlers pass straight through in declaration order.
 */
public final class RouteTable implements JavalinDefaultRoutingApi {

    private final JavalinDefaultRoutingApi target;
    private final List<Endpoint> http = new ArrayList<>();

    private RouteTable(JavalinDefaultRoutingApi target) {
        this.target = target;
    }

    /** Runs {@code routes} (which declare through {@link ApiBuilder}) and adds what they declared to {@code target}. */
    public static void mount(JavalinDefaultRoutingApi target, EndpointGroup routes) {
        RouteTable table = new RouteTable(target);
        ApiBuilder.setStaticJavalin(table);
        try {
            routes.addEndpoints();
        } finally {
            ApiBuilder.clearStaticJavalin();
        }
        table.http.stream().sorted(Comparator.comparing(e -> e.path, RouteTable::bySpecificity)).forEach(target::addEndpoint);
    }

    /** Negative when a request matching both paths should go to {@code a}. */
    static int bySpecificity(String a, String b) {
        String[] sa = segments(a);
        String[] sb = segments(b);
        for (int i = 0; i < Math.min(sa.length, sb.length); i++) {
            int c = Integer.compare(rank(sa[i]), rank(sb[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sa.length, sb.length);
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** 0 literal, 1 parameter with literal text around it, 2 bare parameter, 3 wildcard. */
    private static int rank(String segment) {
        if (segment.contains("*")) {
            return 3;
        }
        boolean param = segment.contains("{") || segment.contains("<");
        if (!param) {
            return 0;
        }
        boolean bare = (segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('}') == segment.length() - 1)
                || (segment.startsWith("<") && segment.endsWith(">") && segment.indexOf('>') == segment.length() - 1);
        return bare ? 2 : 1;
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        if (endpoint.method.isHttpMethod()) {
            http.add(endpoint);
        } else {
            target.addEndpoint(endpoint);
        }
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        target.exception(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        target.error(status, contentType, handler);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        target.wsException(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> ws, RouteRole... roles) {
        target.addWsHandler(type, path, ws, roles);
        return this;
    }
}
