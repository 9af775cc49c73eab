package kb.sandbox;

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
    private static final java.util.regex.Pattern INCIDENT_PAGE = java.util.regex.Pattern.compile("/incidents/([a-z0-9-]+)");

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
            var matcher = INCIDENT_PAGE.matcher(ctx.path());
            if (matcher.matches() && !matcher.group(1).equals("new")) {
                try {
                    m.put("incidentBadges", List.of(badge(runs.verification(matcher.group(1)))));
                } catch (RuntimeException e) {
                    // a page must still render (error pages included) when the badge cannot be worked out
                    log.warn("verification badge for {} unavailable: {}", matcher.group(1), e.getMessage());
                }
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
        get("sandbox", runs::scratch);
        post("sandbox", runs::scratchRun);
    }

    public void api() {
        post("run", runs::runSource);
        post("run/stream", runs::runStream);
        post("runs/{id}/stop", runs::stopRun);
        path("snippets/{id}", () -> post("run", runs::runSnippet));
    }

    private static String badge(ResultCache.Verification v) {
        if (v.total() == 0) {
            return "";
        }
        if (v.verified()) {
            String at = v.at() == null ? "" : " at " + v.at().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
            return "<span class=\"badge verified\" title=\"Every reproduction passed on Java " + Runtime.version().feature()
                    + at + "\">verified on Java " + Runtime.version().feature() + at + "</span>";
        }
        return "<span class=\"badge\" title=\"Reproductions that passed on this runtime\">" + v.passed() + "/" + v.total()
                + " reproductions verified</span>";
    }
}
