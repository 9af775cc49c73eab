package kb.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The rows an incident page reads, mapped by column name. Jdbi's constructor mapper matches the result's columns to
 * the record's parameters again for every statement (and an incident page runs eight), which was about a fifth of a
 * first view's CPU; these read each column as that mapper would (an absent number as 0 for {@code int}, null for
 * {@code Long}; dates and instants through {@code getObject}), so the records are equal. Public only because Jdbi
 * makes the mappers named in {@code @RegisterRowMapper} by reflection; no other package uses them.
 */
public final class RowMappers {

    private RowMappers() {
    }

    public static final class Header implements RowMapper<IncidentHeader> {
        @Override
        public IncidentHeader map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IncidentHeader(rs.getString("id"), rs.getString("title"), rs.getString("severity"),
                    rs.getString("status"), rs.getString("started"), rs.getString("detected"), rs.getString("mitigated"),
                    rs.getString("resolved"), rs.getObject("started_at", OffsetDateTime.class), rs.getInt("started_year"),
                    nullableLong(rs, "ttd_seconds"), nullableLong(rs, "ttm_seconds"), nullableLong(rs, "ttr_seconds"),
                    rs.getString("lang"), rs.getString("source_url"), rs.getInt("current_revision"),
                    rs.getString("content_path"), rs.getString("content_hash"), rs.getBoolean("listed"),
                    rs.getBoolean("edited_in_app"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("updated_at", OffsetDateTime.class));
        }
    }

    public static final class Section implements RowMapper<SectionRow> {
        @Override
        public SectionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new SectionRow(rs.getInt("position"), rs.getString("kind"), rs.getString("heading"),
                    rs.getString("markdown"), rs.getString("html"));
        }
    }

    public static final class Timeline implements RowMapper<TimelineRow> {
        @Override
        public TimelineRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TimelineRow(rs.getInt("position"), rs.getString("at_time"), rs.getString("kind"),
                    rs.getString("text"), rs.getString("html"));
        }
    }

    public static final class Action implements RowMapper<ActionRow> {
        @Override
        public ActionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ActionRow(rs.getInt("position"), rs.getBoolean("done"), rs.getString("text"), rs.getString("html"),
                    rs.getString("owner"), rs.getObject("due", LocalDate.class), rs.getString("type"));
        }
    }

    public static final class CodeBlock implements RowMapper<CodeBlockRow> {
        @Override
        public CodeBlockRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CodeBlockRow(rs.getLong("id"), rs.getString("incident_id"), rs.getInt("position"),
                    rs.getString("language"), rs.getString("info"), rs.getBoolean("runnable"), rs.getString("role"),
                    rs.getString("code"), rs.getString("expected_output"), rs.getString("section_kind"),
                    rs.getInt("line"));
        }
    }

    public static final class Checklist implements RowMapper<ChecklistLink> {
        @Override
        public ChecklistLink map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ChecklistLink(rs.getString("id"), rs.getString("title"), rs.getString("severity"),
                    rs.getString("area"));
        }
    }

    public static final class Label implements RowMapper<IncidentDao.Label> {
        @Override
        public IncidentDao.Label map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IncidentDao.Label(rs.getString("kind"), rs.getString("name"));
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
