package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go classes the review used to get wrong, each next to the look-alike of the other verdict. */
class GoMissedClassesTest {

    static List<String> items(String path, String code) {
        return TestRules.reviewDiff(LifecycleRulesTest.newFile(path, code)).active().stream()
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static final String GORM = """
            package store

            func Save(db *gorm.DB, u *User) error {
            \ttx := db.Begin()
            \tif tx.Error != nil {
            \t\treturn tx.Error
            \t}
            \t%s
            \tif err := tx.Create(u).Error; err != nil {
            \t\treturn err
            \t}
            \treturn tx.Commit().Error
            }
            """;

    @Test
    void a_gorm_transaction_whose_begin_failed_holds_nothing_to_roll_back() {
        assertEquals(List.of(), items("store/save.go", GORM.formatted("defer tx.Rollback()")));
        assertEquals(List.of("4:TX-01"), items("store/save.go", GORM.formatted("// no rollback")));
    }

    private static final String LOOP = """
            package api

            func fetchAll(c *http.Client, urls []string) int {
            \tok := 0
            \tfor _, u := range urls {
            \t\tresp, err := c.Get(u)
            \t\tif err != nil {
            \t\t\tcontinue
            \t\t}
            \t\tif resp.StatusCode != http.StatusOK {
            \t\t\t%s
            \t\t\tcontinue
            \t\t}
            \t\tok++
            \t\tresp.Body.Close()
            \t}
            \treturn ok
            }
            """;

    @Test
    void a_continue_that_skips_the_close_at_the_end_of_the_iteration_leaks_that_body() {
        assertEquals(List.of("6:RES-02"), items("api/fetch.go", LOOP.formatted("// skip it")));
        assertEquals(List.of(), items("api/fetch.go", LOOP.formatted("resp.Body.Close()")));
    }
}
