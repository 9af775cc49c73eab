package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of FALSE findings of the eighth held-out precision set on the projects' own code
 * (web/src/test/bench/realfixes/precision-judgments-8.tsv), each pinned next to the defect of the same shape, which
 * must still be found. The code is written for this test, in the shape of the judged code; findings are compared as
 * "line:item".
 */
class PrecisionSet8ClassesTest {

    private static List<String> java(String code, String item) {
        return JavaMissedClassesTest.items("src/main/java/a/Store.java", code).stream()
                .filter(s -> s.endsWith(":" + item)).toList();
    }

    private static List<String> go(String code, String item) {
        return GoMissedClassesTest.items("store/cache.go", code).stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // TMO-01, CV: JDBC statements on an embedded database (DuckDB, SQLite, H2 on a file): the query runs inside the
    // process, with no server and no network for a query timeout to guard. The same code on a server URL stays.

    private static final String EMBEDDED = """
            package a;

            class Store {
                private static final String URL = "PREFIX";
                private final String path;

                Store(String path) {
                    this.path = path;
                }

                int purge(long before) throws SQLException {
                    try (Connection c = DriverManager.getConnection(URL + path);
                         PreparedStatement ps = c.prepareStatement("DELETE FROM samples WHERE at < ?")) {
                        ps.setLong(1, before);
                        return ps.executeUpdate();
                    }
                }
            }
            """;

    @Test
    void statements_on_an_embedded_database_need_no_query_timeout() {
        for (String url : List.of("jdbc:duckdb:", "jdbc:sqlite:", "jdbc:h2:file:", "jdbc:derby:")) {
            assertEquals(List.of(), java(EMBEDDED.replace("PREFIX", url), "TMO-01"), url);
        }
        // the class's own constructor named for the database, the URL out of sight
        assertEquals(List.of(), java(EMBEDDED.replace("    private static final String URL = \"PREFIX\";\n", "")
                .replace("Store(String path)", "public DuckdbSampleStore(String path)"), "TMO-01"));
    }

    @Test
    void statements_on_a_database_server_still_need_one() {
        for (String url : List.of("jdbc:postgresql://db:5432/", "jdbc:h2:tcp://db/", "jdbc:derby://db:1527/",
                "jdbc:duckdb:md:")) {
            assertEquals(List.of("13:TMO-01"), java(JdbcConvention.kept(EMBEDDED.replace("PREFIX", url)), "TMO-01"),
                    url);
        }
    }

    // ERR-01, BO: a '_' that takes a value which is not an error: an accessor called for its effect, an in-process
    // cache's Remove (a bool). A remote cache given a context returns an error, which stays reported.

    private static final String CACHE = """
            package store

            func (s *Store) forget(ctx context.Context, key string) {
            \tCALL
            \ts.log.Printf("forgot %s", key)
            }
            """;

    @Test
    void a_blank_that_takes_a_bool_or_an_accessors_value_is_not_an_error_dropped() {
        for (String call : List.of("_ = s.entryCache.Remove(key)", "_ = s.sub.Channel()", "_ = s.buf.Get64()",
                "_ = s.lru.Add(key, nil)")) {
            assertEquals(List.of(), go(CACHE.replace("CALL", call), "ERR-01"), call);
        }
    }

    @Test
    void a_remote_caches_call_or_a_getter_with_arguments_is_still_reported() {
        for (String call : List.of("_ = s.redisCache.Remove(ctx, key)", "_ = s.store.Delete(key)",
                "_ = s.client.Get(key)")) {
            assertEquals(List.of("4:ERR-01"), go(CACHE.replace("CALL", call), "ERR-01"), call);
        }
    }
    // RES-01, W: the pre-Java-7 idiom cut by the hunk: a local declared null, a try right below it, the resource
    // assigned inside; its finally, which the local was declared outside the try for, is below the hunk. A try whose
    // end the diff shows, without a close, is still a leak.

    private static final String CLASSIC = """
                 List<String> readLines(File file) throws IOException {
                     List<String> out = new ArrayList<>();
                     BufferedReader in = null;
                     try {
            -            in = new BufferedReader(new FileReader(file));
            +            in = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8);
                         String line = in.readLine();
                         while (line != null) {
                             out.add(line);
            """;

    @Test
    void a_resource_of_the_classic_try_finally_idiom_cut_by_the_hunk_is_not_a_leak() {
        assertEquals(List.of(), Round5ClassesTest.items(Round5ClassesTest.hunk("src/main/java/a/Lines.java", 40, 40,
                CLASSIC)).stream().filter(s -> s.endsWith(":RES-01")).toList());
    }

    @Test
    void the_same_try_shown_to_its_end_without_a_close_is_still_reported() {
        String shown = CLASSIC + """
                                 line = in.readLine();
                             }
                             return out;
                         } catch (IOException e) {
                             throw new UncheckedIOException(e);
                         }
                     }
                """;
        assertEquals(List.of("44:RES-01"), Round5ClassesTest.items(Round5ClassesTest.hunk("src/main/java/a/Lines.java",
                40, 40, shown)).stream().filter(s -> s.endsWith(":RES-01")).toList());
        // no null declaration above the try: not the idiom
        assertEquals(List.of("44:RES-01"), Round5ClassesTest.items(Round5ClassesTest.hunk("src/main/java/a/Lines.java",
                40, 40, CLASSIC.replace("BufferedReader in = null;", "BufferedReader in;"))).stream()
                .filter(s -> s.endsWith(":RES-01")).toList());
    }
    // ERR-01, C: a best-effort clean-up on a path that returns an error, past other clean-up calls, or returning an
    // error value built in place: the path already reports the failure. The same discard on a path that goes on (or
    // returns success) still loses an error.

    private static final String UPLOAD = """
            package store

            func (s *Store) finish(ctx context.Context, up *upload) (string, error) {
            \tif err := up.check(); err != nil {
            \t\t_ = up.abort()
            \t\ts.discard(up)
            \t\tRETURN
            \t}
            \treturn up.id, nil
            }
            """;

    @Test
    void a_clean_up_past_other_clean_ups_on_an_error_return_is_best_effort() {
        for (String ret : List.of("return \"\", err", "return \"\", &uploadError{id: up.id, cause: err}",
                "return \"\", errors.Errorf(\"check %s: %w\", up.id, err)")) {
            assertEquals(List.of(), go(UPLOAD.replace("RETURN", ret), "ERR-01"), ret);
        }
    }

    @Test
    void the_same_discard_on_a_path_that_returns_success_is_still_reported() {
        assertEquals(List.of("5:ERR-01"), go(UPLOAD.replace("RETURN", "return up.id, nil"), "ERR-01"));
        assertEquals(List.of("5:ERR-01"), go(UPLOAD.replace("RETURN", "s.retry(up)"), "ERR-01"));
    }
    // MEM-01, DC: C memory handed back to C.free through unsafe.Pointer, the cgo idiom; a Go buffer handed to C is
    // still reported.

    private static final String CGO = """
            package rdma

            func (c *conn) open(host string, buf []byte) {
            \tchost := C.CString(host)
            \tLINE
            \tc.ctx = C.rdma_open(chost)
            }
            """;

    @Test
    void c_memory_handed_back_to_c_free_is_not_unsafe_memory_use() {
        assertEquals(List.of(), go(CGO.replace("LINE", "defer C.free(unsafe.Pointer(chost))"), "MEM-01"));
        assertEquals(List.of(), go(CGO.replace("LINE", "C.free(unsafe.Pointer(c.ctx))"), "MEM-01"));
        assertEquals(List.of("5:MEM-01"), go(CGO.replace("LINE",
                "C.rdma_send(c.ctx, unsafe.Pointer(&buf[0]), C.size_t(len(buf)))"), "MEM-01"));
    }
    // RES-01, AK: a change that deletes a whole early-exit branch, its close and its return included: the path that
    // close served is gone. A close deleted from a branch the change keeps is still a release lost.

    private static final String BRANCH = """
            diff --git a/cache/file.go b/cache/file.go
            --- a/cache/file.go
            +++ b/cache/file.go
            @@ -40,12 +40,7 @@ func (c *Cache) open(name string, min int64) (io.ReadCloser, error) {
             \tsize := fi.Size()
            -\tif size <= min {
            -\t\t_ = f.Close()
            -\t\treturn nil, errors.Errorf("%s is truncated", name)
            -\t}
            -
             \tif size > c.limit {
             \t\t_ = f.Close()
             \t\treturn nil, errors.Errorf("%s is too large", name)
             \t}
             \treturn f, nil
             }
            """;

    @Test
    void a_close_deleted_with_the_whole_early_exit_branch_it_served_is_no_leak() {
        assertEquals(List.of(), GoRound8ClassesTest.item(BRANCH, "RES-01"));
    }

    @Test
    void a_close_deleted_from_a_branch_the_change_keeps_is_still_reported() {
        String kept = BRANCH.replace("""
                -\tif size <= min {
                -\t\t_ = f.Close()
                -\t\treturn nil, errors.Errorf("%s is truncated", name)
                -\t}
                """, """
                 \tif size <= min {
                -\t\t_ = f.Close()
                 \t\treturn nil, errors.Errorf("%s is truncated", name)
                 \t}
                """).replace("@@ -40,12 +40,7 @@", "@@ -40,12 +40,10 @@");
        assertEquals(List.of("40:removed-release"), GoRound8ClassesTest.item(kept, "RES-01"));
    }
}
