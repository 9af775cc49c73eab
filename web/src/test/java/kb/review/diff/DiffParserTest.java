package kb.review.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffParserTest {

    @Test
    void format_patch_mail_with_rename_new_deleted_binary_and_no_newline_marker_is_read_file_by_file()
            throws DiffFormatException {
        String diff = """
                From 1234 Mon Sep 17 00:00:00 2001
                From: Dev <dev@example.com>
                Subject: [PATCH] move and fix

                ---
                 a.go | 2 +-

                diff --git a/a.go b/a.go
                index 111..222 100644
                --- a/a.go
                +++ b/a.go
                @@ -1,3 +1,3 @@
                 package a
                -var x = 1
                +var x = 2
                 func f() {}
                \\ No newline at end of file
                diff --git a/old.go b/pkg/new.go
                similarity index 90%
                rename from old.go
                rename to pkg/new.go
                --- a/old.go
                +++ b/pkg/new.go
                @@ -5,2 +5,3 @@ func g() {
                 a
                +b
                 c
                diff --git a/img.png b/img.png
                new file mode 100644
                index 000..111
                Binary files /dev/null and b/img.png differ
                diff --git a/gone.go b/gone.go
                deleted file mode 100644
                --- a/gone.go
                +++ /dev/null
                @@ -1,1 +0,0 @@
                -package gone
                diff --git a/fresh.go b/fresh.go
                new file mode 100644
                --- /dev/null
                +++ b/fresh.go
                @@ -0,0 +1,2 @@
                +package fresh
                +var y = 1
                --\s
                2.40.0
                """;
        List<ChangedFile> files = DiffParser.parse(diff);
        assertEquals(List.of("a.go", "pkg/new.go", "img.png", "gone.go", "fresh.go"),
                files.stream().map(ChangedFile::path).toList());
        assertEquals(List.of(ChangedFile.Change.MODIFIED, ChangedFile.Change.RENAMED, ChangedFile.Change.ADDED,
                ChangedFile.Change.DELETED, ChangedFile.Change.ADDED),
                files.stream().map(ChangedFile::change).toList());
        assertEquals("old.go", files.get(1).oldPath());
        assertTrue(files.get(2).binary());
        assertEquals("{2}", files.get(0).addedLines().toString());
        assertEquals("{6}", files.get(1).addedLines().toString());
        assertEquals("{}", files.get(3).addedLines().toString());
        assertEquals("{1, 2}", files.get(4).addedLines().toString());
        assertEquals("func f() {}", files.get(0).hunks().get(0).lines().get(3).text());
    }

    @Test
    void crlf_line_ends_from_a_browser_form_are_dropped_and_paths_stay_clean() throws DiffFormatException {
        String diff = "diff --git a/x.go b/x.go\r\n--- a/x.go\r\n+++ b/x.go\r\n@@ -1,1 +1,2 @@\r\n package x\r\n"
                + "+var z = 1\r\n";
        ChangedFile f = DiffParser.parse(diff).get(0);
        assertEquals("x.go", f.path());
        assertEquals("var z = 1", f.hunks().get(0).lines().get(1).text());
    }

    @Test
    void carriage_returns_inside_file_content_are_stripped_from_line_text() throws DiffFormatException {
        String diff = "diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -1,1 +1,2 @@\n package x\r\n"
                + "+var z = 1\r\n";
        assertEquals("var z = 1", DiffParser.parse(diff).get(0).hunks().get(0).lines().get(1).text());
    }

    @Test
    void an_empty_or_blank_diff_has_no_files() throws DiffFormatException {
        assertEquals(List.of(), DiffParser.parse(""));
        assertEquals(List.of(), DiffParser.parse("\n  \n"));
    }

    @Test
    void text_that_is_not_a_diff_is_rejected_naming_its_first_line() {
        DiffFormatException e = assertThrows(DiffFormatException.class,
                () -> DiffParser.parse("\nhello world\nthis is not a patch\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not a unified diff"), e.getMessage());
    }

    @Test
    void a_merge_commits_combined_diff_is_rejected_at_its_file_header_saying_what_to_review_instead() {
        String diff = "commit 1\n\ndiff --cc worker/pool.go\nindex 1a2b3c4,5d6e7f8..9a0b1c2\n--- a/worker/pool.go\n"
                + "+++ b/worker/pool.go\n@@@ -1,3 -1,3 +1,3 @@@\n  package worker\n- old()\n -other()\n++merged()\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("combined diff of a merge commit")
                && e.getMessage().contains("git diff <merge>^1 <merge>"), e.getMessage());
    }

    @Test
    void a_hunk_shorter_than_its_header_promises_is_rejected_at_the_hunk_header_line() {
        String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,4 @@\n package a\n+x\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("diff line 4: "), e.getMessage());
    }

    @Test
    void a_malformed_hunk_header_is_rejected_at_its_line() {
        String diff = "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,x +1,1 @@\n package a\n";
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff));
        assertEquals(4, e.line());
    }

    @Test
    void a_plain_diff_u_without_git_headers_is_read() throws DiffFormatException {
        String diff = "--- a/src/Main.java\n+++ b/src/Main.java\n@@ -1,1 +1,2 @@\n class Main {\n+  int x;\n";
        ChangedFile f = DiffParser.parse(diff).get(0);
        assertEquals("src/Main.java", f.path());
        assertEquals(Language.JAVA, f.language());
        assertEquals("{2}", f.addedLines().toString());
    }
}
