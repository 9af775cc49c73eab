package kb.review.report;

import kb.review.engine.Review;
import kb.review.engine.Finding;
import kb.review.engine.ManualCheck;
import kb.review.rules.Catalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.format.ChecklistItem.Severity;

/**
 * SARIF 2.1.0 for code-scanning uploads. Rules are checklist items (one per item, {@code helpUri} pointing at the
 * item's page, the incidents behind it in {@code properties.incidents}); the detector that fired is in each
 * result's {@code properties.detector}. Suppressed findings are included with an in-source suppression.
 */
public final class SarifReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static String render(ReportContext ctx) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA).put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "postmortem-kb").put("version", "0.1.0").put("informationUri", ctx.siteUrl() + "/");
        Map<String, Integer> index = new TreeMap<>();
        ctx.catalog().items().keySet().forEach(id -> index.put(id, 0));
        ctx.review().findings().forEach(f -> index.put(f.item(), 0));
        List<String> ids = new ArrayList<>(index.keySet());
        ArrayNode rules = driver.putArray("rules");
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
            rule(rules.addObject(), ctx, ids.get(i));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : ctx.review().findings()) {
            result(results.addObject(), ctx, f, index.get(f.item()));
        }
        notAnalysed(run, ctx.review());
        run.put("columnKind", "utf16CodeUnits");
        runProperties(run.putObject("properties"), ctx);
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF could not be written", e);
        }
    }

    /** Files only the line rules ran on, as the run's tool execution notifications (warnings). */
    private static void notAnalysed(ObjectNode run, Review review) {
        List<String> paths = review.notAnalysed();
        if (paths.isEmpty()) {
            return;
        }
        ArrayNode notes = run.putArray("invocations").addObject().put("executionSuccessful", true)
                .putArray("toolExecutionNotifications");
        for (String path : paths) {
            ObjectNode n = notes.addObject().put("level", "warning");
            n.putObject("message").put("text", path + " " + Review.NOT_ANALYSED);
            n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", path);
        }
    }

    /**
     * What SARIF has no place of its own for, in the run's property bag: the verdict (a saved review's counts its
     * manual marks, with the reasons) and the manual checklist items with the reviewer's marks.
     */
    private static void runProperties(ObjectNode props, ReportContext ctx) {
        props.put("verdict", ReportContext.key(ctx.verdict())).put("failLevel", ReportContext.label(ctx.failLevel()));
        if (ctx.saved() != null) {
            ArrayNode reasons = props.putArray("verdictReasons");
            ctx.saved().reasons().forEach(reasons::add);
        }
        ArrayNode manual = props.putArray("manualChecks");
        for (ManualCheck m : ctx.review().manual()) {
            ObjectNode o = manual.addObject().put("item", m.item()).put("title", ctx.title(m.item()))
                    .put("helpUri", ctx.itemUrl(m.item())).put("prompt", m.prompt()).put("reason", m.reason());
            ctx.mark(m.item()).ifPresentOrElse(mark -> o.putObject("mark").put("state", mark.state())
                    .put("note", mark.note()).put("markedBy", mark.markedBy())
                    .put("markedAt", mark.markedAt().toString()), () -> o.putNull("mark"));
        }
    }

    private static void rule(ObjectNode rule, ReportContext ctx, String id) {
        Catalog.Item item = ctx.catalog().item(id).orElse(null);
        String title = ctx.title(id);
        rule.put("id", id).put("name", id.replace("-", ""));
        rule.putObject("shortDescription").put("text", title);
        rule.put("helpUri", ctx.itemUrl(id));
        rule.putObject("help").put("text", title + " — see " + ctx.itemUrl(id));
        if (item != null && item.severity() != null) {
            rule.putObject("defaultConfiguration").put("level", level(item.severity()));
        }
        ObjectNode props = rule.putObject("properties");
        if (item != null) {
            props.put("area", item.area()).put("severity", item.severity() == null ? null
                    : ReportContext.label(item.severity()));
            props.putArray("tags").add("checklist").add(item.area() == null ? "other" : item.area());
        }
        ArrayNode incidents = props.putArray("incidents");
        ctx.incidents(id).forEach(i -> incidents.add(i.id()));
    }

    private static void result(ObjectNode r, ReportContext ctx, Finding f, int ruleIndex) {
        r.put("ruleId", f.item()).put("ruleIndex", ruleIndex).put("level", f.undecided() ? "note" : level(f.severity()));
        r.putObject("message").put("text", f.message());
        ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(f.path())).put("uriBaseId", "%SRCROOT%");
        ObjectNode region = physical.putObject("region").put("startLine", f.line()).put("startColumn", f.column());
        if (!f.code().isEmpty()) {
            region.putObject("snippet").put("text", f.code());
        }
        r.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f));
        if (!f.flow().isEmpty()) {
            codeFlow(r, f);
        }
        if (f.suppressed()) {
            ObjectNode s = r.putArray("suppressions").addObject().put("kind", "inSource");
            if (f.suppression().reason() != null) {
                s.put("justification", f.suppression().reason());
            }
        }
        ObjectNode props = r.putObject("properties");
        props.put("detector", f.rule()).put("origin", f.origin())
                .put("confidence", f.confidence().name().toLowerCase(java.util.Locale.ROOT))
                .put("severity", ReportContext.label(f.severity()));
        ArrayNode incidents = props.putArray("incidents");
        ctx.incidents(f.item()).forEach(i -> incidents.add(i.id()));
    }

    /** The characters RFC 3986 allows in a path segment as they are: unreserved, sub-delims, ':' and '@'. */
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";

    /**
     * A repository path as a relative URI reference (RFC 3986): every other byte of its UTF-8 form percent-encoded
     * (spaces, '%', '#', non-ASCII letters), and a colon in the first segment too, which would otherwise read as a
     * scheme ({@code a:b.go}).
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        boolean firstSegment = true;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            firstSegment &= c != '/';
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '/' || PATH_SAFE.indexOf(c) >= 0);
            if (plain && !(firstSegment && c == ':')) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case BLOCKER -> "error";
            case WARNING -> "warning";
            case ADVICE -> "note";
        };
    }

    /** The key of this tool's fingerprint in {@code partialFingerprints}. */
    static final String FINGERPRINT = "kbFinding/v1";

    /** The leaking path as one thread flow: a location per step, the acquisition first and the exit last. */
    private static void codeFlow(ObjectNode r, Finding f) {
        ObjectNode flow = r.putArray("codeFlows").addObject();
        flow.putObject("message").put("text", f.flowSummary());
        ArrayNode locations = flow.putArray("threadFlows").addObject().putArray("locations");
        for (Finding.Step step : f.flow()) {
            ObjectNode loc = locations.addObject().putObject("location");
            ObjectNode physical = loc.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.path())).put("uriBaseId", "%SRCROOT%");
            physical.putObject("region").put("startLine", step.line());
            loc.putObject("message").put("text", step.message());
        }
    }

    /**
     * Stable across line moves: the file, the detector and the code, not the line number. Identical in every run
     * that finds the same problem, which is what {@code --baseline} matches on.
     */
    static String fingerprint(Finding f) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((f.path() + "\0" + f.rule() + "\0" + f.code().strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
