package kb.review.engine;

import static kb.review.engine.ModelsRound8Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-8 Java platform models of scoped state (content/rules/models/java-platform.yaml): MyBatis cursors that
 * hold a statement until closed (RES-01) and Shiro subjects and thread states bound to the thread until unbound in
 * finally (CONC-04). Split from {@link ModelsRound8Test}, whose {@code items} check they share: each defect is paired
 * with the look-alike that closes or restores in try-with-resources or finally; findings are compared as "line:item".
 */
class ModelsRound8JavaScopesTest {

    // --- MyBatis: a Cursor holds its statement and result set until closed ---

    private static final String MYBATIS_EXPORT = """
            package a;

            import org.apache.ibatis.cursor.Cursor;
            import org.apache.ibatis.session.SqlSession;

            public class Export {
                private final SqlSession session;

                public Export(SqlSession session) {
                    this.session = session;
                }

                public String csv() throws Exception {
                    StringBuilder out = new StringBuilder();
            %s
                    return out.toString();
                }
            }
            """;

    @Test
    void a_mybatis_cursor_never_closed_is_reported() {
        assertEquals(List.of("15:RES-01"), items("src/main/java/a/Export.java", MYBATIS_EXPORT.formatted("""
                        Cursor<String> rows = session.selectCursor("orders.all");
                        for (String row : rows) {
                            out.append(row).append('\\n');
                        }""")));
    }

    @Test
    void a_mybatis_cursor_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Export.java", MYBATIS_EXPORT.formatted("""
                        try (Cursor<String> rows = session.selectCursor("orders.all")) {
                            for (String row : rows) {
                                out.append(row).append('\\n');
                            }
                        }""")));
    }

    // --- Shiro: a subject bound to the thread must be unbound in finally ---

    private static final String SHIRO_FILTER = """
            package a;

            import jakarta.servlet.FilterChain;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.ServletRequest;
            import jakarta.servlet.ServletResponse;
            import java.io.IOException;
            import org.apache.shiro.subject.Subject;
            import org.apache.shiro.util.ThreadContext;

            public abstract class SubjectFilter {
                abstract Subject subjectOf(ServletRequest request);

                public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
                    ThreadContext.bind(subjectOf(request));
            %s
                }
            }
            """;

    @Test
    void a_shiro_subject_unbound_after_the_chain_but_not_in_finally_is_reported() {
        assertEquals(List.of("15:CONC-04"), items("src/main/java/a/SubjectFilter.java", SHIRO_FILTER.formatted("""
                        chain.doFilter(request, response);
                        ThreadContext.unbindSubject();""")));
    }

    @Test
    void a_shiro_subject_unbound_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/SubjectFilter.java", SHIRO_FILTER.formatted("""
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            ThreadContext.remove();
                        }""")));
    }

    private static final String SHIRO_STATE = """
            package a;

            import org.apache.shiro.subject.Subject;
            import org.apache.shiro.subject.support.SubjectThreadState;

            public class AsUser {
                public void run(Subject subject, Runnable task) {
                    SubjectThreadState state = new SubjectThreadState(subject);
                    state.bind();
            %s
                }
            }
            """;

    @Test
    void a_shiro_thread_state_restored_only_on_the_normal_path_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/AsUser.java", SHIRO_STATE.formatted("""
                        task.run();
                        state.restore();""")));
    }

    @Test
    void a_shiro_thread_state_restored_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/AsUser.java", SHIRO_STATE.formatted("""
                        try {
                            task.run();
                        } finally {
                            state.restore();
                        }""")));
    }
}
