package kb.incidents;

import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.Revision;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** Reads incidents and their parts. Writes go through {@link IncidentStore}, one transaction per revision. */
// the rows of an incident page by hand (RowMappers says why); a revision is read rarely
@RegisterRowMapper(RowMappers.Header.class)
@RegisterRowMapper(RowMappers.Section.class)
@RegisterRowMapper(RowMappers.Timeline.class)
@RegisterRowMapper(RowMappers.Action.class)
@RegisterRowMapper(RowMappers.CodeBlock.class)
@RegisterRowMapper(RowMappers.Checklist.class)
@RegisterRowMapper(RowMappers.Label.class)
@RegisterConstructorMapper(Revision.class)
interface IncidentDao {

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentHeader> find(@Bind("id") String id);

    @SqlQuery("SELECT * FROM incidents ORDER BY id")
    List<IncidentHeader> all();

    @SqlQuery("SELECT position, kind, heading, markdown, html FROM sections WHERE incident_id = :id ORDER BY position")
    List<SectionRow> sections(@Bind("id") String id);

    @SqlQuery("SELECT position, at_time, kind, text, html FROM timeline_entries WHERE incident_id = :id ORDER BY position")
    List<TimelineRow> timeline(@Bind("id") String id);

    @SqlQuery("SELECT position, at_time, kind, text, html FROM timeline_entries WHERE incident_id = :id ORDER BY position"
            + " LIMIT :limit OFFSET :offset")
    List<TimelineRow> timelineWindow(@Bind("id") String id, @Bind("offset") int offset, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM timeline_entries WHERE incident_id = :id")
    int timelineCount(@Bind("id") String id);

    @SqlQuery("SELECT position, done, text, html, owner, due, type FROM action_items WHERE incident_id = :id ORDER BY position")
    List<ActionRow> actionItems(@Bind("id") String id);

    @SqlQuery("SELECT * FROM code_blocks WHERE incident_id = :id ORDER BY position")
    List<CodeBlockRow> codeBlocks(@Bind("id") String id);

    @SqlQuery("SELECT * FROM code_blocks WHERE id = :id")
    Optional<CodeBlockRow> codeBlock(@Bind("id") long id);

    @SqlQuery("SELECT * FROM code_blocks WHERE runnable = TRUE ORDER BY incident_id, position")
    List<CodeBlockRow> runnableBlocks();

    /** One label of an incident: {@code kind} is service, tag, category or author. */
    record Label(String kind, String name) {
    }

    /** The labels of all four kinds in one statement, each kind in its written order. */
    @SqlQuery("""
            SELECT kind, name FROM (
              SELECT 'service' AS kind, name, position FROM incident_services WHERE incident_id = :id
              UNION ALL SELECT 'tag', name, position FROM incident_tags WHERE incident_id = :id
              UNION ALL SELECT 'category', name, position FROM incident_categories WHERE incident_id = :id
              UNION ALL SELECT 'author', name, position FROM incident_authors WHERE incident_id = :id
            ) l ORDER BY kind, position""")
    List<Label> labels(@Bind("id") String id);

    /** Names from one of the label tables ({@code incident_services}, {@code incident_tags}, ...). */
    @SqlQuery("SELECT name FROM <table> WHERE incident_id = :id ORDER BY position")
    List<String> names(@Define("table") String table, @Bind("id") String id);

    @SqlQuery("""
            SELECT l.checklist_id AS id, COALESCE(c.title, l.checklist_id) AS title,
                   COALESCE(c.severity, 'advice') AS severity, COALESCE(c.area, '') AS area
            FROM incident_checklist l LEFT JOIN checklist_items c ON c.id = l.checklist_id
            WHERE l.incident_id = :id ORDER BY l.position""")
    List<ChecklistLink> checklist(@Bind("id") String id);

    @SqlQuery("SELECT * FROM revisions WHERE incident_id = :id ORDER BY number DESC")
    List<Revision> revisions(@Bind("id") String id);

    @SqlQuery("SELECT * FROM revisions WHERE incident_id = :id AND number = :number")
    Optional<Revision> revision(@Bind("id") String id, @Bind("number") int number);

    @SqlQuery("SELECT COUNT(*) FROM incidents WHERE listed = TRUE AND status = 'published'")
    int countPublished();
}
