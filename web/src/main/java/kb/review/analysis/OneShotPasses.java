package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Code that runs once per deployment rather than with the traffic: a data migration. LOG-01 is about hot paths ("once
 * per request that is noise; once per element of a loop that runs tens of thousands of times a second, it becomes the
 * workload"); a migration walks stored data once, when the new version first starts or the operator runs it, and a
 * warning per skipped object there is its report (the precision sets judge it false every time: class EX of sets 6,
 * 12 and 13). A migration is known by its name: the function or method ({@code migrate}, {@code migrateUsers}), the
 * class around it ({@code CategoryHierarchyMigration}), or the file's folder or name ({@code migrations/},
 * {@code 0042_migrate_tags.go}).
 */
final class OneShotPasses {

    private static final Pattern MIGRATION = Pattern.compile("(?i)migrat");
    private static final Pattern MIGRATION_PATH = Pattern.compile("(?i)(?:^|/)(?:db_?)?migrations?/|migrat[^/]*$");

    private OneShotPasses() {
    }

    /** True when {@code n} is in a migration by its function's, its class's or its file's name. */
    static boolean inMigration(SyntaxNode n, byte[] src, String path) {
        if (path != null && MIGRATION_PATH.matcher(path).find()) {
            return true;
        }
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "method_declaration", "function_declaration", "constructor_declaration", "class_declaration" -> {
                    SyntaxNode name = p.getChildByFieldName("name");
                    if (name != null && !name.isNull() && MIGRATION.matcher(text(src, name)).find()) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }
}
