package kb.incidents;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import kb.format.SectionKind;
import kb.incidents.Parts.SectionRow;
import kb.system.Access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The incident pages: home, the filtered list and one incident. */
final class IncidentController {

    private final Incidents incidents;
    private final IncidentQuery query;
    private final Insights insights;
    private final List<IncidentPageExtension> extensions;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IncidentController.class);

    IncidentController(Incidents incidents, IncidentQuery query, Insights insights, List<IncidentPageExtension> extensions) {
        this.extensions = List.copyOf(extensions);
        this.incidents = incidents;
        this.query = query;
        this.insights = insights;
    }

    /** A page showing counts still being built reloads itself after this long (a meta refresh: no script needed). */
    static final int BUILDING_REFRESH_SECONDS = 5;

    void home(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recent", query.find(IncidentFilter.none(), Access.canEdit(ctx)).items().stream().limit(6).toList());
        // while the counts are first built (a database just migrated or restored) the page says so instead of waiting
        boolean building = insights.building();
        model.put("countsBuilding", building);
        model.put("bySeverity", building ? Map.of() : insights.countsBySeverity());
        model.put("topCategories", building ? List.of() : insights.topCategories(8));
        if (building) {
            model.put("refreshSeconds", BUILDING_REFRESH_SECONDS);
        }
        model.put("totals", insights.totals());
        ctx.render("incidents/home", model);
    }

    void list(Context ctx) {
        IncidentFilter filter = IncidentFilter.from(ctx);
        IncidentQuery.Page page = query.find(filter, Access.canEdit(ctx));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", page);
        model.put("filter", filter);
        model.put("active", filter.active());
        // a page past the end (an old link, a typed number) says where the list ends instead of "no incidents"
        boolean pastEnd = page.total() > 0 && page.page() > page.pages();
        model.put("pastEnd", pastEnd);
        model.put("last", filter.params(page.pages()));
        model.put("prev", page.page() > 1 ? filter.params(Math.min(page.page() - 1, page.pages())) : null);
        model.put("next", page.page() < page.pages() ? filter.params(page.page() + 1) : null);
        Map<String, Object> facets = insights.facets();
        model.put("facets", facets);
        if (Boolean.TRUE.equals(facets.get("building"))) {
            model.put("refreshSeconds", BUILDING_REFRESH_SECONDS);
        }
        ctx.render("incidents/list", model);
    }

    void show(Context ctx) {
        Shown shown = visiblePage(ctx, ctx.pathParam("id"));
        Incident incident = shown.incident();
        Map<String, Object> model = new LinkedHashMap<>(IncidentRendering.showModel(incident));
        model.put("timelinePage", shown.timeline().model());
        Map<IncidentPageExtension.Slot, List<IncidentPageExtension.Contribution>> slots =
                new java.util.EnumMap<>(IncidentPageExtension.Slot.class);
        for (IncidentPageExtension.Slot slot : IncidentPageExtension.Slot.values()) {
            slots.put(slot, new ArrayList<>());
        }
        for (IncidentPageExtension extension : extensions) {
            try {
                extension.contribute(incident, ctx).forEach(c -> slots.get(c.slot()).add(c));
            } catch (RuntimeException e) {
                // one feature's trouble must not take the incident page down
                log.warn("incident page extension {} failed for {}: {}", extension.getClass().getName(), incident.header().id(), e.toString());
            }
        }
        model.put("badges", slots.get(IncidentPageExtension.Slot.BADGE));
        model.put("actions", slots.get(IncidentPageExtension.Slot.ACTION));
        model.put("related", slots.get(IncidentPageExtension.Slot.RELATED));
        ctx.render("incidents/show", model);
    }

    /** What the extensions add to {@code incident}'s JSON, in registration order; one that fails adds nothing. */
    Map<String, Object> apiFields(Incident incident, Context ctx) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (IncidentPageExtension extension : extensions) {
            try {
                extension.apiFields(incident, ctx).forEach(fields::putIfAbsent);
            } catch (RuntimeException e) {
                log.warn("incident API extension {} failed for {}: {}", extension.getClass().getName(), incident.header().id(), e.toString());
            }
        }
        return fields;
    }

    /** An incident with the page of its timeline the request asks for ({@link TimelinePage#PARAM}). */
    record Shown(Incident incident, TimelinePage timeline) {
    }

    /** Like {@link #visible}, with only the timeline page the request names (the first by default). */
    Shown visiblePage(Context ctx, String id) {
        Incidents.Paged paged = incidents.loadPage(id, ctx.queryParam(TimelinePage.PARAM), TimelinePage.SIZE)
                .filter(p -> Access.canEdit(ctx) || p.incident().header().visibleToReaders())
                .orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
        return new Shown(paged.incident(), paged.timeline());
    }

    /** The incident if this request may see it; drafts and unlisted incidents only for editors. */
    Incident visible(Context ctx, String id) {
        return incidents.visible(id, Access.canEdit(ctx))
                .orElseThrow(() -> new NotFoundResponse("There is no incident '" + id + "'."));
    }

    /**
     * Known sections in the format's display order; a free-text section stays right after the known
     * section it followed in the file.
     */
    static List<SectionRow> displayOrder(List<SectionRow> sections) {
        record Keyed(SectionRow row, int group, int index) {
        }
        List<Keyed> keyed = new ArrayList<>();
        int group = -1;
        for (int i = 0; i < sections.size(); i++) {
            SectionRow s = sections.get(i);
            if (s.kind() != null) {
                group = SectionKind.forKey(s.kind()).map(Enum::ordinal).orElse(group);
            }
            keyed.add(new Keyed(s, group, i));
        }
        keyed.sort(Comparator.comparingInt((Keyed k) -> k.group)
                .thenComparing(k -> k.row.kind() == null ? 1 : 0)
                .thenComparingInt(k -> k.index));
        return keyed.stream().map(Keyed::row).toList();
    }
}
