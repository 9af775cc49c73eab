package kb.incidents;

import kb.format.Problem;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import of postmortem and checklist files did, file by file.
 *
 * @param files    one result per file, in the order they were read
 * @param unlisted incidents unlisted because their bundled file is gone (0 for the {@code import} command)
 */
public record ImportReport(List<FileResult> files, int unlisted) {

    /** What happened to one file. */
    public enum Outcome { ADDED, UPDATED, UNCHANGED, INVALID, CONFLICT }

    /** One file's result; {@code problems} are empty unless the file is invalid; {@code id} may be null then. */
    public record FileResult(Path file, String id, Outcome outcome, List<Problem> problems) {
    }

    public long count(Outcome o) {
        return files.stream().filter(f -> f.outcome() == o).count();
    }

    /** True when no file was invalid. */
    public boolean ok() {
        return count(Outcome.INVALID) == 0;
    }
}
