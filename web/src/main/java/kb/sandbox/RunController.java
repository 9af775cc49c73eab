package kb.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kb.incidents.Incidents;
import kb.system.Access;
import kb.system.Web;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running code: bundled reproductions for readers, any code for editors, and the scratch page. */
final class RunController {

    private final SandboxService sandbox;
    private final ResultCache cache;
    private final RateLimiter limiter;
    private final Incidents incidents;

    RunController(SandboxService sandbox, Jdbi jdbi, int runsPerMinute) {
        this.sandbox = sandbox;
        this.incidents = new Incidents(jdbi);
        this.cache = new ResultCache(jdbi);
        this.limiter = new RateLimiter(runsPerMinute, Clock.systemUTC());
    }

    /**
     * {@code POST /api/snippets/{id}/run}: a stored block, for anyone who may read its incident. Blocks
     * of incidents written or changed in the app are user-edited code, refused on the weak tier unless
     * the admin allows it.
     */
    void runSnippet(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new BadRequestResponse("the snippet id must be a number"));
        Incidents.RunnableBlock block = incidents.runnableBlock(id, Access.canEdit(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no runnable snippet " + id + "."));
        boolean bundled = block.trusted();
        String key = ResultCache.key(block.code(), block.expectedOutput(), sandbox.get().runnerVersion());
        var cached = cache.find(key);
        if (cached.isPresent()) {
            ctx.json(body(cached.get(), true));
            return;
        }
        throttle(ctx);
        RunResult result = sandbox.get().run(new RunRequest(block.code(), bundled, block.expectedOutput()));
        cache.store(key, block.id(), block.incidentId(), result);
        ctx.json(body(result, false));
    }

    /** {@code POST /api/run} with {@code {"source": "..."}}: code an editor typed; never cached. */
    void runSource(Context ctx) {
        JsonNode json;
        try {
            json = Web.objectMapper().readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw new BadRequestResponse("the body must be JSON like {\"source\": \"...\"}: " + e.getMessage());
        }
        if (json == null || !json.hasNonNull("source") || !json.get("source").isTextual()) {
            throw new BadRequestResponse("the field 'source' is required and must be a string");
        }
        String expected = json.hasNonNull("expectedOutput") ? json.get("expectedOutput").asText() : null;
        throttle(ctx);
        RunResult result = sandbox.get().run(new RunRequest(json.get("source").asText(), false, expected));
        ctx.json(body(result, false));
    }

    /** {@code GET /sandbox}: a scratch page where editors write and run code. */
    void scratch(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("refusal", sandbox.get().untrustedRefusal().orElse(null));
        model.put("tier", sandbox.get().tier().name().toLowerCase(java.util.Locale.ROOT));
        ctx.render("sandbox/scratch", model);
    }

    /** The verification state of an incident's reproductions on this runtime, for its page. */
    ResultCache.Verification verification(String incidentId) {
        if (!sandbox.started()) {
            return new ResultCache.Verification(false, 0, 0, null);
        }
        List<Incidents.RunnableBlock> blocks = incidents.runnableBlocks(incidentId);
        if (blocks.isEmpty()) {
            return new ResultCache.Verification(false, 0, 0, null);
        }
        String version = sandbox.get().runnerVersion();
        return cache.verification(blocks.stream().map(b -> ResultCache.key(b.code(), b.expectedOutput(), version)).toList());
    }

    /** Untrusted runs are refused on the weak tier unless the admin opted in; say why. */
    String untrustedRefusal() {
        return sandbox.started() ? sandbox.get().untrustedRefusal().orElse(null) : null;
    }

    private void throttle(Context ctx) {
        String caller = Access.user(ctx) != null ? "user:" + Access.user(ctx) : "ip:" + ctx.ip();
        int wait = limiter.acquire(caller);
        if (wait > 0) {
            throw new SandboxBusyException(wait);
        }
    }

    static Map<String, Object> body(RunResult r, boolean cached) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("statusLabel", r.status().label());
        m.put("passed", r.passed());
        m.put("stdout", r.stdout());
        m.put("stderr", r.stderr());
        m.put("truncated", r.truncated());
        m.put("exitCode", r.exitCode());
        m.put("durationMillis", r.durationMillis());
        m.put("message", r.message());
        m.put("diagnostics", r.diagnostics());
        m.put("verdict", r.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("diff", r.verdict().diff());
        m.put("cached", cached);
        return m;
    }
}
