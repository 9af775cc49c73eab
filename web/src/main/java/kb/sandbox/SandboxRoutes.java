package kb.sandbox;

import kb.system.Allowed;
import io.javalin.config.JavalinConfig;
import kb.system.Access;
import kb.system.Templates;
import kb.system.Web;
import org.jdbi.v3.core.Jdbi;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/** Run buttons, the scratch page and the run API; called from the site map in {@code kb.App}. */
public final class SandboxRoutes {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SandboxRoutes.class);

    private final RunController runs;
    private final Templates templates;

    /** {@code runsPerMinute}: per signed-in user, or per address for anonymous readers. */
    public SandboxRoutes(SandboxService sandbox, Jdbi jdbi, Templates templates, int runsPerMinute) {
        this.runs = new RunController(sandbox, jdbi, runsPerMinute);
        this.templates = templates;
        templates.pageModel().contribute(ctx -> {
            var m = new java.util.HashMap<String, Object>();
            if (Access.canEdit(ctx)) {
                m.put("navLinks", List.of(Map.of("href", "/sandbox", "label", "Sandbox", "section", "sandbox")));
            }
            String refusal = runs.untrustedRefusal();
            m.put("runEditable", Access.canEdit(ctx) && refusal == null);
            m.put("runRefusal", refusal == null ? "" : refusal);
            return m;
        });
    }

    /** Maps a full queue and the rate limit to 429 with Retry-After, and a refused run to 403. */
    public void install(JavalinConfig config) {
        config.routes.exception(SandboxBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            Web.error(ctx, templates, 429, "Too many runs right now; try again in " + e.retryAfterSeconds() + " s.");
        });
        config.routes.exception(SandboxRefusedException.class, (e, ctx) -> Web.error(ctx, templates, 403, e.getMessage()));
    }

    public void pages() {
        get("sandbox", runs::scratch, Allowed.EDITOR);
        post("sandbox", runs::scratchRun, Allowed.EDITOR);
    }

    public void api() {
        post("run", runs::runSource, Allowed.EDITOR);
        post("run/stream", runs::runStream, Allowed.EDITOR);
        post("runs/{id}/stop", runs::stopRun, Allowed.EDITOR);
        path("snippets/{id}", () -> post("run", runs::runSnippet, Allowed.ANYONE));
    }

    /** The verified badge on an incident's page: its reproductions' state on this runtime. */
    public kb.incidents.IncidentPageExtension incidentPage() {
        return (incident, ctx) -> {
            ResultCache.Verification v = runs.verification(incident.header().id());
            if (v.total() == 0) {
                return List.of();
            }
            String at = v.at() == null ? "" : " at " + v.at().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
            return List.of(new kb.incidents.IncidentPageExtension.Contribution(kb.incidents.IncidentPageExtension.Slot.BADGE,
                    "sandbox/verified-badge", Map.of("verified", v.verified(), "passed", v.passed(), "total", v.total(),
                    "java", Runtime.version().feature(), "at", at)));
        };
    }
}
