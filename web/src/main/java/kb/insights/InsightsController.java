package kb.insights;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code /insights} (charts and tables), {@code /insights/NAME.csv} and {@code /api/insights}. */
final class InsightsController {

    private static final Map<String, String> COLORS = Map.of("P0", "#b91c1c", "P1", "#ea580c", "P2", "#ca8a04",
            "P3", "#2563eb", "P4", "#6b7280");
    static final Set<String> TABLES = Set.of("per-month", "times", "categories", "checklist", "checklist-findings",
            "uncovered");

    private final Insights insights;

    InsightsController(Insights insights) {
        this.insights = insights;
    }

    /** How long a request waits for the first read of the facts before it says that the figures are being computed. */
    static final Duration PAGE_WAIT = Duration.ofMillis(250);
    /** A page saying so reloads itself after this long (no script needed); the API says when to ask again. */
    static final int BUILDING_REFRESH_SECONDS = 5;

    void page(Context ctx) {
        Figures.Filter filter = filter(ctx);
        Optional<Figures.Report> report = insights.report(filter, PAGE_WAIT);
        if (report.isEmpty()) {
            ctx.render("insights/page", Map.of("building", true, "refreshSeconds", BUILDING_REFRESH_SECONDS));
            return;
        }
        Figures.Report r = report.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("building", false);
        model.put("report", r);
        model.put("filterParams", params(r.filter()));
        model.put("services", insights.services());
        model.put("severities", Figures.SEVERITIES);
        // the page names at most this many incidents per list, newest first; the CSV tables have them all
        List<Figures.Gap> uncovered = new ArrayList<>(r.uncovered());
        java.util.Collections.reverse(uncovered);
        model.put("uncoveredShown", uncovered.subList(0, Math.min(SHOWN, uncovered.size())));
        model.put("excludedShown", newest(r.leftOut().excluded()));
        model.put("unresolvedShown", newest(r.leftOut().unresolved()));
        List<Figures.Month> shownMonths = r.months().subList(Math.max(0, r.months().size() - Figures.MAX_MONTHS), r.months().size());
        model.put("months", shownMonths);
        model.put("monthsLeftOut", r.months().size() - shownMonths.size());
        model.put("firstMonth", r.months().isEmpty() ? "" : r.months().get(0).month());
        List<String> months = shownMonths.stream().map(Figures.Month::month).toList();
        List<Svg.Series> bySeverity = new ArrayList<>();
        for (String s : Figures.SEVERITIES) {
            bySeverity.add(new Svg.Series(s, COLORS.get(s), shownMonths.stream().map(m -> (double) m.bySeverity().get(s)).toList()));
        }
        model.put("monthsChart", Svg.columns("months", "Incidents per month, by severity", months, bySeverity, true, ""));
        List<String> quarters = r.quarters().stream().map(Figures.Quarter::quarter).toList();
        Map<String, String> timeCharts = new LinkedHashMap<>();
        timeCharts.put("ttd", timeChart("ttd", "Time to detect per quarter (minutes)", quarters, r, Figures.Quarter::ttd));
        timeCharts.put("ttm", timeChart("ttm", "Time to mitigate per quarter (minutes)", quarters, r, Figures.Quarter::ttm));
        timeCharts.put("ttr", timeChart("ttr", "Time to resolve per quarter (minutes)", quarters, r, Figures.Quarter::ttr));
        model.put("timeCharts", timeCharts);
        model.put("categoriesChart", Svg.rows("categories", "Incidents by root-cause category",
                r.categories().stream().map(Figures.Count::name).toList(),
                new Svg.Series("incidents", "#7c3aed", r.categories().stream().map(c -> (double) c.count()).toList())));
        List<Figures.ItemRank> top = r.checklist().subList(0, Math.min(15, r.checklist().size()));
        model.put("checklistChart", Svg.rows("checklist", "Checklist items by incidents behind them",
                top.stream().map(Figures.ItemRank::id).toList(),
                new Svg.Series("incidents", "#0891b2", top.stream().map(i -> (double) i.incidents()).toList())));
        List<Figures.ItemRank> caught = r.checklistByFindings().subList(0, Math.min(15, r.checklistByFindings().size()));
        model.put("findingsChart", Svg.rows("findings", "Checklist items by review findings they caught",
                caught.stream().map(Figures.ItemRank::id).toList(),
                new Svg.Series("findings", "#16a34a", caught.stream().map(i -> (double) i.findings()).toList())));
        ctx.render("insights/page", model);
    }

    /** How many incidents one list on the page names; a knowledge base of 100,000 incidents must not make a 10 MB page. */
    static final int SHOWN = 50;

    private static List<String> newest(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        java.util.Collections.reverse(out);
        return out.subList(0, Math.min(SHOWN, out.size()));
    }

    private static String timeChart(String id, String title, List<String> quarters, Figures.Report r,
                                    Function<Figures.Quarter, Figures.Stat> stat) {
        return Svg.columns(id, title, quarters, List.of(
                new Svg.Series("median", "#2563eb", r.quarters().stream().map(q -> minutes(stat.apply(q).median())).toList()),
                new Svg.Series("p90", "#f59e0b", r.quarters().stream().map(q -> minutes(stat.apply(q).p90())).toList())),
                false, " min");
    }

    private static Double minutes(Long seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    void api(Context ctx) {
        Optional<Figures.Report> report = insights.report(filter(ctx), PAGE_WAIT);
        if (report.isEmpty()) {
            building(ctx);
            return;
        }
        ctx.json(report.get());
    }

    /** 503 with Retry-After: the figures are being computed for the first time since the start. */
    private static void building(Context ctx) {
        ctx.header("Retry-After", String.valueOf(BUILDING_REFRESH_SECONDS));
        kb.system.Web.jsonError(ctx, 503, "The figures are being computed (the first time after a start this reads every"
                + " incident); ask again in a few seconds.", Map.of("state", "building"));
    }

    void csv(Context ctx) {
        String name = ctx.pathParam("name");
        if (!TABLES.contains(name)) {
            throw new NotFoundResponse("There is no table '" + name + "'; tables: " + String.join(", ", TABLES.stream().sorted().toList()));
        }
        Optional<Figures.Report> report = insights.report(filter(ctx), PAGE_WAIT);
        if (report.isEmpty()) {
            building(ctx);
            return;
        }
        Figures.Report r = report.get();
        String csv = switch (name) {
            case "per-month" -> Csv.of(List.of("month", "P0", "P1", "P2", "P3", "P4", "total"), r.months().stream().map(m -> {
                List<Object> row = new ArrayList<>(List.of(m.month()));
                Figures.SEVERITIES.forEach(s -> row.add(m.bySeverity().get(s)));
                row.add(m.total());
                return row;
            }).toList());
            case "times" -> Csv.of(List.of("quarter", "incidents", "ttd_median_s", "ttd_p90_s", "ttm_median_s", "ttm_p90_s",
                    "ttr_median_s", "ttr_p90_s"), r.quarters().stream().map(q -> java.util.Arrays.<Object>asList(q.quarter(),
                    q.ttr().n(), q.ttd().median(), q.ttd().p90(), q.ttm().median(), q.ttm().p90(), q.ttr().median(),
                    q.ttr().p90())).toList());
            case "categories" -> Csv.of(List.of("category", "incidents"),
                    r.categories().stream().map(c -> List.<Object>of(c.name(), c.count())).toList());
            case "checklist" -> Csv.of(List.of("checklist_item", "incidents", "review_findings"),
                    r.checklist().stream().map(i -> List.<Object>of(i.id(), i.incidents(), i.findings())).toList());
            case "checklist-findings" -> Csv.of(List.of("checklist_item", "review_findings", "incidents"),
                    r.checklistByFindings().stream().map(i -> List.<Object>of(i.id(), i.findings(), i.incidents())).toList());
            default -> Csv.of(List.of("id", "title", "severity"),
                    r.uncovered().stream().map(g -> List.<Object>of(g.id(), g.title(), g.severity())).toList());
        };
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"insights-" + name + ".csv\"");
        ctx.result(csv);
    }

    static Figures.Filter filter(Context ctx) {
        String service = blank(ctx.queryParam("service"));
        String severity = blank(ctx.queryParam("severity"));
        if (severity != null && !Figures.SEVERITIES.contains(severity)) {
            throw new BadRequestResponse("severity must be one of P0, P1, P2, P3, P4, got '" + severity + "'");
        }
        return new Figures.Filter(service, severity);
    }

    private static Map<String, String> params(Figures.Filter f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.service() != null) {
            p.put("service", f.service());
        }
        if (f.severity() != null) {
            p.put("severity", f.severity());
        }
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
