package kb.review.engine.metamorphic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The role renames and the derived context on toy diffs: code renamed, literals and comments kept as written. */
class RoleNamesTest {
    static final String GO = """
            diff --git a/svc/run.go b/svc/run.go
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/svc/run.go
            @@ -0,0 +1,12 @@
            +package svc
            +
            +import "context"
            +
            +func Run(ctx context.Context, db *sql.DB) error {
            +	tx, err := db.BeginTx(ctx, nil)
            +	if err != nil {
            +		return fmt.Errorf("ctx done, err: %w", err) // err wrapped
            +	}
            +	defer tx.Rollback()
            +	return tx.Commit()
            +}
            """;
    static final String JAVA = """
            diff --git a/src/main/java/a/Job.java b/src/main/java/a/Job.java
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/src/main/java/a/Job.java
            @@ -0,0 +1,9 @@
            +package a;
            +
            +class Job {
            +    void run() {
            +        try { Thread.sleep(10); } catch (InterruptedException e) {
            +            log.warn("e was {}", e);
            +        }
            +    }
            +}
            """;

    @Test
    void a_habit_renames_code_and_leaves_literals_and_comments() {
        Patch p = Patch.parse(GO);
        assertTrue(RoleNames.rename(p, RoleNames.LONG));
        String out = p.render();
        assertTrue(out.contains("+func Run(reqCtx context.Context, db *sql.DB) error {"), out);
        assertTrue(out.contains("+\ttxn, cause := db.BeginTx(reqCtx, nil)"), out);
        assertTrue(out.contains("return fmt.Errorf(\"ctx done, err: %w\", cause) // err wrapped"), out);
        assertTrue(out.contains("+\treturn txn.Commit()"), out);

        Patch j = Patch.parse(JAVA);
        assertTrue(RoleNames.rename(j, RoleNames.SHORT));
        assertTrue(j.render().contains("catch (InterruptedException x) {"), j.render());
        assertTrue(j.render().contains("log.warn(\"e was {}\", x);"), j.render());
    }

    @Test
    void a_habit_keeps_a_name_whose_new_name_is_taken() {
        Patch p = Patch.parse(GO.replace("db *sql.DB", "e *sql.DB").replace("db.BeginTx", "e.BeginTx"));
        assertTrue(RoleNames.rename(p, RoleNames.SHORT));
        String out = p.render();
        assertTrue(out.contains("t, err := e.BeginTx(c, nil)"), out);
    }

    @Test
    void the_derived_context_replaces_the_parameter_inside_the_function() {
        Patch p = Patch.parse(GO);
        assertTrue(RoleNames.derivedContext(p, List.of()));
        String out = p.render();
        assertTrue(out.contains("+func Run(parent context.Context, db *sql.DB) error {\n"
                + "+\treqCtx := context.WithValue(parent, traceKey{}, \"review\")\n"
                + "+\ttx, err := db.BeginTx(reqCtx, nil)"), out);
        assertTrue(out.contains("\"ctx done, err: %w\""), out);
        assertTrue(out.contains("@@ -0,0 +1,13 @@"), out);
        assertFalse(RoleNames.derivedContext(Patch.parse(JAVA), List.of()));
    }
}
