package kb.review.engine;

/**
 * Test sources for TMO-01's JDBC rules, which since session 38 judge a statement or query layer without a query
 * timeout only in a file that bounds its queries one by one: {@link #kept} gives a class such a file's convention.
 */
final class JdbcConvention {

    private JdbcConvention() {
    }

    /** The source with one more method, at the end of its last class, whose statement carries a query timeout. */
    static String kept(String javaSource) {
        int end = javaSource.lastIndexOf('}');
        return javaSource.substring(0, end) + """
                    int purgeAudit(java.sql.Connection bounded) throws java.sql.SQLException {
                        try (java.sql.Statement st = bounded.createStatement()) {
                            st.setQueryTimeout(5);
                            return st.executeUpdate("DELETE FROM audit");
                        }
                    }
                """ + javaSource.substring(end);
    }
}
