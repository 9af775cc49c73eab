package kb.review.engine;

import java.util.List;

/** Session 25's Java class tests: a whole class added as new code, and the findings of one item on it. */
final class JavaS25Cases {

    private JavaS25Cases() {
    }

    /** The diff adding {@code code} (every row added) to {@code path}. */
    static String added(String path, String code) {
        StringBuilder body = new StringBuilder();
        for (String r : code.split("\n", -1)) {
            body.append('+').append(r).append('\n');
        }
        if (code.endsWith("\n")) {
            body.setLength(body.length() - 2);
        }
        return JavaEdits.edit(path, 1, body.toString());
    }

    /** The findings of {@code item} on the class, as "line:rule". */
    static List<String> review(String path, String code, String item) {
        return JavaEdits.item(added(path, code), item);
    }

    /** The one finding expected: the line of the first row holding {@code marker}, and the rule. */
    static List<String> at(String code, String marker, String rule) {
        return List.of(JavaEdits.lineOf(code, marker) + ":" + rule);
    }
}
