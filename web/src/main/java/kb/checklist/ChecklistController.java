package kb.checklist;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kb.format.MarkdownRenderer;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The checklist pages and API: items grouped by area, and each item with the incidents behind it. */
final class ChecklistController {

    private final Jdbi jdbi;
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    ChecklistController(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void list(Context ctx) {
        ctx.render("checklist/list", Map.of("areas", byArea(), "total", summaries().size()));
    }

    void show(Context ctx) {
        ChecklistRow item = find(ctx.pathParam("id"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("item", item);
        model.put("html", renderer.render(item.body()));
        model.put("incidents", dao().incidents(item.id()));
        ctx.render("checklist/show", model);
    }

    void apiList(Context ctx) {
        ctx.json(Map.of("items", summaries()));
    }

    void apiShow(Context ctx) {
        ChecklistRow item = find(ctx.pathParam("id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", item.id());
        body.put("url", "/checklist/" + item.id());
        body.put("title", item.title());
        body.put("area", item.area());
        body.put("severity", item.severity());
        body.put("languages", item.languageList());
        body.put("markdown", item.body());
        body.put("html", renderer.render(item.body()));
        body.put("incidents", dao().incidents(item.id()));
        ctx.json(body);
    }

    private ChecklistRow find(String id) {
        return dao().find(id).orElseThrow(() -> new NotFoundResponse("There is no checklist item '" + id + "'."));
    }

    private List<ChecklistDao.Summary> summaries() {
        return dao().summaries();
    }

    private Map<String, List<ChecklistDao.Summary>> byArea() {
        Map<String, List<ChecklistDao.Summary>> areas = new TreeMap<>();
        for (var s : summaries()) {
            areas.computeIfAbsent(s.area(), a -> new java.util.ArrayList<>()).add(s);
        }
        return areas;
    }

    private ChecklistDao dao() {
        return jdbi.onDemand(ChecklistDao.class);
    }
}
