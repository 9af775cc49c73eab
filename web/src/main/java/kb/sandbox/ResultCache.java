package kb.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kb.system.ContentHash;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Results of bundled reproductions keyed by sha256(source, expected output, runner version, JDK
 * version): the same block on the same runtime gives the same result, so it runs once. Only
 * {@link RunResult#cacheable()} results are kept. Also answers whether an incident is verified.
 */
final class ResultCache {

    /** All of an incident's reproductions passed on this runtime, at {@code at} (the latest of them). */
    record Verification(boolean verified, int passed, int total, OffsetDateTime at) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper json = kb.system.Web.objectMapper();

    ResultCache(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String key(String source, String expected, String runnerVersion) {
        return ContentHash.sha256(source + "\u0000" + (expected == null ? "" : expected) + "\u0000" + runnerVersion
                + "\u0000" + Runtime.version());
    }

    Optional<RunResult> find(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT body FROM run_results WHERE cache_key = :k").bind("k", key)
                .mapTo(String.class).findOne()).map(this::read);
    }

    void store(String key, long blockId, String incidentId, RunResult r) {
        if (!r.cacheable()) {
            return;
        }
        String body = write(r);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM run_results WHERE cache_key = :k").bind("k", key).execute();
            h.createUpdate("""
                    INSERT INTO run_results (cache_key, code_block_id, incident_id, status, passed, body, created_at)
                    VALUES (:k, :b, :i, :s, :p, :body, :t)""")
                    .bind("k", key).bind("b", blockId).bind("i", incidentId).bind("s", r.status().name())
                    .bind("p", r.passed()).bind("body", body).bind("t", OffsetDateTime.now(ZoneOffset.UTC)).execute();
        });
    }

    /** Whether every runnable block of the incident has a passing cached result under {@code keys}. */
    Verification verification(List<String> keys) {
        if (keys.isEmpty()) {
            return new Verification(false, 0, 0, null);
        }
        return jdbi.withHandle(h -> {
            var rows = h.createQuery("SELECT passed, created_at FROM run_results WHERE cache_key IN (<keys>)")
                    .bindList("keys", keys)
                    .map((rs, c) -> new Object[] {rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class)}).list();
            int passed = (int) rows.stream().filter(r -> (Boolean) r[0]).count();
            OffsetDateTime at = rows.stream().map(r -> (OffsetDateTime) r[1]).max(OffsetDateTime::compareTo).orElse(null);
            return new Verification(passed == keys.size(), passed, keys.size(), at);
        });
    }

    private String write(RunResult r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunResult read(String body) {
        try {
            return json.readValue(body, RunResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cached run result could not be read", e);
        }
    }
}
