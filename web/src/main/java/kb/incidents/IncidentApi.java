package kb.incidents;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/incidents}: the same data and filters as the pages, as JSON. */
final class IncidentApi {

    private final IncidentController pages;
    private final IncidentQuery query;
    private final Insights insights;

    IncidentApi(IncidentController pages, IncidentQuery query, Insights insights) {
        this.pages = pages;
        this.query = query;
        this.insights = insights;
    }

    void list(Context ctx) {
        IncidentFilter filter = IncidentFilter.from(ctx);
        IncidentQuery.Page page = query.find(filter, kb.system.Access.canEdit(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(s -> summary(s.incident(), s.services())).toList());
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("total", page.total());
        body.put("pages", page.pages());
        // the filters' values with their counts, as the page shows them; while they are first built (a database just
        // migrated or restored) "facetsState" is "building" and the lists are empty, after a wait of at most 250 ms
        Map<String, Object> facets = new LinkedHashMap<>(insights.facets());
        boolean building = Boolean.TRUE.equals(facets.remove("building"));
        body.put("facetsState", building ? "building" : "ready");
        body.put("facets", facets);
        ctx.json(body);
    }

    void show(Context ctx) {
        IncidentController.Shown shown = pages.visiblePage(ctx, ctx.pathParam("id"));
        Incident i = shown.incident();
        Map<String, Object> body = summary(i.header(), i.services());
        body.put("tags", i.tags());
        body.put("categories", i.categories());
        body.put("authors", i.authors());
        body.put("lang", i.header().lang());
        body.put("source", i.header().sourceUrl());
        body.put("revision", i.header().currentRevision());
        body.put("checklist", i.checklist());
        body.put("timeline", i.timeline().stream().map(t -> Map.of("at", t.atTime(), "kind", t.kind(), "text", t.text(),
                "html", t.html())).toList());
        if (shown.timeline().split()) {
            // a timeline stored before the cap: this answer holds one page of it; ?timeline=N gives the others
            body.put("timelinePage", shown.timeline().model());
        }
        body.put("sections", IncidentController.displayOrder(i.sections()).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind());
            m.put("heading", s.heading());
            m.put("markdown", s.markdown());
            m.put("html", s.html());
            return m;
        }).toList());
        body.put("actionItems", i.actionItems().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("done", a.done());
            m.put("text", a.text());
            m.put("owner", a.owner());
            m.put("due", a.due());
            m.put("type", a.type());
            return m;
        }).toList());
        body.put("codeBlocks", i.codeBlocks().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("language", b.language());
            m.put("info", b.info());
            m.put("runnable", b.runnable());
            m.put("role", b.role());
            m.put("section", b.sectionKind());
            m.put("line", b.line());
            m.put("code", b.code());
            m.put("expectedOutput", b.expectedOutput());
            return m;
        }).toList());
        // what other features add (the related incidents, ...); the incident's own fields win
        pages.apiFields(i, ctx).forEach(body::putIfAbsent);
        ctx.json(body);
    }

    static Map<String, Object> summary(IncidentHeader r, List<String> services) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("url", "/incidents/" + r.id());
        m.put("title", r.title());
        m.put("severity", r.severity());
        m.put("status", r.status());
        m.put("started", r.started());
        m.put("detected", r.detected());
        m.put("mitigated", r.mitigated());
        m.put("resolved", r.resolved());
        m.put("timeToDetectSeconds", r.ttdSeconds());
        m.put("timeToMitigateSeconds", r.ttmSeconds());
        m.put("timeToResolveSeconds", r.ttrSeconds());
        m.put("services", services);
        return m;
    }
}
