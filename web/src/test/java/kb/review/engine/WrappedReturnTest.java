package kb.review.engine;

import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-01 on factory methods: a resource acquired and handed, by the method's own {@code return}, to a call whose
 * result is the resource the method is declared to return (a JDBC proxy around a driver's {@code ResultSet}, a
 * stream decorator). The caller owns and closes that result, so neither the return nor an exception while the
 * wrapper is built is a leak of the method. Each shape is paired with a look-alike whose method returns something
 * that is not a resource (a text, a count): there the value is only read and stays the method's to close.
 * Findings are compared as "line:item"; the fixtures are written for these tests.
 */
class WrappedReturnTest {

    private static final String PROXIES = """
                 final class MetaProxy {
                     private final Connection connection;
                     private final DatabaseMetaData delegate;
            
            +    static ResultSet wrap(Connection c, Statement owner, ResultSet rows) {
            +        throw new IllegalStateException("replaced by the generated proxy at build time");
            +    }
            +
            +    static Statement statementOf(Connection c, Statement s) {
            +        throw new IllegalStateException("replaced by the generated proxy at build time");
            +    }
            +
            """;

    @Test
    void a_result_set_read_for_its_statement_and_returned_inside_the_proxy_the_method_returns_is_clean() {
        String diff = hunk("src/main/java/a/MetaProxy.java", 10, 10, PROXIES + """
                +    public ResultSet getSchemas() throws SQLException {
                +        ResultSet rows = delegate.getSchemas();
                +        Statement owner = statementOf(connection, rows.getStatement());
                +        return wrap(connection, owner, rows);
                +    }
                 }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_result_set_read_by_a_visible_helper_whose_text_the_method_returns_is_reported() {
        String diff = hunk("src/main/java/a/MetaProxy.java", 10, 10, PROXIES + """
                +    public String schemaNames() throws SQLException {
                +        ResultSet rows = delegate.getSchemas();
                +        Statement owner = statementOf(connection, rows.getStatement());
                +        return names(owner, rows);
                +    }
                +
                +    private static String names(Statement owner, ResultSet rows) throws SQLException {
                +        StringBuilder out = new StringBuilder();
                +        while (rows.next()) {
                +            out.append(rows.getString(1)).append(' ');
                +        }
                +        return out.toString();
                +    }
                 }
                """);
        assertEquals(List.of("23:RES-01"), items(diff));
    }

    @Test
    void a_factory_that_returns_null_on_one_path_without_closing_still_leaks_there() {
        String diff = hunk("src/main/java/a/MetaProxy.java", 10, 10, PROXIES + """
                +    public ResultSet getCatalogs() throws SQLException {
                +        ResultSet rows = delegate.getCatalogs();
                +        Statement owner = rows.getStatement();
                +        if (owner == null) {
                +            return null;
                +        }
                +        return wrap(connection, statementOf(connection, owner), rows);
                +    }
                 }
                """);
        assertEquals(List.of("23:RES-01"), items(diff));
    }

    @Test
    void a_factory_that_throws_by_itself_before_wrapping_still_leaks_there() {
        String diff = hunk("src/main/java/a/MetaProxy.java", 10, 10, PROXIES + """
                +    public ResultSet getTableTypes() throws SQLException {
                +        ResultSet rows = delegate.getTableTypes();
                +        if (rows.getStatement() == null) {
                +            throw new SQLException("metadata without a statement");
                +        }
                +        return wrap(connection, statementOf(connection, rows.getStatement()), rows);
                +    }
                 }
                """);
        assertEquals(List.of("23:RES-01"), items(diff));
    }

    @Test
    void a_result_set_opened_inside_the_return_of_the_proxy_the_method_returns_is_clean() {
        String diff = hunk("src/main/java/a/MetaProxy.java", 10, 10, PROXIES + """
                +    public ResultSet getTypeInfo() throws SQLException {
                +        return wrap(connection, null, delegate.getTypeInfo());
                +    }
                 }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_stream_skipped_and_decorated_into_the_stream_the_method_returns_is_clean_but_not_into_a_text() {
        String diff = hunk("src/main/java/a/Archive.java", 0, 1, """
                +package a;
                +
                +import java.io.File;
                +import java.io.FileInputStream;
                +import java.io.IOException;
                +import java.io.InputStream;
                +
                +final class Archive {
                +    InputStream open(File f) throws IOException {
                +        FileInputStream in = new FileInputStream(f);
                +        in.skip(HEADER);
                +        return Streams.counting(in);
                +    }
                +
                +    String read(File f) throws IOException {
                +        FileInputStream in = new FileInputStream(f);
                +        in.skip(HEADER);
                +        return Streams.text(in);
                +    }
                +}
                """);
        // open() is declared to return a stream, resolved through the imports (not the FileInputStream it opened):
        // what Streams.counting gives back holds the file; read() returns a String, so the file stays its to close
        assertEquals(List.of("16:RES-01"), items(diff));
    }
}
