package kb.cli;

import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a training run does once it is ready: asks its own server for the pages people open first, so
 * the classes behind rendering them (templates, Markdown, JSON, the incident queries) land in the
 * class-data archive too, not only those of start-up.
 */
final class Training {

    private Training() {
    }

    static void visitPages(int port, Jdbi jdbi) {
        List<String> paths = new ArrayList<>(List.of("/", "/incidents", "/incidents?sort=severity", "/checklist",
                "/api/incidents", "/api/checklist", "/health", "/login", "/reviews", "/reviews/new", "/nowhere"));
        jdbi.useHandle(h -> {
            h.createQuery("SELECT id FROM incidents WHERE listed ORDER BY id").mapTo(String.class).findFirst()
                    .ifPresent(id -> paths.addAll(List.of("/incidents/" + id, "/api/incidents/" + id)));
            h.createQuery("SELECT id FROM checklist_items ORDER BY id").mapTo(String.class).findFirst()
                    .ifPresent(id -> paths.addAll(List.of("/checklist/" + id, "/api/checklist/" + id)));
        });
        for (String path : paths) {
            get(port, path);
        }
    }

    private static void get(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout(5_000);
            c.setReadTimeout(30_000);
            int status = c.getResponseCode();
            try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            // a page that fails only loads fewer classes into the archive; the archive is still good
            System.err.println("training: GET " + path + " failed: " + e.getMessage());
        }
    }
}
