package kb.incidents;

import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * How another feature adds to an incident's page without reading its URL or writing HTML: the page
 * calls every registered extension with the incident it shows, in registration order, and renders each
 * contribution with the contribution's own template. Registered in {@code kb.App} through
 * {@code IncidentRoutes}; the editor's preview shows none.
 */
public interface IncidentPageExtension {

    /** Where on the page a contribution goes. */
    enum Slot {
        /** Next to the status in the header (e.g. "verified on Java 17"). */
        BADGE,
        /** A button under the header (e.g. Edit, History). */
        ACTION,
        /** A block after the article (e.g. related incidents). */
        RELATED
    }

    /**
     * One thing to show.
     *
     * @param template a Pebble template name (e.g. {@code sandbox/verified-badge}), rendered with {@code model}
     *                 as the variable {@code m}, next to the page's own variables
     */
    record Contribution(Slot slot, String template, Map<String, Object> model) {
    }

    /**
     * What this feature adds to {@code incident}'s page for this request (the caller's rights are in
     * {@code ctx}); empty for nothing. Must not fail the page: a problem should yield no contribution.
     */
    List<Contribution> contribute(Incident incident, Context ctx);

    /**
     * Fields this feature adds to the incident's JSON ({@code GET /api/incidents/{id}}) for this request, e.g. the
     * related incidents; none by default. A key the incident already has is ignored. Must not fail the answer.
     */
    default Map<String, Object> apiFields(Incident incident, Context ctx) {
        return Map.of();
    }
}
