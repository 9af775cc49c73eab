package kb.review.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Diffs as people paste them: the shapes other tools than a bare {@code git diff} give, and what a paste adds. */
class PastedDiffShapesTest {

    private static final String HUNK = "@@ -1,2 +1,3 @@\n package store\n+var cache = map[string]int{}\n func Get() {}\n";

    private static List<String> paths(String diff) throws DiffFormatException {
        return DiffParser.parse(diff).stream().map(f -> f.oldPath() + " -> " + f.path()).toList();
    }

    @Test
    void a_quoted_path_with_the_tab_git_writes_after_a_space_is_the_real_path_and_is_reviewed_as_go()
            throws DiffFormatException {
        String diff = "diff --git \"a/my store/caf\\303\\251.go\" \"b/my store/caf\\303\\251.go\"\n"
                + "--- \"a/my store/caf\\303\\251.go\"\t\n+++ \"b/my store/caf\\303\\251.go\"\t\n" + HUNK
                + "diff --git a/my store/plain.go b/my store/plain.go\n--- a/my store/plain.go\t\n"
                + "+++ b/my store/plain.go\t\n" + HUNK;
        List<ChangedFile> files = DiffParser.parse(diff);
        assertEquals(List.of("my store/café.go", "my store/plain.go"), files.stream().map(ChangedFile::path).toList());
        assertEquals(Language.GO, files.get(0).language());
    }

    @Test
    void a_diff_written_without_prefixes_keeps_every_folder_of_its_paths() throws DiffFormatException {
        // git diff --no-prefix: a test folder and a vendored file must keep the folders that say what they are
        String noPrefix = "diff --git src/test/java/StoreTest.java src/test/java/StoreTest.java\n"
                + "--- src/test/java/StoreTest.java\n+++ src/test/java/StoreTest.java\n" + HUNK
                + "diff --git vendor/lib/x.go vendor/lib/x.go\nnew file mode 100644\n--- /dev/null\n"
                + "+++ vendor/lib/x.go\n@@ -0,0 +1 @@\n+package lib\n";
        assertEquals(List.of("src/test/java/StoreTest.java -> src/test/java/StoreTest.java",
                "vendor/lib/x.go -> vendor/lib/x.go"), paths(noPrefix));
        // svn diff: no prefixes, the revision after a tab
        String svn = "Index: pkg/store/get.go\n=====\n--- pkg/store/get.go\t(revision 12)\n"
                + "+++ pkg/store/get.go\t(working copy)\n" + HUNK;
        assertEquals(List.of("pkg/store/get.go -> pkg/store/get.go"), paths(svn));
    }

    @Test
    void prefixes_are_still_dropped_whatever_their_names_also_from_a_folder_named_like_one()
            throws DiffFormatException {
        String other = "diff -ruN old/pkg/get.go new/pkg/get.go\n--- old/pkg/get.go\t2026-12-01 10:00:00 +0000\n"
                + "+++ new/pkg/get.go\t2026-12-01 10:05:00 +0000\n" + HUNK;
        assertEquals(List.of("pkg/get.go -> pkg/get.go"), paths(other));
        String folderA = "diff --git a/a/get.go b/a/get.go\n--- a/a/get.go\n+++ b/a/get.go\n" + HUNK
                + "diff --git a/fresh.go b/fresh.go\nnew file mode 100644\n--- /dev/null\n+++ b/fresh.go\n"
                + "@@ -0,0 +1 @@\n+package fresh\n";
        assertEquals(List.of("a/get.go -> a/get.go", "null -> fresh.go"), paths(folderA).stream()
                .map(p -> p.startsWith("fresh.go") ? "null -> fresh.go" : p).toList());
    }

    @Test
    void blank_lines_after_a_complete_hunk_end_it_at_the_end_of_a_paste_and_between_files()
            throws DiffFormatException {
        String one = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n" + HUNK;
        List<ChangedFile> files = DiffParser.parse(one + "\n  \n" + one.replace("a.go", "b.go") + "\n\n");
        assertEquals(List.of("a.go", "b.go"), files.stream().map(ChangedFile::path).toList());
        assertEquals(3, files.get(1).hunks().get(0).lines().size());
    }

    @Test
    void a_markdown_fence_and_prose_around_the_diff_are_not_part_of_it() throws DiffFormatException {
        String diff = "Please look at this:\n\n```diff\ndiff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n" + HUNK
                + "```\n";
        assertEquals("{2}", DiffParser.parse(diff).get(0).addedLines().toString());
    }

    @Test
    void a_line_past_what_the_hunk_counts_is_refused_at_that_line() {
        String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,2 +1,3 @@\n package store\n"
                + "+var cache = 1\n func Get() {}\n+var extra = 2\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("one more than the hunk at line 4"), e.getMessage());
    }

    @Test
    void a_hunk_cut_off_by_the_copy_is_refused_saying_so_at_its_header() {
        String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,4 +1,5 @@\n package store\n+var x = 1\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
    }

    @Test
    void commits_pasted_one_after_another_that_change_a_file_twice_are_refused_naming_both_headers() {
        String first = "From 1111 Mon Sep 17 00:00:00 2001\nSubject: [PATCH 1/2] add\n---\n"
                + "diff --git a/a.go b/a.go\nnew file mode 100644\n--- /dev/null\n+++ b/a.go\n@@ -0,0 +1,2 @@\n"
                + "+package store\n+func Get() {}\n-- \n2.40.0\n\n";
        String second = "From 2222 Mon Sep 17 00:00:00 2001\nSubject: [PATCH 2/2] fix\n---\n"
                + "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n" + HUNK + "-- \n2.40.0\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(first + second));
        assertEquals(17, e.line());
        assertTrue(e.getMessage().contains("'a.go' is changed again here after line 4")
                && e.getMessage().contains("git diff base...branch"), e.getMessage());
    }

    @Test
    void a_file_deleted_and_added_again_in_one_diff_is_one_change_not_a_series() throws DiffFormatException {
        // git shows a file replaced by a symbolic link as its deletion and an addition
        String diff = "diff --git a/conf.go b/conf.go\ndeleted file mode 100644\n--- a/conf.go\n+++ /dev/null\n"
                + "@@ -1 +0,0 @@\n-package conf\ndiff --git a/conf.go b/conf.go\nnew file mode 120000\n"
                + "--- /dev/null\n+++ b/conf.go\n@@ -0,0 +1 @@\n+real/conf.go\n\\ No newline at end of file\n";
        assertEquals(2, DiffParser.parse(diff).size());
    }

    @Test
    void terminal_colour_codes_of_git_diff_color_always_are_dropped() throws DiffFormatException {
        String diff = "\u001b[1mdiff --git a/a.go b/a.go\u001b[m\n\u001b[1m--- a/a.go\u001b[m\n"
                + "\u001b[1m+++ b/a.go\u001b[m\n\u001b[36m@@ -1,2 +1,3 @@\u001b[m\n package store\n"
                + "\u001b[32m+\u001b[m\u001b[32mvar cache = 1\u001b[m\n func Get() {}\n";
        ChangedFile f = DiffParser.parse(diff).get(0);
        assertEquals("a.go", f.path());
        assertEquals("var cache = 1", f.hunks().get(0).lines().get(1).text());
    }

    @Test
    void lines_of_a_file_kept_in_latin_1_keep_their_letters_beside_utf_8_lines() throws DiffFormatException {
        byte[] latin1 = "+// r\u00e9sum\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] utf8 = "+// caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream diff = new java.io.ByteArrayOutputStream();
        diff.writeBytes("diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1 +1,3 @@\n package store\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        diff.writeBytes(latin1);
        diff.writeBytes(utf8);
        List<DiffLine> lines = DiffParser.parse(diff.toByteArray()).get(0).hunks().get(0).lines();
        assertEquals(List.of("package store", "// r\u00e9sum\u00e9", "// caf\u00e9"),
                lines.stream().map(DiffLine::text).toList());
    }
}
