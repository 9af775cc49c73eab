import java.nio.file.*;
import java.util.*;
import kb.review.diff.*;
import kb.review.engine.*;
import kb.review.rules.RuleBook;

/**
 * Reviews every .diff of a folder in one JVM, as pasted diffs, and prints each active finding with its code line:
 * {@code java -cp target/postmortem-kb.jar web/src/test/bench/realfixes/ProbeDiffs.java content DIR}.
 */
public class ProbeDiffs {
    public static void main(String[] args) throws Exception {
        Reviewer reviewer = new Reviewer(RuleBook.load(Path.of(args[0])));
        List<Path> diffs;
        try (var s = Files.list(Path.of(args[1]))) { diffs = s.filter(p -> p.toString().endsWith(".diff")).sorted().toList(); }
        int total = 0, withFindings = 0;
        for (Path p : diffs) {
            byte[] bytes = Files.readAllBytes(p);
            List<SourceFile> files;
            try { files = DiffParser.parse(bytes).stream().map(SourceFile::fromDiff).toList(); }
            catch (Exception e) { System.out.println("## " + p.getFileName() + " PARSE " + e.getMessage()); continue; }
            Review r = reviewer.review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED);
            var fs = r.findings().stream().filter(f -> f.suppression() == null).toList();
            if (fs.isEmpty()) continue;
            withFindings++;
            System.out.println("## " + p.getFileName());
            for (Finding f : fs) {
                total++;
                System.out.println("- " + f.item() + " " + f.rule() + " " + f.confidence() + " " + f.path() + ":" + f.line()
                        + " | " + (f.code() == null ? "" : f.code().strip()) + " | " + f.message().replace('\n', ' '));
            }
        }
        System.out.println("TOTAL findings " + total + " in " + withFindings + " of " + diffs.size() + " diffs");
    }
}
