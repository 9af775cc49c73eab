package kb.review.engine.metamorphic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The value and receiver renames and the mentions in comments and literals, on toy diffs. */
class ValueNamesTest {
    static final String GO = """
            diff --git a/svc/get.go b/svc/get.go
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/svc/get.go
            @@ -0,0 +1,14 @@
            +package svc
            +
            +func (s *Server) Get(url string) error {
            +	s.mu.Lock()
            +	defer s.mu.Unlock()
            +	resp, err := http.Get(url) // resp is the answer
            +	if err != nil {
            +		return err
            +	}
            +	defer resp.Body.Close()
            +	log.Printf("resp %d", resp.StatusCode)
            +	return nil
            +}
            +
            """;
    static final String JAVA = """
            diff --git a/src/main/java/a/Job.java b/src/main/java/a/Job.java
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/src/main/java/a/Job.java
            @@ -0,0 +1,8 @@
            +package a;
            +
            +class Job {
            +    void run(DataSource ds) throws SQLException {
            +        Connection conn = ds.getConnection();
            +        conn.close();
            +    }
            +}
            """;

    @Test
    void values_and_receivers_are_renamed_in_code_but_not_in_text_nor_after_a_dot() {
        Patch p = Patch.parse(GO);
        assertTrue(ValueNames.values(p, List.of()));
        String out = p.render();
        assertTrue(out.contains("+\treply, err := http.Get(url) // resp is the answer"), out);
        assertTrue(out.contains("+\tdefer reply.Body.Close()"), out);
        assertTrue(out.contains("log.Printf(\"resp %d\", reply.StatusCode)"), out);
        assertTrue(out.contains("+\ts.mu.Lock()"), out);

        Patch r = Patch.parse(GO);
        assertTrue(ValueNames.receivers(r, List.of()));
        assertTrue(r.render().contains("+func (self *Server) Get(url string) error {\n+\tself.mu.Lock()"), r.render());
        assertFalse(ValueNames.receivers(Patch.parse(JAVA), List.of()));
    }

    @Test
    void a_mention_follows_each_declaring_statement() {
        Patch p = Patch.parse(GO);
        assertTrue(ValueNames.mentionComment(p, List.of()));
        String out = p.render();
        assertTrue(out.contains("// resp is the answer\n+\t// note: defer resp.Close(); resp.Body.Close();"), out);
        assertTrue(out.contains("@@ -0,0 +1,16 @@"), out);

        Patch j = Patch.parse(JAVA);
        assertTrue(ValueNames.mentionLiteral(j, List.of()));
        assertTrue(j.render().contains("ds.getConnection();\n+        String noteQ1 = \"conn.close(); conn.unlock();"),
                j.render());
    }
}
