package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a call is mapped onto the checkout: Go import paths onto folders, Java type names onto class files. */
class CheckoutHelpersLookupTest {

    private static CheckoutHelpers over(Map<String, String> files) {
        return new CheckoutHelpers(Callers.of(() -> files));
    }

    @Test
    void go_import_paths_map_onto_the_folder_of_the_longest_module_path_and_its_local_replacements() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", "module example.com/app\n\ngo 1.19\n\nreplace (\n\texample.com/shared => ../shared\n"
                + "\texample.com/kit v1.2.0 => ./third_party/kit\n)\n");
        files.put("tools/go.mod", "module example.com/app/tools\n");
        files.put("api/v2/go.mod", "module \"example.com/api/v2\"\n");
        CheckoutHelpers h = over(files);
        assertEquals("store", h.folderOf("example.com/app/store"));
        assertEquals("", h.folderOf("example.com/app"));
        assertEquals("tools/gen", h.folderOf("example.com/app/tools/gen"));
        assertEquals("api/v2/client", h.folderOf("example.com/api/v2/client"));
        assertEquals("third_party/kit/log", h.folderOf("example.com/kit/log"));
        // outside the checkout, or climbing out of it: unknown, unless a module vendors it
        assertNull(h.folderOf("github.com/lib/pq"));
        files.put("vendor/github.com/lib/pq/conn.go", "package pq\n");
        assertEquals("vendor/github.com/lib/pq", over(files).folderOf("github.com/lib/pq"));
        assertNull(h.folderOf("example.com/shared/x"));
        assertNull(h.folderOf("example.com/application/x"));
    }

    @Test
    void a_go_file_names_imported_packages_by_alias_or_by_their_package_clause() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", "module example.com/app\n");
        files.put("internal/db/tx.go", "package dbutil\n\nfunc End(tx any) {}\n");
        files.put("internal/db/tx_test.go", "package dbutil_test\n");
        files.put("pkg/log/v2/log.go", "package log\n");
        String caller = "package api\n\nimport (\n\t\"fmt\"\n\tx \"example.com/app/pkg/log/v2\"\n"
                + "\t\"example.com/app/internal/db\"\n)\n";
        Map<String, String> imports = over(files).goImports("api/h.go", caller);
        assertEquals(Map.of("x", "pkg/log/v2", "dbutil", "internal/db"), imports);
        assertEquals(1, over(files).go("api/h.go", caller, "dbutil", null, "End").size());
    }

    @Test
    void a_java_type_is_found_by_import_package_wildcard_or_a_unique_simple_name() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a/src/main/java/acme/tx/TxSupport.java", "package acme.tx;\npublic class TxSupport {}\n");
        files.put("a/src/main/java/acme/web/Local.java", "package acme.web;\nclass Local {}\n");
        files.put("b/src/main/java/other/Dup.java", "package other;\nclass Dup {}\n");
        files.put("c/src/main/java/third/Dup.java", "package third;\nclass Dup {}\n");
        CheckoutHelpers h = over(files);
        String caller = "package acme.web;\n\nimport acme.tx.TxSupport;\nimport other.*;\n";
        assertEquals("a/src/main/java/acme/tx/TxSupport.java", h.javaFile("W.java", caller, "TxSupport"));
        assertEquals("a/src/main/java/acme/web/Local.java", h.javaFile("W.java", caller, "Local"));
        assertEquals("b/src/main/java/other/Dup.java", h.javaFile("W.java", caller, "Dup"));
        // two classes of that name and nothing in the file says which: unknown
        assertNull(h.javaFile("V.java", "package z;\n", "Dup"));
        assertEquals(List.of(), h.declared("a/src/main/java/acme/tx/TxSupport.java", false, "TxSupport", "none"));
    }
    @Test
    void a_broken_go_mod_or_import_block_is_an_unknown_helper_not_an_error() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("go.mod", "module\nreplace => \n\u0000 ((\n");
        files.put("x/go.mod", "");
        CheckoutHelpers h = over(files);
        assertNull(h.folderOf("example.com/app/x"));
        assertEquals(Map.of(), h.goImports("a.go", "package a\nimport (\n\t\"unterminated\n"));
        assertEquals(List.of(), h.go("a.go", "package a\nimport \"\"\n", "", null, "F"));
        assertNull(h.javaFile("A.java", "package ;\nimport static .*;\n", ".."));
    }
}
