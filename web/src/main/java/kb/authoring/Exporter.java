package kb.authoring;

import kb.checklist.ChecklistDao;
import kb.checklist.ChecklistRow;
import kb.incidents.IncidentDao;
import kb.incidents.IncidentRow;
import kb.incidents.Parts.RevisionRow;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The knowledge base as files in the layout of {@code content/}: {@code incidents/ID.md} holds the exact
 * Markdown of an incident's current revision (so importing it gives the same record), and
 * {@code checklist/ID.md} the exact file of a checklist item.
 */
final class Exporter {

    private final Jdbi jdbi;

    Exporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Relative path to text, sorted by path. Unlisted incidents (their bundled file was removed) are left
     * out; drafts only when {@code includeDrafts}.
     */
    Map<String, String> files(boolean includeDrafts) {
        Map<String, String> files = new TreeMap<>();
        jdbi.useExtension(IncidentDao.class, dao -> {
            for (IncidentRow r : dao.all()) {
                if (r.listed() && (includeDrafts || !r.draft())) {
                    dao.revision(r.id(), r.currentRevision())
                            .ifPresent(rev -> files.put("incidents/" + r.id() + ".md", rev.source()));
                }
            }
        });
        jdbi.useExtension(ChecklistDao.class, dao -> {
            for (ChecklistRow c : dao.all()) {
                files.put("checklist/" + c.id() + ".md", c.source());
            }
        });
        return files;
    }

    /** {@link #files} as a zip archive. */
    byte[] zip(boolean includeDrafts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var f : files(includeDrafts).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The exact Markdown of revision {@code number} of {@code id}, or {@code null}. */
    String revision(String id, int number) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.revision(id, number)).map(RevisionRow::source).orElse(null);
    }
}
