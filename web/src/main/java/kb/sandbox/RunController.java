package kb.sandbox;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kb.incidents.Incidents;
import kb.system.Access;
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
    private final RunStream streams;
    private final Incidents incidents;

    RunController(SandboxService sandbox, Jdbi jdbi, int runsPerMinute) {
        this.sandbox = sandbox;
        this.incidents = new Incidents(jdbi);
        this.cache = new ResultCache(jdbi);
        this.limiter = new RateLimiter(jdbi, runsPerMinute, Clock.systemUTC());
        this.streams = new RunStream(sandbox);
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

    /**
     * {@code POST /api/run} with {@code {"source": "..."}}: code an editor typed; never cached. The
     * output is compared with {@code expectedOutput} when given, else with the source's own
     * {@code // Output:} block, as everywhere else.
     */
    void runSource(Context ctx) {
        RunRequest request = RunStream.request(ctx.body());
        throttle(ctx);
        RunResult result = sandbox.get().run(request);
        ctx.json(body(result, false));
    }

    /** {@code POST /api/run/stream}: as {@code /api/run}, with the output sent as it happens (see {@link RunStream}). */
    void runStream(Context ctx) {
        RunRequest request = RunStream.request(ctx.body());
        throttle(ctx);
        sandbox.get().untrustedRefusal().ifPresent(reason -> {
            throw new SandboxRefusedException(reason);
        });
        streams.stream(ctx, request);
    }

    /** {@code POST /api/runs/{id}/stop}: the Stop button. */
    void stopRun(Context ctx) {
        streams.stop(ctx);
    }

    /** {@code POST /sandbox}: the scratch page without JavaScript runs the form's code and shows the result. */
    void scratchRun(Context ctx) {
        String source = ctx.formParam("source");
        if (source == null) {
            throw new BadRequestResponse("the form field 'source' is required");
        }
        Map<String, Object> model = scratchModel();
        model.put("source", source);
        String unreadable = kb.format.OutputComment.problem(source);
        if (unreadable != null) {
            // nothing is run: the code stays in the box for the user to fix
            model.put("problem", unreadable);
            ctx.status(400).render("sandbox/scratch", model);
            return;
        }
        throttle(ctx);
        RunResult result = sandbox.get().run(new RunRequest(source, false, kb.format.OutputComment.expected(source)));
        model.put("result", body(result, false));
        ctx.render("sandbox/scratch", model);
    }

    /** {@code GET /sandbox}: a scratch page where editors write and run code. */
    void scratch(Context ctx) {
        ctx.render("sandbox/scratch", scratchModel());
    }

    private Map<String, Object> scratchModel() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("refusal", sandbox.get().untrustedRefusal().orElse(null));
        model.put("tier", sandbox.get().tier().name().toLowerCase(java.util.Locale.ROOT));
        // Templates use strict variables: the form's text and a result are there, empty, before any run.
        model.put("source", null);
        model.put("result", null);
        model.put("problem", null);
        return model;
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
