package kb.incidents;

import org.jdbi.v3.core.Handle;
import kb.incidents.Insights.Count;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts beside the incident list's filters, kept in the tables of migration V54 ({@code list_count_rows},
 * {@code list_counts}) equal to a count from scratch over published, listed incidents: how many carry each
 * severity, start year, service, tag, category and checklist item. They follow the change log like every
 * {@link DerivedTables}: a write updates them in its own transaction, a read catches up with any other write.
 * ("Has a verified reproduction" depends on sandbox runs, not on incident writes: {@link Insights} counts it apart.)
 */
final class ListCounts extends DerivedTables {

    /** The kinds of label counted, in {@code list_counts.kind}. */
    static final List<String> KINDS = List.of("severity", "year", "service", "tag", "category", "checklist");

    /** Whether the incident whose id is {@code %1$s} is counted: published and listed. */
    private static final String VISIBLE_BY_ID = " EXISTS (SELECT 1 FROM incidents v WHERE v.id = %1$s AND v.listed = TRUE"
            + " AND v.status = 'published')";

    private final Jdbi jdbi;

    ListCounts(Jdbi jdbi) {
        super(jdbi, "list_count_state");
        this.jdbi = jdbi;
    }

    /**
     * Incidents counted per statement of a rebuild: their rows are sorted in memory (about ten each, under H2's
     * in-memory result limit) and inserted in key order.
     */
    private static final int REBUILD_SLICE = 2_000;

    /**
     * The rows each counted incident contributes; {@code filter} narrows the incidents, with {@code %1$s} where the
     * incident id column goes (" AND %1$s IN (&lt;ids&gt;)"). Every part is read by the key of its own table and
     * tells a counted incident by looking it up by id: given {@code listed} and {@code status} directly, H2 walked
     * every listed incident through the list's indexes (which begin with those columns) for each slice of a rebuild.
     */
    private static String derive(String filter) {
        String incident = (" WHERE" + VISIBLE_BY_ID + filter).formatted("i.id");
        String labels = "SELECT l.incident_id, '%s', l.%s FROM %s l"
                + (" WHERE" + VISIBLE_BY_ID + filter).formatted("l.incident_id").replace("%", "%%");
        return "SELECT i.id, 'severity', i.severity FROM incidents i" + incident
                + " UNION ALL SELECT i.id, 'year', CAST(i.started_year AS VARCHAR(11)) FROM incidents i" + incident
                + " UNION ALL " + labels.formatted("service", "name", "incident_services")
                + " UNION ALL " + labels.formatted("tag", "name", "incident_tags")
                + " UNION ALL " + labels.formatted("category", "name", "incident_categories")
                + " UNION ALL " + labels.formatted("checklist", "checklist_id", "incident_checklist");
    }

    /**
     * Everything from scratch, a slice of incidents at a time in id order, each slice's rows sorted by the table's
     * key: the rows go in in key order, so each index page is written once. Inserted kind by kind instead (one pass
     * over every incident per kind), each row landed on a page far from the last one, and on H2 at 100,000
     * incidents the pages no longer fit its cache: the first build after V54 took 41 s there, most of it re-reading
     * index pages from disk to check the key is unique. The totals are then one grouping of the rows.
     */
    @Override
    protected List<String> tables() {
        return List.of("list_count_rows", "list_counts");
    }

    @Override
    protected void rebuild(Handle h) {
        List<String> ids = h.createQuery("SELECT id FROM incidents ORDER BY id").mapTo(String.class).list();
        String slice = "INSERT INTO list_count_rows (incident_id, kind, name) "
                + derive(" AND %1$s >= :first AND %1$s <= :last") + " ORDER BY 1, 2, 3";
        for (int from = 0; from < ids.size(); from += REBUILD_SLICE) {
            h.createUpdate(slice).bind("first", ids.get(from))
                    .bind("last", ids.get(Math.min(ids.size(), from + REBUILD_SLICE) - 1)).execute();
        }
        h.execute("INSERT INTO list_counts (kind, name, n) SELECT kind, name, COUNT(*) FROM list_count_rows GROUP BY kind, name");
    }

    @Override
    protected void replace(Handle h, List<String> ids) {
        Map<List<Object>, Long> deltas = deltas();
        count(h, ids, -1, deltas);
        h.createUpdate("DELETE FROM list_count_rows WHERE incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("INSERT INTO list_count_rows (incident_id, kind, name) " + derive(" AND %1$s IN (<ids>)"))
                .bindList("ids", ids).execute();
        count(h, ids, 1, deltas);
        moveTotals(h, "list_counts", List.of("kind", "name"), deltas);
    }

    private static void count(Handle h, List<String> ids, int sign, Map<List<Object>, Long> deltas) {
        h.createQuery("SELECT kind, name, COUNT(*) FROM list_count_rows WHERE incident_id IN (<ids>) GROUP BY kind, name")
                .bindList("ids", ids)
                .map((rs, c) -> deltas.merge(List.of(rs.getString(1), rs.getString(2)), sign * rs.getLong(3), Long::sum))
                .list();
    }

    /**
     * Each kind of {@link #KINDS} with its labels, most frequent first (then by name); years newest first,
     * severities in their order (P0 first). Reads
     * the tables as they are: call {@link #sync} first.
     */
    Map<String, List<Count>> read() {
        Map<String, List<Count>> byKind = new LinkedHashMap<>();
        KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
        jdbi.useHandle(h -> h.createQuery("SELECT kind, name, n FROM list_counts")
                .map((rs, c) -> byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Count(rs.getString(2), (int) rs.getLong(3))))
                .list());
        return byKind.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().sorted(order(e.getKey())).toList(), (a, b) -> a, LinkedHashMap::new));
    }

    private static Comparator<Count> order(String kind) {
        return switch (kind) {
            case "year" -> Comparator.comparing((Count c) -> Integer.parseInt(c.name())).reversed();
            case "severity" -> Comparator.comparing(Count::name);
            default -> Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name);
        };
    }
}
