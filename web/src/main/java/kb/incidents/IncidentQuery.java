package kb.incidents;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The filtered, sorted, paginated incident list; SQL is built at run time from the filter. */
final class IncidentQuery {

    /** One list row: the header and its services. */
    public record Summary(IncidentHeader incident, List<String> services) {
    }

    /** One page of results; {@code total} counts all matches. */
    public record Page(List<Summary> items, int total, int page, int size) {
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** Incident {@code i} has runnable reproductions and each has a passing run on record. */
    static final String VERIFIED = "EXISTS (SELECT 1 FROM code_blocks b WHERE b.incident_id = i.id AND b.runnable = TRUE)"
            + " AND NOT EXISTS (SELECT 1 FROM code_blocks b WHERE b.incident_id = i.id AND b.runnable = TRUE"
            + " AND NOT EXISTS (SELECT 1 FROM run_results r WHERE r.code_block_id = b.id AND r.passed = TRUE))";

    private final Jdbi jdbi;

    public IncidentQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Page find(IncidentFilter f, boolean includeDrafts) {
        StringBuilder where = new StringBuilder(" WHERE i.listed = TRUE");
        Map<String, Object> binds = new HashMap<>();
        if (!includeDrafts) {
            where.append(" AND i.status = 'published'");
        }
        in(where, binds, "i.severity", "severity", f.severities());
        if (f.year() != null) {
            where.append(" AND i.started_year = :year");
            binds.put("year", f.year());
        }
        label(where, binds, "incident_services", "service", f.services());
        label(where, binds, "incident_tags", "tag", f.tags());
        label(where, binds, "incident_categories", "category", f.categories());
        if (f.item() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM incident_checklist c WHERE c.incident_id = i.id AND c.checklist_id = :item)");
            binds.put("item", f.item());
        }
        if (f.verified()) {
            // every runnable block has a passing run on record (the sandbox caches only results that depend on the code)
            where.append(" AND ").append(VERIFIED);
        }
        // columns the filter fixes go first (the rows and their order stay the same), so the ORDER BY matches the
        // V53 indexes and a page is a walk that stops after it, on H2 too (which sorts with an index only when its
        // columns begin the ORDER BY)
        String fixed = " ORDER BY i.listed, " + (includeDrafts ? "" : "i.status, ");
        String order = "severity".equals(f.sort())
                ? fixed + "i.severity ASC, i.started_at DESC, i.id"
                : fixed + (!includeDrafts && f.severities().size() == 1 ? "i.severity, " : "") + "i.started_at DESC, i.id";
        return jdbi.withHandle(h -> {
            h.registerRowMapper(ConstructorMapper.factory(IncidentHeader.class));
            Query count = h.createQuery("SELECT COUNT(*) FROM incidents i" + where);
            binds.forEach(count::bind);
            int total = count.mapTo(Integer.class).one();
            Query q = h.createQuery("SELECT i.* FROM incidents i" + where + order + " LIMIT :limit OFFSET :offset");
            binds.forEach(q::bind);
            List<IncidentHeader> rows = q.bind("limit", f.size()).bind("offset", (f.page() - 1) * f.size())
                    .mapTo(IncidentHeader.class).list();
            IncidentDao dao = h.attach(IncidentDao.class);
            List<Summary> items = new ArrayList<>();
            for (IncidentHeader r : rows) {
                items.add(new Summary(r, dao.names("incident_services", r.id())));
            }
            return new Page(items, total, f.page(), f.size());
        });
    }

    /** Any of {@code values} of one label kind matches (OR); no values, no condition. */
    private static void label(StringBuilder where, Map<String, Object> binds, String table, String param, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM ").append(table).append(" l WHERE l.incident_id = i.id AND ");
            in(where, binds, "l.name", param, values);
            where.append(")");
        }
    }

    /** {@code column IN (:param0, :param1, ...)}, prefixed with AND when it follows another condition. */
    private static void in(StringBuilder where, Map<String, Object> binds, String column, String param, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (!where.toString().endsWith("AND ")) {
            where.append(" AND ");
        }
        where.append(column).append(" IN (");
        for (int n = 0; n < values.size(); n++) {
            where.append(n == 0 ? ":" : ", :").append(param).append(n);
            binds.put(param + n, values.get(n));
        }
        where.append(")");
    }
}
