package kb.actions;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import kb.authoring.Authoring;
import kb.incidents.IncidentHeader;
import kb.incidents.Incidents;
import kb.system.Access;
import kb.system.Web;

import kb.incidents.DerivedTables;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /actions}: every action item across incidents, filtered and sorted by due date, with "enforced by" for
 * prevent items whose checklist item has a detector; editors mark an item done (or open again) as a new revision
 * of its postmortem. The same list and the same change in the JSON API.
 */
final class ActionController {

    /** A checklist item id as items name it, e.g. "(RES-02)". */
    private static final Pattern CHECKLIST_ID = Pattern.compile("\\b[A-Z]{2,5}-[0-9]{2}\\b");

    private final ActionQuery query;
    private final ActionSummary summary;
    private final Incidents incidents;
    private final Authoring authoring;
    private final RuleEvidence evidence;
    private final Clock clock;
    /** Facet counts by "drafts included", kept until the summary moves (a write to an incident) or the next day. */
    private final Map<Boolean, CachedFacets> facetCache = new java.util.concurrent.ConcurrentHashMap<>();

    private final PageCache pages = new PageCache();

    /** How long a request waits for the summary to be built before it says that it is being built. */
    static final Duration PAGE_WAIT = Duration.ofMillis(250);
    /** A page showing that the summary is being built reloads itself after this long (no script needed). */
    static final int BUILDING_REFRESH_SECONDS = 5;
    static final String BUILDING_MESSAGE = "The action-item list is being built (a first build after an upgrade or a"
            + " restore takes about a minute at 100,000 incidents); ask again in a few seconds.";
    private static final ActionQuery.Facets NO_FACETS = new ActionQuery.Facets(List.of(), List.of(), Map.of(), Map.of(), 0);

    private record CachedFacets(long version, LocalDate today, ActionQuery.Facets facets) {
    }

    ActionController(ActionQuery query, ActionSummary summary, Incidents incidents, Authoring authoring, RuleEvidence evidence, Clock clock) {
        this.query = query;
        this.summary = summary;
        this.incidents = incidents;
        this.authoring = authoring;
        this.evidence = evidence;
        this.clock = clock;
    }

    void page(Context ctx) {
        render(ctx, 200, null, List.of());
    }

    void api(Context ctx) {
        ActionFilter filter = ActionFilter.from(ctx);
        boolean canEdit = Access.canEdit(ctx);
        LocalDate today = LocalDate.now(clock);
        long version = summary.syncWithin(PAGE_WAIT);
        ActionQuery.Page page = version == DerivedTables.BUILDING ? null : find(filter, canEdit, today, version);
        ActionQuery.Facets facets = page == null ? null : facets(canEdit, today, version);
        if (page == null || !summary.stillBuilt()) {
            // the list is read from the summary: there is nothing to answer until it is built, so say when to ask again
            ctx.header("Retry-After", String.valueOf(BUILDING_REFRESH_SECONDS));
            Web.jsonError(ctx, 503, BUILDING_MESSAGE, Map.of("state", "building"));
            return;
        }
        Map<String, RuleEvidence.Enforcement> enforced = enforcement(page.items());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(i -> json(i, enforced)).toList());
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", page.total());
        body.put("pages", page.pages());
        body.put("today", today.toString());
        body.put("facets", facets);
        ctx.json(body);
    }

    /** The form's "Mark done" / "Reopen": a new revision, then back to the list the editor was looking at. */
    void mark(Context ctx) {
        Outcome o = change(ctx, ctx.formParam("status"), ctx.formParam("baseRevision"));
        // the form posts to a URL that carries the list's filters, so the editor comes back to the same list
        ActionFilter list = ActionFilter.from(ctx);
        String back = "/actions" + queryOf(list.params(list.page()));
        switch (o.kind) {
            case SAVED, UNCHANGED -> ctx.redirect(back + "#" + anchor(o.id, o.position), HttpStatus.SEE_OTHER);
            default -> render(ctx, o.status(), o.message, o.problems);
        }
    }

    /** {@code POST /api/incidents/{id}/actions/{n}} with {@code {"status": "done"|"open"}} and {@code If-Match}. */
    void apiMark(Context ctx) {
        Map<?, ?> body = ctx.body().isBlank() ? Map.of() : bodyMap(ctx);
        Object status = body.get("status");
        Object base = body.containsKey("baseRevision") ? body.get("baseRevision") : ctx.header("If-Match");
        Outcome o = change(ctx, status == null ? null : status.toString(), base == null ? null : base.toString().replace("\"", ""));
        switch (o.kind) {
            case SAVED, UNCHANGED -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", o.id);
                out.put("position", o.position);
                out.put("status", o.done ? "done" : "open");
                out.put("revision", o.revision);
                out.put("changed", o.kind == Outcome.Kind.SAVED);
                ctx.json(out);
            }
            case STALE -> Web.jsonError(ctx, 409, o.message, Map.of("currentRevision", o.revision));
            default -> Web.jsonError(ctx, o.status(), o.message, Map.of("problems", o.problems));
        }
    }

    private Outcome change(Context ctx, String status, String baseRaw) {
        String id = ctx.pathParam("id");
        int position = number(ctx.pathParam("n"), "action item number") - 1;
        if (status == null || !(status.equals("done") || status.equals("open"))) {
            throw new BadRequestResponse("status must be 'done' or 'open', got '" + status + "'");
        }
        boolean done = status.equals("done");
        IncidentHeader h = incidents.header(id).filter(x -> x.listed())
                .orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
        int base = number(baseRaw, "baseRevision");
        if (base != h.currentRevision()) {
            return Outcome.stale(id, position, h.currentRevision(), base);
        }
        String text = incidents.source(id, base).orElseThrow();
        Optional<String> changed;
        try {
            changed = ActionMarkdown.withStatus(text, position, done);
        } catch (ActionMarkdown.NotChanged e) {
            return new Outcome(Outcome.Kind.INVALID, id, position, done, base, "Nothing was changed in '" + id + "': "
                    + e.getMessage() + ".", List.of());
        }
        if (changed.isEmpty()) {
            return new Outcome(Outcome.Kind.UNCHANGED, id, position, done, base, null, List.of());
        }
        String author = Access.user(ctx) == null ? "unknown" : Access.user(ctx);
        Authoring.Result r = authoring.update(id, changed.get(), base, author, "action");
        if (r instanceof Authoring.Saved s) {
            return new Outcome(Outcome.Kind.SAVED, id, position, done, s.revision(), null, List.of());
        }
        if (r instanceof Authoring.Stale s) {
            return Outcome.stale(id, position, s.current(), base);
        }
        return new Outcome(Outcome.Kind.INVALID, id, position, done, base, "Nothing was changed: the new revision of '"
                + id + "' would not pass the format's checks; open it in the editor.", ((Authoring.Invalid) r).problems());
    }

    /** What a change did, in the words the page and the API answer with. */
    private record Outcome(Kind kind, String id, int position, boolean done, int revision, String message,
                           List<?> problems) {
        enum Kind { SAVED, UNCHANGED, STALE, INVALID }

        static Outcome stale(String id, int position, int current, int base) {
            return new Outcome(Kind.STALE, id, position, false, current, "'" + id + "' changed since this list was loaded"
                    + " (revision " + current + " is current; you saw revision " + base + "), so nothing was changed."
                    + " The list below is up to date: check the item and mark it again.", List.of());
        }

        int status() {
            return kind == Kind.STALE ? 409 : 400;
        }
    }

    private void render(Context ctx, int status, String notice, List<?> problems) {
        ActionFilter filter = ActionFilter.from(ctx);
        boolean canEdit = Access.canEdit(ctx);
        LocalDate today = LocalDate.now(clock);
        long version = summary.syncWithin(PAGE_WAIT);
        ActionQuery.Page page = version == DerivedTables.BUILDING ? null : find(filter, canEdit, today, version);
        ActionQuery.Facets facets = page == null ? null : facets(canEdit, today, version);
        // while the summary is first built (or rebuilt elsewhere since it was read) the page says so and reloads itself
        boolean building = page == null || !summary.stillBuilt();
        if (building) {
            page = new ActionQuery.Page(List.of(), 0, filter.page(), filter.size());
            facets = NO_FACETS;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("building", building);
        if (building) {
            model.put("refreshSeconds", BUILDING_REFRESH_SECONDS);
        }
        model.put("page", page);
        model.put("filter", filter);
        model.put("chips", filter.chips());
        model.put("facets", facets);
        model.put("enforced", enforcement(page.items()));
        model.put("today", today.toString());
        // a page past the end (an old link, a typed number) says where the list ends instead of "no action items"
        boolean pastEnd = page.total() > 0 && page.page() > page.pages();
        model.put("pastEnd", pastEnd);
        model.put("last", filter.params(page.pages()));
        model.put("prev", page.page() > 1 ? filter.params(Math.min(page.page() - 1, page.pages())) : null);
        model.put("next", page.page() < page.pages() ? filter.params(page.page() + 1) : null);
        model.put("listQuery", queryOf(filter.params(page.page())));
        model.put("notice", notice);
        model.put("problems", problems);
        ctx.status(status);
        ctx.render("actions/list", model);
    }

    /**
     * The page of items, read again only when the summary moved (a write to an incident, here or on another
     * instance) or on a new day. The summary follows every committed write first, so a page right after a write
     * shows it.
     */
    private ActionQuery.Page find(ActionFilter filter, boolean drafts, LocalDate today, long version) {
        return pages.get(filter, drafts, today, version, () -> query.find(filter, drafts, today, version));
    }

    /**
     * The facet counts (a few small summary-table reads), read again only when the summary moved or on a new day;
     * requests that find them stale at once wait for one read instead of each reading and overwriting the other.
     */
    private ActionQuery.Facets facets(boolean drafts, LocalDate today, long version) {
        return facetCache.compute(drafts, (key, c) -> c == null || c.version() != version || !c.today().equals(today)
                ? new CachedFacets(version, today, query.facets(drafts, today, version)) : c).facets();
    }

    /** Per "incident/position" of the prevent items on the page, the detector that enforces the item they name. */
    private Map<String, RuleEvidence.Enforcement> enforcement(List<ActionQuery.Item> items) {
        Map<String, RuleEvidence.Enforcement> out = new HashMap<>();
        Map<String, Optional<RuleEvidence.Enforcement>> byItem = new HashMap<>();
        java.util.Set<String> known = null;
        for (ActionQuery.Item i : items) {
            if (!"prevent".equals(i.type())) {
                continue;
            }
            Matcher m = CHECKLIST_ID.matcher(i.text());
            while (m.find()) {
                if (known == null) {
                    known = incidents.knownChecklistIds();
                }
                if (!known.contains(m.group())) {
                    continue;
                }
                Optional<RuleEvidence.Enforcement> e = byItem.computeIfAbsent(m.group(), this::evidenceOf);
                if (e.isPresent()) {
                    out.put(anchor(i.incidentId(), i.position()), e.get());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The prevent items of {@code incident} that name a checklist item a detector enforces, in the section's order,
     * each as the JSON shows it: position (1-based), text, and {@code enforcedBy}; empty when there is none.
     */
    List<Map<String, Object>> enforcedIn(kb.incidents.Incident incident) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Optional<RuleEvidence.Enforcement>> byItem = new HashMap<>();
        java.util.Set<String> known = null;
        for (kb.incidents.Parts.ActionRow a : incident.actionItems()) {
            if (!"prevent".equals(a.type())) {
                continue;
            }
            Matcher m = CHECKLIST_ID.matcher(a.text());
            while (m.find()) {
                if (known == null) {
                    known = incidents.knownChecklistIds();
                }
                Optional<RuleEvidence.Enforcement> e = known.contains(m.group())
                        ? byItem.computeIfAbsent(m.group(), this::evidenceOf) : Optional.empty();
                if (e.isPresent()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("position", a.position() + 1);
                    item.put("text", a.text());
                    item.put("done", a.done());
                    item.put("enforcedBy", evidenceJson(e.get()));
                    out.add(item);
                    break;
                }
            }
        }
        return out;
    }

    private Optional<RuleEvidence.Enforcement> evidenceOf(String checklistId) {
        try {
            return evidence.enforcement(checklistId);
        } catch (RuntimeException e) {
            // the list must render even when the rule files cannot be read
            org.slf4j.LoggerFactory.getLogger(ActionController.class).warn("enforcement of {}: {}", checklistId, e.toString());
            return Optional.empty();
        }
    }

    private static Map<String, Object> json(ActionQuery.Item i, Map<String, RuleEvidence.Enforcement> enforced) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("incident", Map.of("id", i.incidentId(), "title", i.incidentTitle(), "severity", i.severity(),
                "url", "/incidents/" + i.incidentId(), "services", i.services()));
        m.put("position", i.position() + 1);
        m.put("text", i.text());
        m.put("html", i.html());
        m.put("owner", i.owner());
        m.put("type", i.type());
        m.put("status", i.status());
        m.put("due", i.due() == null ? null : i.due().toString());
        m.put("overdue", i.overdue());
        m.put("revision", i.revision());
        RuleEvidence.Enforcement e = enforced.get(anchor(i.incidentId(), i.position()));
        if (e != null) {
            m.put("enforcedBy", evidenceJson(e));
        }
        return m;
    }

    private static Map<String, Object> evidenceJson(RuleEvidence.Enforcement e) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("checklistId", e.checklistId());
        ev.put("ruleIds", e.ruleIds());
        ev.put("rules", e.ruleIds().stream().map(r -> Map.of("id", r, "url", "/rules/" + r)).toList());
        ev.put("checklistUrl", "/checklist/" + e.checklistId());
        ev.put("lastReview", e.lastReviewId() == null ? null : Map.of("id", e.lastReviewId(), "url",
                "/reviews/" + e.lastReviewId(), "at", e.lastReviewAt().toString(), "findings", e.lastFindings()));
        return ev;
    }

    static String anchor(String incidentId, int position) {
        return "action-" + incidentId + "-" + (position + 1);
    }

    private static String queryOf(Map<String, Object> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            for (Object one : v instanceof List<?> l ? l : List.of(v)) {
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=')
                        .append(java.net.URLEncoder.encode(String.valueOf(one), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private static int number(String raw, String name) {
        if (raw == null || !raw.strip().matches("[0-9]{1,9}") || Integer.parseInt(raw.strip()) < 1) {
            throw new BadRequestResponse(name + " must be a whole number from 1, got '" + raw + "'");
        }
        return Integer.parseInt(raw.strip());
    }

    private static Map<?, ?> bodyMap(Context ctx) {
        try {
            return Web.objectMapper().readValue(ctx.body(), Map.class);
        } catch (java.io.IOException | ClassCastException e) {
            throw new BadRequestResponse("the body must be a JSON object like {\"status\": \"done\"}");
        }
    }
}
