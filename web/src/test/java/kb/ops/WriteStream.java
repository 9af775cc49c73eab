package kb.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that create postmortems through the API and edit each twice (If-Match), remembering every
 * write the server acknowledged (201/200) and every answer that was neither that nor a refused
 * connection. Acknowledged revisions carry a marker in their summary so a check can tell them apart.
 */
final class WriteStream {

    private final ServerProcess server;
    private final ServerProcess.Session session;
    private final String prefix;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    /** incident id -> the highest revision the server acknowledged. */
    final Map<String, Integer> acked = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedWrites = new AtomicInteger();
    /** Answers other than 2xx: status and body. A refused or reset connection is not an answer. */
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger unavailable = new AtomicInteger();

    WriteStream(ServerProcess server, ServerProcess.Session session, String prefix) {
        this.server = server;
        this.session = session;
        this.prefix = prefix;
    }

    WriteStream start(int writers) {
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> write(writer), "writer-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    /** Waits until at least {@code n} writes were acknowledged (or 60 s passed). */
    WriteStream awaitAcknowledged(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledgedWrites.get() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return this;
    }

    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    private void write(int writer) {
        for (int n = 0; !stop.get(); n++) {
            String id = prefix + "-w" + writer + "-" + n;
            try {
                if (!save(id, 1, null)) {
                    continue;
                }
                for (int rev = 2; rev <= 3 && !stop.get(); rev++) {
                    if (!save(id, rev, rev - 1)) {
                        break;
                    }
                }
            } catch (IOException serverGone) {
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean save(String id, int rev, Integer basedOn) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/incidents" + (basedOn == null ? "" : "/" + id)))
                .header("Content-Type", "text/markdown");
        String body = markdown(id, rev);
        if (basedOn == null) {
            b.POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.header("If-Match", basedOn.toString()).PUT(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = server.send(b, session);
        if (r.statusCode() == (basedOn == null ? 201 : 200)) {
            acked.merge(id, rev, Math::max);
            acknowledgedWrites.incrementAndGet();
            return true;
        }
        if (r.statusCode() == 503) {
            unavailable.incrementAndGet(); // refused while stopping: not acknowledged, safe to retry
        } else {
            failures.add(r.statusCode() + " " + r.body());
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String marker(String id, int rev) {
        return "durability marker " + id + " revision " + rev;
    }

    static String markdown(String id, int rev) {
        return "---\nid: " + id + "\ntitle: Durability probe " + id + "\nseverity: P3\nstarted: 2024-01-01T10:00:00Z\n"
                + "resolved: 2024-01-01T11:00:00Z\nservices: [probe]\ntags: [go]\ncategories: [timeout]\nchecklist: [TMO-01]\n---\n"
                + "## Summary\n\n" + marker(id, rev) + ".\n\n## Timeline\n\n- 10:00 [trigger] Probe starts\n"
                + "- 11:00 [resolve] Probe ends\n\n## Root cause\n\nA test writes this to check that it survives a crash.\n";
    }

    /**
     * Every acknowledged write, read back: the incident exists, its revision is at least the
     * acknowledged one, and its summary carries the marker of its current revision. Returns the problems.
     */
    static List<String> missing(ServerProcess server, ServerProcess.Session session, Map<String, Integer> acked)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (var e : acked.entrySet()) {
            JsonNode incident = server.json("/api/incidents/" + e.getKey(), session);
            if (incident == null) {
                problems.add(e.getKey() + ": gone (acknowledged revision " + e.getValue() + ")");
                continue;
            }
            int revision = incident.path("revision").asInt();
            String summary = incident.path("sections").toString();
            if (revision < e.getValue()) {
                problems.add(e.getKey() + ": at revision " + revision + ", acknowledged " + e.getValue());
            } else if (!summary.contains(marker(e.getKey(), revision))) {
                problems.add(e.getKey() + ": revision " + revision + " does not carry its own text");
            }
        }
        return problems;
    }
}
