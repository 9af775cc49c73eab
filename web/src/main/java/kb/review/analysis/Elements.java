package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;
import org.treesitter.TSNode;

/**
 * The elements of a varargs parameter: its name in a Java {@code spread_parameter}, and the variable a helper's
 * for-each loop gives each element ({@code for (AutoCloseable c : xs)}, {@code for _, c := range xs}), so a helper
 * that closes every element counts as releasing each argument passed to it.
 */
final class Elements {

    private Elements() {
    }

    /** The name of a Java {@code T... name} parameter, or null. */
    static String spreadName(TSNode spread, byte[] src) {
        for (int i = 0; i < spread.getNamedChildCount(); i++) {
            TSNode c = spread.getNamedChild(i);
            if (c.getType().equals("variable_declarator")) {
                TSNode name = c.getChildByFieldName("name");
                return name == null || name.isNull() ? null
                        : SyntaxNode.text(src, name);
            }
        }
        return null;
    }

    /** The variable a for-each loop over {@code collection} in {@code body} binds to each element, or null. */
    static String loopVariable(String body, String collection) {
        String c = Pattern.quote(collection);
        Matcher java = Pattern.compile("\\bfor\\s*\\(\\s*(?:final\\s+)?[\\w.<>?,\\s\\[\\]]+?\\s+(\\w+)\\s*:\\s*" + c
                + "\\s*\\)").matcher(body);
        if (java.find()) {
            return java.group(1);
        }
        Matcher go = Pattern.compile("\\bfor\\s+(?:_\\s*,\\s*)?(\\w+)\\s*:=\\s*range\\s+" + c + "\\b").matcher(body);
        return go.find() ? go.group(1) : null;
    }
}
