package kb.checklist;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The defensive-coding checklist and its links back to incidents. */
@RegisterConstructorMapper(ChecklistRow.class)
@RegisterConstructorMapper(ChecklistDao.Summary.class)
@RegisterConstructorMapper(Checklist.IncidentRef.class)
interface ChecklistDao {

    /** An item with the number of listed, published incidents that link to it. */
    record Summary(String id, String title, String area, String severity, int incidentCount) {
    }

    @SqlQuery("SELECT * FROM checklist_items WHERE id = :id")
    Optional<ChecklistRow> find(@Bind("id") String id);

    @SqlQuery("SELECT id FROM checklist_items")
    List<String> ids();

    @SqlQuery("""
            SELECT c.id, c.title, c.area, c.severity,
                   (SELECT COUNT(*) FROM incident_checklist l JOIN incidents i ON i.id = l.incident_id
                    WHERE l.checklist_id = c.id AND i.listed = TRUE AND i.status = 'published') AS incident_count
            FROM checklist_items c ORDER BY c.area, c.id""")
    List<Summary> summaries();

    @SqlQuery("SELECT * FROM checklist_items ORDER BY id")
    List<ChecklistRow> all();

    @SqlQuery("""
            SELECT i.id, i.title, i.severity, i.started FROM incident_checklist l JOIN incidents i ON i.id = l.incident_id
            WHERE l.checklist_id = :id AND i.listed = TRUE AND i.status = 'published'
            ORDER BY i.started_at DESC""")
    List<Checklist.IncidentRef> incidents(@Bind("id") String id);

    @SqlUpdate("""
            INSERT INTO checklist_items (id, title, area, severity, languages, body, source, content_hash, updated_at)
            VALUES (:id, :title, :area, :severity, :languages, :body, :source, :contentHash, :updatedAt)""")
    void insert(@Bind("id") String id, @Bind("title") String title, @Bind("area") String area,
                @Bind("severity") String severity, @Bind("languages") String languages, @Bind("body") String body,
                @Bind("source") String source, @Bind("contentHash") String contentHash,
                @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlUpdate("""
            UPDATE checklist_items SET title = :title, area = :area, severity = :severity, languages = :languages,
                body = :body, source = :source, content_hash = :contentHash, updated_at = :updatedAt WHERE id = :id""")
    void update(@Bind("id") String id, @Bind("title") String title, @Bind("area") String area,
                @Bind("severity") String severity, @Bind("languages") String languages, @Bind("body") String body,
                @Bind("source") String source, @Bind("contentHash") String contentHash,
                @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlQuery("SELECT COUNT(*) FROM checklist_items")
    int count();
}
