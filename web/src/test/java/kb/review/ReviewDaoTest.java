package kb.review;

import kb.review.engine.Review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Saved reviews on H2 and PostgreSQL: what is stored comes back the same, marks replace each other. */
class ReviewDaoTest {

    /** The leak of {@link ReviewDiffs#LEAK_NEW_FILE}, silenced with a reason. */
    static final String SUPPRESSED = """
            diff --git a/client/ping.go b/client/ping.go
            new file mode 100644
            --- /dev/null
            +++ b/client/ping.go
            @@ -0,0 +1,8 @@
            +package client
            +
            +import "net/http"
            +
            +func Ping(url string) int {
            +	resp, _ := http.Get(url) // kb:ignore RES-02 -- the caller closes the body
            +	return resp.StatusCode
            +}
            """;

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    /** What create returned is what a later load gives (the creation time to the database's precision). */
    private static void assertSameReview(SavedReviews.Loaded loaded, SavedReviews.Loaded created) {
        assertEquals(loaded.review(), created.review());
        assertEquals(loaded.findingRows(), created.findingRows());
        assertEquals(loaded.outcome(), created.outcome());
        assertEquals(loaded.marks(), created.marks());
        java.util.function.UnaryOperator<ReviewDao.ReviewRow> untimed = r -> new ReviewDao.ReviewRow(r.id(),
                r.repository(), r.prNumber(), r.title(), r.url(), r.diff(), r.mode(), r.verdict(),
                r.unmappedImports(), r.createdBy(), null);
        assertEquals(untimed.apply(loaded.row()), untimed.apply(created.row()));
        assertTrue(loaded.row().createdAt().isEqual(created.row().createdAt()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_file_too_deeply_nested_to_analyse_is_still_said_so_when_the_review_is_loaded(String kind)
            throws Exception {
        var services = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            SavedReviews reviews = new SavedReviews(services.db().jdbi(), TestApp.CONTENT);
            String deep = "\tx := " + "(".repeat(3000) + "1" + ")".repeat(3000);
            String diff = ReviewDiffs.LEAK_NEW_FILE + """
                    diff --git a/gen/deep.go b/gen/deep.go
                    new file mode 100644
                    --- /dev/null
                    +++ b/gen/deep.go
                    @@ -0,0 +1,5 @@
                    +package gen
                    +
                    +func f() {
                    +%s
                    +}
                    """.formatted(deep);
            SavedReviews.Loaded created = reviews.create(new SavedReviews.Draft(diff, "acme/api", 3, "deep", null),
                    "erin");
            SavedReviews.Loaded loaded = reviews.load(created.row().id()).orElseThrow();
            assertSameReview(loaded, created);
            assertEquals(List.of("gen/deep.go"), loaded.review().notAnalysed());
            assertTrue(loaded.review().files().get(0).analysed());
        } finally {
            services.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_saved_review_comes_back_with_its_findings_items_manual_checks_and_marks(String kind) throws Exception {
        var services = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            services.incidents().importContent(TestApp.CONTENT);
            SavedReviews reviews = new SavedReviews(services.db().jdbi(), TestApp.CONTENT);
            String diff = ReviewDiffs.LEAK_NEW_FILE + ReviewDiffs.GO_MOD + SUPPRESSED;
            SavedReviews.Loaded created = reviews.create(new SavedReviews.Draft(diff, "acme/api", 12, "Ü title <x>",
                    null), "erin");
            long id = created.row().id();
            long second = reviews.create(new SavedReviews.Draft(ReviewDiffs.GO_MOD, " ", null, "", ""), "erin")
                    .row().id();

            SavedReviews.Loaded r = reviews.load(id).orElseThrow();
            assertSameReview(r, created);
            assertEquals(diff, r.row().diff());
            assertEquals("Ü title <x>", r.row().title());
            assertEquals(12, r.row().prNumber());
            assertNull(r.row().url());
            assertEquals("diff", r.row().mode());
            assertEquals("erin", r.row().createdBy());
            assertEquals(List.of("client/fetch.go", "go.mod", "client/ping.go"),
                    r.review().files().stream().map(Review.ReviewedFile::path).toList());
            assertEquals(13, r.review().files().get(0).addedLines());

            ReviewDao.FindingRow leak = r.findingRows().stream()
                    .filter(f -> f.checklistId().equals("RES-02") && !f.suppressed()).findFirst().orElseThrow();
            assertEquals("go-response-body-not-closed", leak.ruleId());
            assertEquals("blocker", leak.severity());
            assertEquals(6, leak.line());
            assertEquals("resp, err := http.Get(url)", leak.code());
            ReviewDao.FindingRow silenced = r.findingRows().stream().filter(ReviewDao.FindingRow::suppressed)
                    .findFirst().orElseThrow();
            assertEquals("client/ping.go", silenced.file());
            assertEquals("the caller closes the body", silenced.suppressionReason());
            assertEquals(6, silenced.suppressionLine());
            assertEquals(r.review().findings().size(), r.findingRows().size());
            assertEquals("DEP-01", r.review().manual().get(0).item());

            var newest = reviews.newest(10);
            assertEquals(List.of(second, id), newest.stream().map(ReviewDao.Summary::id).toList());
            ReviewDao.Summary s = newest.get(1);
            assertEquals(r.review().count(kb.format.ChecklistItem.Severity.BLOCKER), s.blockers());
            assertEquals(1, s.suppressed());
            assertNull(newest.get(0).repository(), "blank fields are stored as null");

            assertEquals(Review.Verdict.CHANGES_REQUESTED, reviews.mark(second, "DEP-01", "failed", "no", "erin")
                    .verdict());
            assertEquals(Review.Verdict.PASS, reviews.mark(second, "DEP-01", "checked", " fine ", "frank").verdict());
            var marks = reviews.load(second).orElseThrow().marks();
            assertEquals(1, marks.size());
            assertEquals("frank", marks.get("DEP-01").markedBy());
            assertEquals("fine", marks.get("DEP-01").note());
            assertEquals("pass", reviews.newest(10).get(0).verdict());
            assertThrows(IllegalArgumentException.class, () -> reviews.mark(second, "RES-02", "checked", "", "x"));
            assertTrue(services.db().jdbi().withExtension(ReviewDao.class, d -> d.findingCount("RES-02")) >= 1);
        } finally {
            services.db().close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_diff_at_the_size_cap_is_stored_whole(String kind) throws Exception {
        var services = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            SavedReviews reviews = new SavedReviews(services.db().jdbi(), TestApp.CONTENT);
            StringBuilder diff = new StringBuilder(ReviewDiffs.GO_MOD);
            String filler = "+// " + "é".repeat(40) + "\n";
            int fillerBytes = filler.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int bytes = ReviewDiffs.GO_MOD.length() + 20;
            int lines = 0;
            while (bytes + fillerBytes < SavedReviews.MAX_DIFF_BYTES) {
                diff.append(filler);
                bytes += fillerBytes;
                lines++;
            }
            String text = diff.toString().replace("@@ -3,3 +3,4 @@", "@@ -3,3 +3," + (4 + lines) + " @@");
            long id = reviews.create(new SavedReviews.Draft(text, null, null, null, null), "erin").row().id();
            assertEquals(text, reviews.load(id).orElseThrow().row().diff());
        } finally {
            services.db().close();
        }
    }
}
