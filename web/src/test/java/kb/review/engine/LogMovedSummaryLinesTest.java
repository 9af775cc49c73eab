package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 29 (logprec29): log-summary-replaced on a moved or reformatted loop whose per-element line the change
 * deletes and re-adds word for word (set 21's checkstyle reformats: classes J, O, AP, AY). A new per-element line in
 * the same kind of move stays reported.
 */
class LogMovedSummaryLinesTest {

    @Test
    void a_moved_line_is_not_a_traded_summary_and_a_new_line_still_is() {
        ClassDiffs25.check("logprec29-moved-summary-lines", Set.of("LOG-01"));
    }
}
