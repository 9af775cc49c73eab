package kb.incidents;

import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summed rows ({@code n} per key of a few columns) moved by deltas rather than counted again: what a
 * {@link DerivedTables} subclass does with the difference one incident's change makes, through
 * {@link DerivedTables#deltas} and {@link DerivedTables#moveTotals}.
 */
final class Totals {

    private Totals() {
    }

    /** An empty map of deltas by key (a list of column values), in key order: see {@link #move}. */
    static Map<List<Object>, Long> deltas() {
        return new TreeMap<>(Totals::compare);
    }

    /**
     * Moves each row of {@code table} named by a key (values of {@code columns}) by its delta, inserting missing rows
     * and deleting emptied ones; in key order, so no two updaters deadlock. The caller holds the state row lock, so no
     * other updater inserts the same key meanwhile.
     */
    static void move(Handle h, String table, List<String> columns, Map<List<Object>, Long> deltas) {
        StringBuilder where = new StringBuilder();
        for (String c : columns) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(c).append(" = :").append(c);
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", n) VALUES (:"
                + String.join(", :", columns) + ", :d)";
        boolean emptied = false;
        for (Map.Entry<List<Object>, Long> e : deltas.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            Map<String, Object> binds = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                binds.put(columns.get(i), e.getKey().get(i));
            }
            int rows = h.createUpdate("UPDATE " + table + " SET n = n + :d" + where).bindMap(binds).bind("d", e.getValue()).execute();
            if (rows == 0) {
                h.createUpdate(insert).bindMap(binds).bind("d", e.getValue()).execute();
            }
            emptied |= e.getValue() < 0;
        }
        if (emptied) {
            h.execute("DELETE FROM " + table + " WHERE n <= 0");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
