package kb.checklist;

import kb.format.ChecklistItem;
import org.jdbi.v3.core.Jdbi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checklist feature's public door: the stored defensive-coding items, in the words other features
 * use (ids a postmortem may cite, an item's title and severity, the incidents behind it). Its DAO, rows
 * and pages stay inside the package.
 */
public final class Checklist {

    /** What saving one item did. */
    public enum Saved { ADDED, UPDATED, UNCHANGED }

    /** An item's header; {@code severity} is its label ({@code blocker}, {@code warning}, {@code advice}). */
    public record Item(String id, String title, String area, String severity) {
    }

    /** A listed, published incident that cites an item. */
    public record IncidentRef(String id, String title, String severity, String started) {
    }

    private final Jdbi jdbi;

    public Checklist(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The ids of every stored item, sorted; empty when no checklist was imported. */
    public Set<String> ids() {
        return new TreeSet<>(jdbi.withExtension(ChecklistDao.class, ChecklistDao::ids));
    }

    /** The item {@code id}, or empty when there is none. */
    public Optional<Item> item(String id) {
        return jdbi.withExtension(ChecklistDao.class, dao -> dao.find(id))
                .map(r -> new Item(r.id(), r.title(), r.area(), r.severity()));
    }

    /** The item's Markdown body (its sections, without front matter), or empty when there is no such item. */
    public Optional<String> body(String id) {
        return jdbi.withExtension(ChecklistDao.class, dao -> dao.find(id)).map(r -> r.body());
    }

    /** The listed, published incidents citing {@code id}, newest first; empty for an unknown id. */
    public java.util.List<IncidentRef> incidents(String id) {
        return jdbi.withExtension(ChecklistDao.class, dao -> dao.incidents(id));
    }

    /** How many items are stored (for {@code /health} and the start-up line). */
    public int count() {
        return jdbi.withExtension(ChecklistDao.class, ChecklistDao::count);
    }

    /** Each item's exact file text by id, sorted by id (what {@code export} writes). */
    public Map<String, String> sources() {
        Map<String, String> m = new TreeMap<>();
        jdbi.withExtension(ChecklistDao.class, ChecklistDao::all).forEach(r -> m.put(r.id(), r.source()));
        return m;
    }

    /** Stores {@code item}: added, updated when its text changed, else unchanged. */
    public Saved save(ChecklistItem item) {
        return new ChecklistStore(jdbi).save(item);
    }
}
