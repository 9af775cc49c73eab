package kb.authoring;

import kb.checklist.Checklist;
import kb.incidents.Incidents;

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

    private final Incidents incidents;
    private final Checklist checklist;

    Exporter(Incidents incidents, Checklist checklist) {
        this.incidents = incidents;
        this.checklist = checklist;
    }

    /**
     * Relative path to text, sorted by path. Unlisted incidents (their bundled file was removed) are left
     * out; drafts only when {@code includeDrafts}.
     */
    Map<String, String> files(boolean includeDrafts) {
        Map<String, String> files = new TreeMap<>();
        incidents.currentSources(includeDrafts).forEach((id, text) -> files.put("incidents/" + id + ".md", text));
        checklist.sources().forEach((id, text) -> files.put("checklist/" + id + ".md", text));
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
        return incidents.source(id, number).orElse(null);
    }
}
