package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, round 14's class of a text decoder whose error is dropped (go-35 of {@code heldout14}):
 * {@code key, _ := base64.StdEncoding.DecodeString(s)} then used. A malformed input decodes to nothing and the code
 * goes on with an empty value, the item's "the caller carries on with bad state". Look-alikes: the error checked, the
 * value tested before use, and a comment on the line saying why the error may go.
 */
class GoTextDecodeErrorTest {

    private static String lookup(String decode, String test) {
        return GoRound8ClassesTest.file("keys/lookup.go", """
                import (
                	"encoding/base64"
                	"net/http"
                )

                func (s *Store) handleLookup(w http.ResponseWriter, r *http.Request) {
                	var ids [][]byte
                	for _, q := range r.URL.Query()["id"] {
                %s
                %s
                		ids = append(ids, id)
                	}
                	s.write(w, s.find(r.Context(), ids))
                }
                """.formatted(decode, test));
    }

    @Test
    void a_dropped_decode_error_whose_value_is_used_is_found() {
        assertEquals(List.of("11:go-text-decode-error-discarded"), GoRound8ClassesTest.item(
                lookup("\t\tid, _ := base64.RawURLEncoding.DecodeString(q)", ""), "ERR-01"));
    }

    @Test
    void a_checked_decode_error_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(lookup("\t\tid, err := base64.RawURLEncoding.DecodeString(q)",
                "\t\tif err != nil {\n\t\t\thttp.Error(w, \"bad id\", http.StatusBadRequest)\n\t\t\treturn\n\t\t}"),
                "ERR-01"));
    }

    @Test
    void a_value_tested_before_use_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(lookup("\t\tid, _ := base64.RawURLEncoding.DecodeString(q)",
                "\t\tif len(id) == 0 {\n\t\t\tcontinue\n\t\t}"), "ERR-01"));
    }

    @Test
    void a_comment_saying_why_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(lookup(
                "\t\tid, _ := base64.RawURLEncoding.DecodeString(q) // validated by the router's pattern", ""),
                "ERR-01"));
    }
}
