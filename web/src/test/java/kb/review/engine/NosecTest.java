package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/** A gosec #nosec comment naming a rule that imports.yaml maps onto the finding's item marks the finding. */
class NosecTest {

    private static Finding serverFinding(String comment) throws Exception {
        String diff = """
                diff --git a/cmd/serve.go b/cmd/serve.go
                new file mode 100644
                --- /dev/null
                +++ b/cmd/serve.go
                @@ -0,0 +1,8 @@
                +package cmd
                +
                +import "net/http"
                +
                +func Serve(h http.Handler) error {
                +	srv := &http.Server{Addr: ":8080", Handler: h} COMMENT
                +	return srv.ListenAndServe()
                +}
                """.replace("COMMENT", comment);
        List<SourceFile> files = DiffParser.parse(diff).stream().map(SourceFile::fromDiff).toList();
        Review r = TestRules.reviewer().review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED);
        List<Finding> tmo = r.findings().stream().filter(f -> f.item().equals("TMO-01") && f.line() == 6).toList();
        assertEquals(1, tmo.size(), r.findings().toString());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals(Suppressions.NO_REASON_RULE)),
                "another tool's convention is not asked for a kb:ignore reason");
        return tmo.get(0);
    }

    @Test
    void a_nosec_naming_the_mapped_gosec_rule_marks_the_finding_with_its_reason() throws Exception {
        Finding f = serverFinding("// #nosec G112 -- the load balancer enforces header timeouts");
        assertTrue(f.suppressed());
        assertEquals("#nosec G112 (gosec): the load balancer enforces header timeouts", f.suppression().reason());
        assertTrue(serverFinding("// #nosec G104,G112").suppressed());
    }

    @Test
    void a_bare_nosec_or_one_naming_an_unmapped_rule_leaves_the_finding_active() throws Exception {
        assertFalse(serverFinding("// #nosec").suppressed());
        assertFalse(serverFinding("// #nosec G104").suppressed());
        assertFalse(serverFinding("").suppressed());
    }
}
