package kb.actions;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing one action item's status touches its checkbox and nothing else, whatever the list looks like. */
class ActionMarkdownTest {

    static String postmortem(String heading, String items) {
        return "---\nid: demo-incident\ntitle: Demo\nseverity: P2\nstarted: 2024-01-01T00:00:00Z\n---\n"
                + "## 摘要\n\n一个例子。\n\n## 时间线\n\n- 00:00 开始\n\n## 根因\n\n没有超时。\n\n"
                + "## " + heading + "\n\n" + items + "\n## Notes\n\n- [ ] not an action item\n";
    }

    @Test
    void only_the_checkbox_of_the_chosen_item_changes() throws Exception {
        String text = postmortem("行动项", "1. [ ] 设置超时 [ ] literally (owner: 王五, type: prevent)\n"
                + "2. [X] second\n   continued on a second line (owner: bob)\n3. [ ] third\n");
        String done = ActionMarkdown.withStatus(text, 0, true).orElseThrow();
        assertEquals(text.replace("1. [ ] 设置超时", "1. [x] 设置超时"), done);
        String third = ActionMarkdown.withStatus(text, 2, true).orElseThrow();
        assertEquals(text.replace("3. [ ] third", "3. [x] third"), third);
        String reopened = ActionMarkdown.withStatus(text, 1, false).orElseThrow();
        assertEquals(text.replace("2. [X] second", "2. [ ] second"), reopened);
        assertTrue(reopened.endsWith("- [ ] not an action item\n"), "other sections' task lists are left alone");
    }

    @Test
    void an_item_that_already_has_the_status_gives_no_change() throws Exception {
        String text = postmortem("Action items", "* [x] done already\n");
        assertEquals(Optional.empty(), ActionMarkdown.withStatus(text, 0, true));
    }

    @Test
    void a_missing_item_or_an_invalid_text_is_refused_with_the_reason() {
        String text = postmortem("Action items", "- [ ] one\n");
        var missing = assertThrows(ActionMarkdown.NotChanged.class, () -> ActionMarkdown.withStatus(text, 3, true));
        assertEquals("the incident has 1 action item; there is no item 4", missing.getMessage());
        var invalid = assertThrows(ActionMarkdown.NotChanged.class,
                () -> ActionMarkdown.withStatus(text.replace("severity: P2", "severity: P9"), 0, true));
        assertTrue(invalid.getMessage().startsWith("the current revision does not pass the format's checks (line 4"),
                invalid.getMessage());
    }
}
