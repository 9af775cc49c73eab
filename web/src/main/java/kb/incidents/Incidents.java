package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/** Loads whole incidents. Visibility (drafts, unlisted) is the caller's decision. */
public final class Incidents {

    private final Jdbi jdbi;

    public Incidents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The incident with all its parts, or empty when there is no incident with this id. */
    public Optional<Incident> load(String id) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.find(id).map(row -> new Incident(
                row,
                dao.sections(id),
                dao.timeline(id),
                dao.actionItems(id),
                dao.codeBlocks(id),
                dao.names("incident_services", id),
                dao.names("incident_tags", id),
                dao.names("incident_categories", id),
                dao.names("incident_authors", id),
                dao.checklist(id))));
    }

    public IncidentDao dao() {
        return jdbi.onDemand(IncidentDao.class);
    }
}
