package kb.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The rule files as shipped, against the checklist and incidents as shipped. */
class ShippedContentTest {

    @Test
    void the_shipped_rules_load_against_the_shipped_checklist_and_cover_every_item() throws Exception {
        RuleBook book = RuleBook.load(Path.of("content"));
        Set<String> covered = new TreeSet<>();
        book.rules().forEach(r -> covered.add(r.item()));
        book.triggers().forEach(t -> covered.add(t.item()));
        assertEquals(new TreeSet<>(book.catalog().items().keySet()), covered,
                "every checklist item has a detector or a manual trigger");
        assertTrue(book.rules().size() >= 30, "rules: " + book.rules().size());
    }

    @Test
    void findings_link_the_incidents_that_cite_their_checklist_item() throws Exception {
        Catalog catalog = Catalog.load(Path.of("content"));
        assertTrue(catalog.incidents("RES-04").stream()
                .anyMatch(i -> i.id().equals("payment-502-sql-open-per-call")), catalog.incidents("RES-04").toString());
    }
}
