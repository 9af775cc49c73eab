package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 by class (round 9): which discarded errors cost something, told by what the call does and whether its other
 * results are used, each class paired with the defect of the same shape that must still be found; and one policy for
 * example and demo programs across the items whose findings only matter in a running service.
 */
class PrecisionRound9Test {

    private static final String GO = """
            package transport

            func (n *Transport) step(conn *Conn, broker *Broker, req *Request) (*Response, error) {
            	var resp *Response
            	var err error
            	BODY
            	n.steps++
            	return resp, err
            }
            """;

    private static List<String> go(String body) {
        return items("transport/transport.go", GO.replace("BODY", body));
    }

    private static List<String> goAt(String path, String code) {
        return items(path, code);
    }

    // --- C: releasing what the code gives up --------------------------------------------------------------------

    @Test
    void a_release_of_a_pooled_connection_is_best_effort() {
        assertEquals(List.of(), go("_ = conn.Release()"));
        assertEquals(List.of(), go("_ = n.closeConn(conn)"));
        assertEquals(List.of(), go("_ = sink.Cancel()"));
    }

    @Test
    void a_discarded_error_of_work_on_the_same_value_is_still_reported() {
        assertEquals(List.of("6:ERR-01"), go("_ = conn.Apply(req)"));
        assertEquals(List.of("6:ERR-01"), go("_ = n.store.Persist(req)"));
        // a cancel that takes an argument is an operation (cancel an order), not giving a value up
        assertEquals(List.of("6:ERR-01"), go("_ = n.orders.Cancel(req.ID)"));
    }

    // --- BD: a refresh of cached remote metadata --------------------------------------------------------------

    @Test
    void a_best_effort_metadata_refresh_is_not_reported() {
        assertEquals(List.of(), go("_ = n.client.RefreshMetadata(req.Topic)"));
        assertEquals(List.of(), go("_ = n.client.RefreshCoordinator(req.Group)"));
    }

    @Test
    void an_update_that_is_not_a_refresh_is_still_reported() {
        assertEquals(List.of("6:ERR-01"), go("_ = n.client.UpdateMetadata(req.Topic)"));
    }

    // --- BE: an open whose failure the next call on the same value reports -------------------------------------

    @Test
    void an_open_followed_by_a_request_on_the_same_value_is_not_reported() {
        assertEquals(List.of(), go("_ = broker.Open(n.conf)\n\tresp, err = broker.Fetch(req)"));
        assertEquals(List.of(), go("_ = broker.Open(n.conf)\n\treturn broker.Fetch(req)"));
        // the request is built first: the next use of the broker is still the request
        assertEquals(List.of(), go("_ = broker.Open(n.conf)\n\n\treq = NewFetch(n.version)\n\tresp, err = broker.Fetch(req)"));
    }

    @Test
    void an_open_followed_by_anything_else_is_still_reported() {
        // the request goes to another value: nothing reports the failed open
        assertEquals(List.of("6:ERR-01"), go("_ = broker.Open(n.conf)\n\tresp, err = n.other.Fetch(req)"));
        // the next statement takes no error
        assertEquals(List.of("6:ERR-01"), go("_ = broker.Open(n.conf)\n\tn.brokers = append(n.brokers, broker)"));
        // the broker is used before the request: nothing reports the failed open there
        assertEquals(List.of("6:ERR-01"), go("_ = broker.Open(n.conf)\n\tbroker.Register(n)\n\tresp, err = broker.Fetch(req)"));
    }

    // --- AW: the error replaced by a validity test; conversions whose value is used ---------------------------

    private static final String SCAN = """
            package schema

            func scanIP(dest *Value, b []byte) error {
            	val, _ := PARSE(string(b))
            	TEST
            	dest.Set(val.String())
            	return nil
            }
            """;

    private static List<String> scan(String parse, String test) {
        return items("schema/scan.go", SCAN.replace("PARSE", parse).replace("TEST", test));
    }

    @Test
    void a_parse_whose_value_is_tested_for_validity_is_handled() {
        assertEquals(List.of(), scan("netip.ParseAddr", "if !val.IsValid() { return fmt.Errorf(\"bad ip %q\", b) }"));
        assertEquals(List.of(), scan("time.Parse", "if val.IsZero() { return errBadTime }"));
    }

    @Test
    void a_parse_whose_value_is_used_untested_is_still_reported() {
        assertEquals(List.of("4:ERR-01"), scan("netip.ParseAddr", "dest.Mark()"));
        assertEquals(List.of("4:ERR-01"), scan("time.Parse", "dest.Mark()"));
    }

    private static final String ANNOUNCE = """
            package host

            func parseNetAddress(addr string) (string, int, error) {
            	host, portStr, err := net.SplitHostPort(addr)
            	if err != nil {
            		return "", 0, err
            	}
            	port, _ := strconv.Atoi(portStr)
            	TEST
            	return host, port, nil
            }
            """;

    @Test
    void a_conversion_whose_value_is_used_is_reported() {
        assertEquals(List.of("8:ERR-01"), items("host/announce.go", ANNOUNCE.replace("TEST", "")));
        assertEquals(List.of("8:ERR-01"), items("host/announce.go",
                ANNOUNCE.replace("strconv.Atoi(portStr)", "strconv.ParseInt(portStr, 10, 32)").replace("TEST", "")));
    }

    @Test
    void a_conversion_whose_value_falls_back_when_out_of_range_is_not_reported() {
        assertEquals(List.of(), items("host/announce.go", ANNOUNCE.replace("TEST", "if port <= 0 {\n\t\tport = 80\n\t}")));
        // or a comment on the line says why
        assertEquals(List.of(), items("host/announce.go",
                ANNOUNCE.replace("strconv.Atoi(portStr)", "strconv.Atoi(portStr) // validated by the caller")
                        .replace("TEST", "")));
    }

    // --- a shadowed err whose failure is lost -------------------------------------------------------------------

    private static final String EXEC = """
            package odbc

            func (stmt *Statement) Execute(params ...interface{}) SIGNATURE {
            	DECL
            	for i, p := range params {
            		INNER
            		if err != nil {
            			LEAVE
            		}
            	}
            	if err != nil {
            		return err
            	}
            	return stmt.exec()
            }
            """;

    private static List<String> exec(String signature, String decl, String inner, String leave) {
        return items("odbc/statement.go", EXEC.replace("SIGNATURE", signature).replace("DECL", decl)
                .replace("INNER", inner).replace("LEAVE", leave)).stream().filter(s -> s.endsWith("ERR-01")).toList();
    }

    @Test
    void an_inner_err_that_shadows_the_named_result_and_only_breaks_is_reported() {
        assertEquals(List.of("6:ERR-01"), exec("(err error)", "", "err := stmt.bind(i+1, p)", "break"));
        assertEquals(List.of("6:ERR-01"), exec("error", "var err error", "n, err := stmt.bind(i+1, p)", "continue"));
    }

    @Test
    void an_inner_err_that_is_returned_or_assigned_with_equals_is_not_reported() {
        // returned from the block: the shadowing loses nothing
        assertEquals(List.of(), exec("(err error)", "", "err := stmt.bind(i+1, p)", "return err"));
        // logged and wrapped: handled
        assertEquals(List.of(), exec("(err error)", "", "err := stmt.bind(i+1, p)",
                "return fmt.Errorf(\"bind %d: %w\", i, err)"));
        // plain '=' assigns the outer err: nothing is shadowed
        assertEquals(List.of(), exec("(err error)", "", "err = stmt.bind(i+1, p)", "break"));
        // no outer err to shadow (an unnamed result, no var): the shadow rule has nothing to say
        assertEquals(List.of(), exec("error", "", "err := stmt.bind(i+1, p)", "break").stream()
                .filter(s -> s.startsWith("6:")).toList());
    }

    @Test
    void an_err_declared_below_the_block_or_a_check_the_hunk_cuts_is_not_a_shadow() {
        // the function's err is declared after the loop: the inner one shadows nothing
        String later = """
                package jobs

                func run(items []string) error {
                	for _, it := range items {
                		err := try(it)
                		if err != nil {
                			break
                		}
                	}
                	var err error
                	err = finish()
                	return err
                }
                """;
        assertEquals(List.of(), items("jobs/run.go", later));
        // the same loop below 'var err error' is the shadow
        String earlier = later.replace("\tvar err error\n\terr = finish()\n", "\terr = finish()\n")
                .replace("func run(items []string) error {\n", "func run(items []string) error {\n\tvar err error\n");
        assertEquals(List.of("6:ERR-01"), items("jobs/run.go", earlier));
    }

    // --- AU (Java): a parsed setting that falls back to its default and says so ---------------------------------

    private static final String JAVA = """
            package a;

            class LogBase {
                static void load(Properties properties) {
                    String text = properties.getProperty("level");
                    try {
                        TRY
                    } catch (CATCH e) {
                        BODY
                    }
                }
            }
            """;

    private static List<String> java(String tryBody, String caught, String body) {
        return items("src/main/java/a/LogBase.java",
                JAVA.replace("TRY", tryBody).replace("CATCH", caught).replace("BODY", body));
    }

    @Test
    void a_parsed_setting_that_keeps_its_default_and_says_so_is_not_reported() {
        assertEquals(List.of(), java("logLevel = Level.parse(text);", "IllegalArgumentException",
                "System.out.println(\"Log level \" + text + \" is invalid. Use default: \" + logLevel);"));
        assertEquals(List.of(), java("port = Integer.parseInt(text);", "NumberFormatException",
                "System.err.println(\"bad port \" + text + \", keeping \" + port);"));
    }

    @Test
    void an_empty_catch_or_printed_failure_of_other_work_is_still_reported() {
        assertEquals(List.of("8:ERR-01"), java("logLevel = Level.parse(text);", "IllegalArgumentException", ""));
        assertEquals(List.of("8:ERR-01"), java("ledger.append(Level.parse(text));", "IllegalArgumentException",
                "System.out.println(\"append failed\");"));
        assertEquals(List.of("8:ERR-01"), java("logLevel = Level.parse(text);", "Exception",
                "e.printStackTrace();"));
    }

    // --- K: example and demo programs, one policy --------------------------------------------------------------

    private static final String PROGRAM = """
            package main

            func main() {
            	go func() {
            		serve()
            	}()
            	_ = rdb.Set(ctx, "key", "value", 0).Err()
            	for _, f := range files {
            		fh, err := os.Open(f)
            		if err != nil {
            			return
            		}
            		defer fh.Close()
            	}
            }
            """;

    @Test
    void example_and_demo_programs_are_not_reviewed_for_runtime_items() {
        assertEquals(List.of(), goAt("example/tour/main.go", PROGRAM));
        assertEquals(List.of(), goAt("examples/chat/main.go", PROGRAM));
        assertEquals(List.of(), goAt("_examples/basic/main.go", PROGRAM));
        assertEquals(List.of(), goAt("sentinel-demo/basic/main.go", PROGRAM));
    }

    @Test
    void the_same_program_outside_an_example_folder_is_reviewed() {
        List<String> found = goAt("cmd/server/main.go", PROGRAM);
        assertEquals(List.of("13:RES-03", "4:CONC-01", "7:ERR-01"), found);
        // a Java package merely named example is real code
        String thread = """
                package com.example.billing;

                class Worker {
                    void start() {
                        new Thread(() -> run()).start();
                    }
                }
                """;
        assertEquals(List.of("5:CONC-01"), items("src/main/java/com/example/billing/Worker.java", thread));
        assertEquals(List.of(), items("billing-demo/src/main/java/com/acme/Worker.java", thread));
    }
}
