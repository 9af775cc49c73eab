package kb.authoring;

import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.format.MarkdownFiles;
import kb.format.Problem;
import kb.incidents.Change;
import kb.incidents.IncidentHeader;
import kb.incidents.Incidents;
import kb.incidents.Parts.Revision;
import kb.incidents.StaleRevisionException;
import kb.checklist.Checklist;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authoring feature's public door, and its core: writing postmortems from the app and the API
 * (validation by the format plus the rules of the operation: a new id must be free, an edit must keep its
 * id, then one new revision) and exporting them as files. Only {@link #Authoring(Jdbi)}, {@link #update} and
 * {@link #exportFiles} are public ({@code update} for another feature's change, such as an action item's status);
 * other saves are for this package's editor and API, which never change the author's text on a failed save.
 */
public final class Authoring {

    /** The largest postmortem accepted, in UTF-8 bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    /** What a save did. */
    public sealed interface Result permits Saved, Invalid, Stale {
    }

    public record Saved(String id, int revision) implements Result {
    }

    /** The text was not saved; every problem has its line in the author's text. */
    public record Invalid(List<Problem> problems) implements Result {
    }

    /** Someone saved {@code current} after the revision the author started from. */
    public record Stale(int base, int current, String currentText) implements Result {
    }

    private final Incidents incidents;
    private final Exporter exporter;
    private final PostmortemParser parser = new PostmortemParser();

    public Authoring(Jdbi jdbi) {
        this.incidents = new Incidents(jdbi);
        this.exporter = new Exporter(incidents, new Checklist(jdbi));
    }

    /**
     * The knowledge base as files in the layout of {@code content/}: relative path ({@code incidents/ID.md},
     * {@code checklist/ID.md}) to exact text, sorted by path; drafts only when {@code includeDrafts}.
     */
    public Map<String, String> exportFiles(boolean includeDrafts) {
        return exporter.files(includeDrafts);
    }

    Exporter exporter() {
        return exporter;
    }

    Incidents incidents() {
        return incidents;
    }

    /**
     * Parses {@code text} as it would be saved. {@code expectedId} is the id of the incident being edited
     * ({@code null} for a new one, whose id must then be free).
     */
    Parsed<Postmortem> check(String text, String expectedId) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Parsed.failed(List.of(Problem.at(1, "the postmortem is larger than 1 MiB; split long logs or "
                    + "code into linked files")));
        }
        Parsed<Postmortem> parsed = parser.parse(normalize(text), incidents.knownChecklistIds());
        if (!parsed.valid()) {
            return parsed;
        }
        Postmortem p = parsed.value().orElseThrow();
        List<Problem> problems = new ArrayList<>();
        if (expectedId == null && "new".equals(p.id())) {
            problems.add(Problem.at(MarkdownFiles.idLine(text), "the id 'new' is reserved for the page that adds a postmortem"));
        } else if (expectedId == null && current(p.id()).isPresent()) {
            problems.add(Problem.at(MarkdownFiles.idLine(text), "an incident with the id '" + p.id() + "' already exists; "
                    + "choose another id, or edit that incident at /incidents/" + p.id() + "/edit"));
        } else if (expectedId != null && !expectedId.equals(p.id())) {
            problems.add(Problem.at(MarkdownFiles.idLine(text), "the id must stay '" + expectedId + "' (this page edits that "
                    + "incident); found '" + p.id() + "'"));
        }
        return problems.isEmpty() ? parsed : Parsed.failed(problems);
    }

    /** Saves a new incident (revision 1, origin {@code create}). */
    Result create(String text, String author) {
        Parsed<Postmortem> parsed = check(text, null);
        if (!parsed.valid()) {
            return new Invalid(parsed.problems());
        }
        Postmortem p = parsed.value().orElseThrow();
        try {
            // base 0: if someone created the same id a moment ago the store refuses instead of overwriting it
            return new Saved(p.id(), incidents.save(p, Change.edit(author, "create", 0)));
        } catch (StaleRevisionException e) {
            return new Invalid(List.of(Problem.at(MarkdownFiles.idLine(text), "an incident with the id '" + p.id()
                    + "' was just created by someone else; choose another id")));
        }
    }

    /**
     * Saves {@code text} as the next revision of {@code id}, provided {@code base} is still the current
     * revision ({@link Stale} otherwise). {@code origin} is {@code edit}, {@code restore}, or what another feature's
     * change is called in the history (e.g. {@code action}).
     */
    public Result update(String id, String text, int base, String author, String origin) {
        Parsed<Postmortem> parsed = check(text, id);
        if (!parsed.valid()) {
            return new Invalid(parsed.problems());
        }
        try {
            return new Saved(id, incidents.save(parsed.value().orElseThrow(), Change.edit(author, origin, base)));
        } catch (StaleRevisionException e) {
            return new Stale(base, e.current(), source(id, e.current()).orElse(""));
        }
    }

    /** Makes revision {@code number} the content again, as a new revision with origin {@code restore}. */
    Result restore(String id, int number, int base, String author) {
        String old = source(id, number).orElseThrow(() -> new io.javalin.http.NotFoundResponse(
                "Incident '" + id + "' has no revision " + number + "."));
        return update(id, old, base, author, "restore");
    }

    /** The header of incident {@code id}, or empty when there is none. */
    Optional<IncidentHeader> current(String id) {
        return incidents.header(id);
    }

    /** The exact Markdown of one revision, or empty. */
    Optional<String> source(String id, int number) {
        return incidents.source(id, number);
    }

    /** Every revision, newest first. */
    List<Revision> revisions(String id) {
        return incidents.revisions(id);
    }

    /**
     * The text as stored: browsers send every line break of a form field as CRLF, and files come
     * with or without a byte-order mark; stored revisions use LF and no mark (as imported files do).
     */
    static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }
}
