package kb.checklist;

import kb.format.ChecklistItem;
import kb.system.ContentHash;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Stores checklist items read from {@code content/checklist}. */
final class ChecklistStore {

    private final Jdbi jdbi;

    ChecklistStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Checklist.Saved save(ChecklistItem item) {
        String hash = ContentHash.sha256(item.source());
        String languages = String.join(",", item.languages());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbi.inTransaction(h -> {
            ChecklistDao dao = h.attach(ChecklistDao.class);
            var existing = dao.find(item.id());
            if (existing.isEmpty()) {
                dao.insert(item.id(), item.title(), item.area(), item.severity().label(), languages, item.body(),
                        item.source(), hash, now);
                return Checklist.Saved.ADDED;
            }
            if (existing.get().contentHash().equals(hash)) {
                return Checklist.Saved.UNCHANGED;
            }
            dao.update(item.id(), item.title(), item.area(), item.severity().label(), languages, item.body(),
                    item.source(), hash, now);
            return Checklist.Saved.UPDATED;
        });
    }
}
