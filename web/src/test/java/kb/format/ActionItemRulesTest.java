package kb.format;

import static kb.format.Fixture.VALID;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActionItemRulesTest {

    /** The Action items heading is on line 21, the first item on line 23. */
    private static String actions(String items) {
        return VALID + "\n## Action items\n\n" + items + "\n";
    }

    @Test
    void task_items_are_read_with_their_keys() {
        Postmortem p = valid(actions("""
                - [ ] Add a review rule (owner: alice, due: 2024-04-01, type: prevent)
                - [x] Cap the pool (owner: bob, type: MITIGATE)
                - [X] Write the runbook"""));
        assertEquals(List.of(
                new ActionItem(false, "Add a review rule", "alice", LocalDate.of(2024, 4, 1), ActionItem.Type.PREVENT, 23),
                new ActionItem(true, "Cap the pool", "bob", null, ActionItem.Type.MITIGATE, 24),
                new ActionItem(true, "Write the runbook", null, null, null, 25)), p.actionItems());
    }

    @Test
    void parentheses_that_are_not_key_value_pairs_stay_in_the_text() {
        Postmortem p = valid(actions("- [ ] Retry once (see PR 12) before failing"));
        assertEquals("Retry once (see PR 12) before failing", p.actionItems().get(0).text());
    }

    @Test
    void an_introduction_before_the_list_is_allowed() {
        assertEquals(1, valid(actions("Agreed in the review:\n\n- [ ] Add alerts")).actionItems().size());
    }

    @Test
    void a_list_item_that_is_not_a_task_is_an_error() {
        onlyProblem(actions("- [ ] Add alerts\n- Add dashboards"), 24, "an action item must be a task");
    }

    @Test
    void an_unknown_key_is_an_error() {
        onlyProblem(actions("- [ ] Add alerts (owner: alice, priority: high)"), 23,
                "unknown action item key 'priority'; allowed keys are owner, due, type");
    }

    @Test
    void a_due_date_must_be_an_iso_date() {
        onlyProblem(actions("- [ ] Add alerts (due: next week)"), 23, "due date 'next week' is not a date");
        onlyProblem(actions("- [ ] Add alerts (due: 2024-02-30)"), 23, "due date '2024-02-30'");
    }

    @Test
    void the_type_must_be_one_of_four() {
        onlyProblem(actions("- [ ] Add alerts (type: fix)"), 23, "use one of prevent, mitigate, detect, process");
    }

    @Test
    void a_key_given_twice_or_without_value_is_an_error() {
        onlyProblem(actions("- [ ] Add alerts (owner: a, owner: b)"), 23, "'owner' is given twice");
        onlyProblem(actions("- [ ] Add alerts (owner: )"), 23, "'owner' has no value");
    }

    @Test
    void a_task_without_text_is_an_error() {
        onlyProblem(actions("- [ ] (owner: alice)"), 23, "action item has no text");
    }

    @Test
    void a_problem_in_a_key_group_on_a_continuation_line_names_that_line() {
        onlyProblem(actions("- [ ] Add alerts for the pool\n  and the gateway (type: fix)"), 24, "unknown action item type 'fix'");
    }
}
