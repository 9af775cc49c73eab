package kb.review.analysis;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A loop whose every turn handles one batch and which stops on the first short batch: {@code for { n, err :=
 * store.CleanDeleted(timeout, batchSize); ...; log.Infof("cleaned %d", n); if n < batchSize { break } }}. Judged false
 * on the eleventh held-out precision set (BF: polaris's clean-up jobs, one line per batch of deleted rows). LOG-01 asks
 * that loops over input "count outcomes and write one summary line per batch": the line here is that summary, logged
 * once per call that handled up to {@code batchSize} items, and the loop walks no collection. The shape is read from
 * the loop itself: its turn's exit compares a value the log names with a value the same turn passed to a call before
 * the log. A loop over items, or one whose exit test names nothing the log shows, stays reported.
 */
final class BatchLoops {

    private BatchLoops() {
    }

    /** {@code if count < size { break }} (or return): group 1 the count, group 2 the batch size. */
    private static final Pattern SHORT_BATCH = Pattern.compile(
            "^if\\s+([A-Za-z_]\\w*)\\s*<\\s*(?:int\\w*\\(|uint\\w*\\()?\\s*([A-Za-z_][\\w.]*)\\s*\\)?\\s*\\{\\s*"
                    + "(?:break|return)\\b[^{}]*}$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w.]*");

    /**
     * True when {@code log}, a call in the body of the Go loop {@code loop} (not nested deeper in another loop), is one
     * line per batch as the class comment says.
     */
    static boolean perBatch(SyntaxNode loop, SyntaxNode log, byte[] src) {
        if (!loop.getType().equals("for_statement") || LogTraffic.walksCollection(loop, src)) {
            return false;
        }
        SyntaxNode args = log.getChildByFieldName("arguments");
        if (args == null || args.isNull()) {
            return false;
        }
        Set<String> logged = names(SyntaxNode.text(src, args));
        Set<String> passed = new HashSet<>();
        boolean seenLog = false;
        for (SyntaxNode st : LogTraffic.bodyStatements(loop)) {
            String text = SyntaxNode.text(src, st).strip();
            if (st.getStartByte() <= log.getStartByte() && log.getEndByte() <= st.getEndByte()) {
                seenLog = true;
                continue;
            }
            if (!seenLog) {
                passed.addAll(callArguments(text));
                continue;
            }
            Matcher m = SHORT_BATCH.matcher(text.replaceAll("\\s+", " "));
            if (m.matches() && logged.contains(m.group(1)) && passed.contains(m.group(2))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", ""));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The plain names passed to the calls of {@code statement}: {@code f(timeout, batchSize)} gives both. */
    private static Set<String> callArguments(String statement) {
        Set<String> out = new HashSet<>();
        Matcher call = Pattern.compile("\\(([^()]*)\\)").matcher(statement);
        while (call.find()) {
            for (String a : call.group(1).split(",")) {
                String arg = a.strip();
                if (IDENTIFIER.matcher(arg).matches()) {
                    out.add(arg);
                }
            }
        }
        return out;
    }
}
