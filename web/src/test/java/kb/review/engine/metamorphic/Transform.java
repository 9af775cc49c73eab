package kb.review.engine.metamorphic;

import java.util.List;

/**
 * A change of a diff that keeps its defect, or its cleanliness, exactly as it is. {@link #apply} edits the patch in
 * place and says whether it changed anything: a transform that finds nothing to change in a case is skipped there.
 */
interface Transform {
    /** An expected finding's original place: which lines a transform should keep in the changed code. */
    record Target(String path, int line) {
    }

    String name();

    boolean apply(Patch patch, List<Target> targets);

    static Transform of(String name, Body body) {
        return new Transform() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean apply(Patch patch, List<Target> targets) {
                return body.apply(patch, targets);
            }
        };
    }

    @FunctionalInterface
    interface Body {
        boolean apply(Patch patch, List<Target> targets);
    }

    /** Every transform, in the order the tables list them. */
    static List<Transform> all() {
        return List.of(
                of("rename", Renames::locals),
                of("rename-err-ctx", Renames::conventional),
                of("rename-short", (p, t) -> RoleNames.rename(p, RoleNames.SHORT)),
                of("rename-long", (p, t) -> RoleNames.rename(p, RoleNames.LONG)),
                of("rename-role", (p, t) -> RoleNames.rename(p, RoleNames.ROLE)),
                of("go-ctx-derived", RoleNames::derivedContext),
                of("rename-values", ValueNames::values),
                of("rename-receivers", ValueNames::receivers),
                of("mention-comment", ValueNames::mentionComment),
                of("mention-literal", ValueNames::mentionLiteral),
                of("indent", Layout::indent),
                of("crlf", Layout::crlf),
                of("comments", Layout::comments),
                of("statements", Layout::statements),
                of("go-var-decl", Declarations::goVar),
                of("java-var", Declarations::javaVar),
                of("java-typed", Declarations::javaTyped),
                of("java-qualified", Declarations::javaQualified),
                of("java-method-ref", Declarations::javaMethodRef),
                of("java-anonymous", Declarations::javaAnonymous),
                of("wrap-if", Shapes::wrap),
                of("reorder", Shapes::reorder),
                of("move", Shapes::move),
                of("edit-context", Shapes::editContext),
                of("edit-hunks", Shapes::editHunks),
                of("edit-pair", Pairs::edit),
                of("edit-line", Edits::line),
                of("edit-far-head", Edits::farFromHead),
                of("edit-cut-after", Edits::cutAfter),
                of("edit-two-hunks", Edits::twoHunks));
    }

    static Transform named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transform " + name));
    }
}
