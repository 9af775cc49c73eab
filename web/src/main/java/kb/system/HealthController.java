package kb.system;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with the database status and counts; 503 when the database does not answer,
 * or while start-up is still migrating and importing ({@code "status": "starting"}).
 * Features add their own entries (the sandbox its tier and metrics) through {@link #section}. In private
 * mode ({@link #privateDetails}) anonymous callers get the status only.
 */
public final class HealthController {

    private final Database db;
    private final Supplier<Map<String, Integer>> counts;
    private final Readiness readiness;
    private final Map<String, Supplier<Object>> sections = new LinkedHashMap<>();
    private boolean privateDetails;

    public HealthController(Database db, Supplier<Map<String, Integer>> counts, Readiness readiness) {
        this.db = db;
        this.counts = counts;
        this.readiness = readiness;
    }

    public HealthController section(String name, Supplier<Object> supplier) {
        sections.put(name, supplier);
        return this;
    }

    /**
     * With {@code true} (private mode, {@code KB_PUBLIC_READ=false}) an anonymous caller learns only
     * {@code {"status": "up"|"down"|"starting"}} and the HTTP code; counts, paths, process ids and the
     * sandbox's figures need a signed-in admin or an API token.
     */
    public HealthController privateDetails(boolean on) {
        this.privateDetails = on;
        return this;
    }

    public void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!readiness.isReady()) {
            // migrations or the import are still running: the tables may not be there yet
            body.put("status", "starting");
            ctx.header("Retry-After", "1");
            ctx.status(503).json(body);
            return;
        }
        boolean up = db.healthy();
        body.put("status", up ? "up" : "down");
        if (privateDetails && !Access.isAdmin(ctx) && !Access.viaToken(ctx)) {
            ctx.status(up ? 200 : 503).json(body);
            return;
        }
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", up ? "up" : "down");
        if (up) {
            database.put("product", db.product());
            body.put("counts", counts.get());
        }
        body.put("database", database);
        readiness.startup().ifPresent(startup -> body.put("startup", startup));
        sections.forEach((name, s) -> body.put(name, s.get()));
        ctx.status(up ? 200 : 503).json(body);
    }
}
