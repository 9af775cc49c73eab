package kb.sandbox;

import kb.App;
import kb.TestApp;
import kb.incidents.Incident;
import kb.incidents.IncidentHeader;
import kb.incidents.Incidents;
import kb.system.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every reproduction shipped in content/ still reproduces: each block runs in the real sandbox and prints
 * exactly its {@code // Output:} block, and each before/after pair prints different things.
 */
class BundledReproductionsTest {

    static App.Services services;

    @BeforeAll
    static void load() {
        services = App.Services.open(kb.TestApp.config("repro" + System.nanoTime(), TestApp.CONTENT, Map.of()));
        services.incidents().importContent(TestApp.CONTENT);
    }

    @AfterAll
    static void close() {
        services.db().close();
    }

    @TestFactory
    List<DynamicTest> every_bundled_pair_reproduces_the_bug_and_the_fix() {
        Incidents incidents = new Incidents(services.db().jdbi());
        List<DynamicTest> tests = new ArrayList<>();
        for (IncidentHeader row : incidents.all()) {
            Incident incident = incidents.load(row.id()).orElseThrow();
            for (Incident.RunPair pair : incident.runPairs("reproduction")) {
                tests.add(DynamicTest.dynamicTest(row.id() + " line " + (pair.before() != null ? pair.before().line() : pair.after().line()), () -> {
                    String before = pair.before() == null ? null : runPassing(row.id(), pair.before());
                    String after = pair.after() == null ? null : runPassing(row.id(), pair.after());
                    if (before != null && after != null) {
                        assertNotEquals(before, after, "the before and after blocks print the same thing");
                    }
                }));
            }
        }
        return tests;
    }

    private static String runPassing(String incident, kb.incidents.Parts.CodeBlockRow block) {
        RunResult r = TestSandbox.shared().run(RunRequest.bundled(block.code(), block.expectedOutput()));
        assertEquals(RunStatus.OK, r.status(), () -> incident + " line " + block.line() + ": " + r.message() + "\n" + r.stderr());
        assertEquals(block.expectedOutput(), r.stdout(), () -> incident + " line " + block.line() + " printed something else:\n"
                + r.verdict().diff());
        return r.stdout();
    }
}
