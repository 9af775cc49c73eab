package kb.system;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with the database status and counts, 503 when the database does not answer.
 * Features add their own entries (the sandbox its tier and metrics) through {@link #section}.
 */
public final class HealthController {

    private final Database db;
    private final Supplier<Map<String, Integer>> counts;
    private final Map<String, Supplier<Object>> sections = new LinkedHashMap<>();

    public HealthController(Database db, Supplier<Map<String, Integer>> counts) {
        this.db = db;
        this.counts = counts;
    }

    public HealthController section(String name, Supplier<Object> supplier) {
        sections.put(name, supplier);
        return this;
    }

    public void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = db.healthy();
        body.put("status", up ? "up" : "down");
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("status", up ? "up" : "down");
        if (up) {
            database.put("product", db.product());
            body.put("counts", counts.get());
        }
        body.put("database", database);
        sections.forEach((name, s) -> body.put(name, s.get()));
        ctx.status(up ? 200 : 503).json(body);
    }
}
