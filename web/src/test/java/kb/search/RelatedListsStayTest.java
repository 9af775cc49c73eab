package kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import kb.TestApp;
import kb.system.Web;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The related list of every fixture incident (ids in order, each with its reasons) as recorded in
 * {@code web/src/test/resources/search/related-lists.txt}. Changes made to find related incidents faster (how
 * candidates are gathered, how their labels are read) must not change what a reader is shown; a change meant to
 * change the lists records them again with {@code -Dkb.related.record=true} and says why in its commit.
 */
class RelatedListsStayTest {

    private static final Path RECORDED = Path.of("web/src/test/resources/search/related-lists.txt");

    static TestApp app;

    @BeforeAll
    static void start() {
        app = SearchApps.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void every_fixture_incident_keeps_its_recorded_related_list() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# incident -> related incident [reasons], best first; written by RelatedListsStayTest");
        JsonNode list = Web.objectMapper().readTree(app.get("/api/incidents?size=100").body());
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asText()));
        ids.sort(String::compareTo);
        for (String id : ids) {
            var r = app.get("/api/incidents/" + id + "/related");
            assertEquals(200, r.statusCode(), r.body());
            StringBuilder line = new StringBuilder(id).append(" ->");
            for (JsonNode rel : Web.objectMapper().readTree(r.body()).get("related")) {
                List<String> reasons = new ArrayList<>();
                rel.get("reasons").forEach(x -> reasons.add(x.asText()));
                line.append(' ').append(rel.get("id").asText()).append(" [").append(String.join(", ", reasons)).append(']');
            }
            lines.add(line.toString());
        }
        String now = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("kb.related.record")) {
            Files.writeString(RECORDED, now);
        }
        assertEquals(Files.readString(RECORDED), now);
    }
}
