package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kb.format.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path root;
    private Path incidents;
    private Path checklist;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void content() throws IOException {
        incidents = Files.createDirectories(root.resolve("content/incidents"));
        checklist = Files.createDirectories(root.resolve("content/checklist"));
        Files.writeString(checklist.resolve("RES-01.md"), "---\nid: RES-01\ntitle: Close\narea: resources\nseverity: blocker\n---\nWhy.\n");
        Files.writeString(incidents.resolve("ok.md"), Fixture.withFront("checklist: [RES-01]\n"));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ValidateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void valid_files_exit_0_with_a_summary() {
        assertEquals(0, run(root.resolve("content").toString()));
        assertEquals(List.of("checked 2 files: 2 valid, 0 invalid, 0 problems"), lines());
    }

    @Test
    void each_problem_is_printed_as_file_line_message_and_the_exit_code_is_1() throws IOException {
        Path bad = incidents.resolve("bad.md");
        Files.writeString(bad, Fixture.withFront("checklist: [RES-09]\nstatus: done\n"));
        assertEquals(1, run(incidents.toString()));
        assertEquals(List.of(
                bad + ":6: checklist item 'RES-09' does not exist (existing RES- items: RES-01)",
                bad + ":7: status 'done' must be draft or published",
                "checked 2 files: 1 valid, 1 invalid, 2 problems"), lines());
    }

    @Test
    void files_in_a_checklist_folder_are_checked_as_checklist_items() throws IOException {
        Path item = checklist.resolve("RES-02.md");
        Files.writeString(item, "---\nid: RES-03\ntitle: T\narea: a\nseverity: advice\n---\nBody.\n");
        assertEquals(1, run(item.toString()));
        assertTrue(lines().get(0).startsWith(item + ":2: id 'RES-03' must equal the file name"), out.toString());
    }

    @Test
    void the_checklist_folder_can_be_given_explicitly() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("drafts"));
        Path file = elsewhere.resolve("x.md");
        Files.writeString(file, Fixture.withFront("checklist: [RES-01]\n"));
        assertEquals(0, run("--checklist", checklist.toString(), file.toString()));
        assertEquals(2, run("--checklist", root.resolve("missing").toString(), file.toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
    }

    @Test
    void without_a_checklist_folder_ids_are_not_checked_and_a_note_says_so() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("drafts/new"));
        Path file = elsewhere.resolve("x.md");
        Files.writeString(file, Fixture.withFront("checklist: [ZZ-99]\n"));
        assertEquals(0, run(file.toString()));
        assertTrue(err.toString().contains("not checked for existence"), err.toString());
    }

    @Test
    void a_missing_path_is_an_error() {
        assertEquals(1, run(root.resolve("nope.md").toString()));
        assertTrue(lines().get(0).endsWith("nope.md: no such file or folder"), out.toString());
    }

    @Test
    void two_postmortems_with_the_same_id_are_reported() throws IOException {
        Path copy = incidents.resolve("zz-copy.md");
        Files.writeString(copy, Fixture.VALID);
        assertEquals(1, run(incidents.toString()));
        assertTrue(lines().get(0).startsWith(copy + ":2: id 'db-pool-exhausted' is already used by "), out.toString());
    }

    @Test
    void help_and_usage_errors() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: validate"), out.toString());
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
    }
}
