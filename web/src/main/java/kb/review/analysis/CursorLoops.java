package kb.review.analysis;

import java.util.BitSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A log line in the body of a loop over a cursor whose header is above the hunk, known by what only such a body does
 * with its cursor. Go: the block closes and the next line checks the cursor's own error ({@code if err :=
 * rows.Err(); err != nil}, {@code scanner.Err()}, a driver's {@code cursor.Err()}), the check database/sql, bufio and
 * every Go iterator ask for right after {@code for rows.Next() {...}}. Java: the block takes the next element of an
 * iterator ({@code Entry e = it.next();}, the body of {@code while (it.hasNext())}), takes the next unit of a queue
 * or a reader (session 51: {@code jobs.take()}, {@code replies.poll(timeout, unit)}, {@code reader.readLine()}), or
 * reads a row of a result set
 * ({@code rows.getInt(1)}) and stores it into a collection, which a single-row read ({@code if (rs.next()) return
 * rs.getInt(1);}) never does. Such a loop walks a query's rows, a file's lines or a store's entries: its length is
 * the data's, so a line in it is the "once per element" LOG-01 names, whatever the rows are (a variable per server
 * refresh, a stale agent per search, a case index per loaded row, an expired registration per sweep). Git's three
 * lines of context start inside the body, where the log-in-loop pass finds no loop to walk up to. Real fixes of the
 * shape: rethinkgo's per-row query logging, omero-metadata's line per table row, norbert's line per expired entry.
 *
 * <p>Not this: a block whose opening line the hunk shows (the pass judges it from its header), a block at a
 * function's own level, a line on the failure branch of an if or in a catch (left to the failure-path readings), a
 * line behind a debug, sample or once-only test, a line followed in its block by a return or break, a context's
 * {@code ctx.Err()} (a deadline, not a cursor).
 */
final class CursorLoops {

    /**
     * Go: the check of a cursor's error after its loop, {@code if err := rows.Err(); err != nil} or
     * {@code if rows.Err() != nil}.
     */
    private static final Pattern GO_CURSOR_ERR = Pattern.compile(
            "^if\\s+(?:\\w+\\s*:?=\\s*)?([A-Za-z_]\\w*)\\.Err\\(\\)\\s*(?:;|!=)");
    /** Go names of contexts, whose Err is not a cursor's. */
    private static final Set<String> CONTEXTS = Set.of("ctx", "context", "c", "cctx", "parent");
    /** Java: the next element taken from an iterator at the body's level ({@code X x = it.next();}). */
    private static final Pattern JAVA_NEXT = Pattern.compile("=\\s*[a-z]\\w*\\.next\\(\\)");
    /**
     * (session 51, log51) Java: the next unit taken from a queue or a stream at the body's level, blocking until one
     * comes: {@code Job job = jobs.take();}, {@code Reply r = replies.poll(timeout, TimeUnit.SECONDS);}, {@code line =
     * reader.readLine();}, {@code Message m = consumer.receive(1000);}. A worker or consumer loop takes one per turn;
     * a bare {@code poll()} (no wait) and a {@code Future.get} are not read.
     */
    private static final Pattern JAVA_TAKE = Pattern.compile("=\\s*(?:this\\.)?[a-z]\\w*\\.(?:take\\(\\)|readLine\\(\\)"
            + "|poll\\(\\s*[\\w.]+\\s*,\\s*(?:TimeUnit\\.)?[A-Z]+\\s*\\)|receive\\(\\s*[\\w.]*\\s*\\))\\s*;");
    /** Java: a column read of a result set ({@code rs.getString(2)}, {@code rows.getLong("id")}). */
    private static final Pattern JAVA_ROW_READ = Pattern.compile("\\b\\w*(?i:rs|rows?|resultSet|results?)\\.get"
            + "(?:String|Int|Long|Double|Float|Boolean|Short|Byte|Bytes|BigDecimal|Date|Timestamp|Time|Object)\\(");
    /** Java: a row stored into a collection. */
    private static final Pattern JAVA_STORE = Pattern.compile(
            "\\.(?:add|put|addAll|putIfAbsent|merge|offer|computeIfAbsent)\\(");
    /** The most shown lines read above or below the log line. */
    private static final int REACH = 15;

    private CursorLoops() {
    }

    /** True when the call {@code log} is in such a body; {@code known} are the lines the diff shows (null: all). */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known, boolean go) {
        int row = log.getStartPoint().getRow(); // 0-based; line numbers are row + 1
        if (known == null || !known.get(row + 1)) {
            return false; // a whole file shows its loops
        }
        Lines lines = new Lines(src, log.getStartByte(), row);
        int depth = TalliedBlocks.indent(lines.text(row), go);
        int least = go ? 2 : 12; // Go: two tabs; Java: a class, a method and a block, four columns each
        if (depth < least) {
            return false;
        }
        // above: the shown run up to the hunk's first line stays inside one block (its body level is the run's least
        // indentation), so its opening line is above the hunk
        int body = depth;
        int top = row;
        int at = row - 1;
        for (; at >= 0 && row - at <= REACH && known.get(at + 1); at--) {
            String text = lines.text(at);
            if (!text.isBlank()) {
                body = Math.min(body, TalliedBlocks.indent(text, go));
                top = at;
            }
        }
        if (at >= 0 && known.get(at + 1) || body < least) {
            return false; // the run goes on beyond the reach: where the block opens is not known
        }
        boolean cursor = go ? closesIntoCursorCheck(lines, row, body, known, go)
                : javaCursorBody(lines, top, row, body, known, go);
        return cursor && perIteration(log, src, top, go);
    }

    /** Go: below the line, the block at {@code body} closes and the next line checks a cursor's Err. */
    private static boolean closesIntoCursorCheck(Lines lines, int row, int body, BitSet known, boolean go) {
        for (int at = row + 1; at - row <= REACH && known.get(at + 1) && lines.exists(at); at++) {
            String text = lines.text(at);
            if (text.isBlank()) {
                continue;
            }
            int d = TalliedBlocks.indent(text, go);
            if (d >= body) {
                continue;
            }
            if (d != body - 1 || !text.strip().equals("}")) {
                return false;
            }
            for (int next = at + 1; next - at <= 2 && known.get(next + 1) && lines.exists(next); next++) {
                String after = lines.text(next);
                if (after.isBlank()) {
                    continue;
                }
                Matcher m = GO_CURSOR_ERR.matcher(after.strip());
                return TalliedBlocks.indent(after, go) == d && m.find() && !CONTEXTS.contains(m.group(1));
            }
            return false;
        }
        return false;
    }

    /**
     * Java: a line at the body's level above the log takes an iterator's next element, or reads a row's column while
     * a line of the block stores into a collection.
     */
    private static boolean javaCursorBody(Lines lines, int top, int row, int body, BitSet known, boolean go) {
        boolean read = false;
        boolean stored = false;
        int depth = TalliedBlocks.indent(lines.text(row), go);
        for (int at = row - 1; at > top; at--) {
            // (session 51) a take in the line's own block, opened in sight below the loop's body ({@code try {})
            String text = lines.text(at);
            if (text.isBlank()) {
                continue;
            }
            int d = TalliedBlocks.indent(text, go);
            if (d < depth) {
                break;
            }
            if (d == depth && JAVA_TAKE.matcher(text).find()) {
                return true;
            }
        }
        for (int at = top; at < row; at++) {
            String text = lines.text(at);
            if (TalliedBlocks.indent(text, go) != body) {
                continue;
            }
            if (JAVA_NEXT.matcher(text).find() || JAVA_TAKE.matcher(text).find()) {
                return true;
            }
            read |= JAVA_ROW_READ.matcher(text).find();
            stored |= JAVA_STORE.matcher(text).find();
        }
        for (int at = row + 1; read && !stored && at - row <= REACH && known.get(at + 1) && lines.exists(at); at++) {
            String text = lines.text(at);
            if (!text.isBlank() && TalliedBlocks.indent(text, go) < body) {
                break;
            }
            stored = TalliedBlocks.indent(text, go) == body && JAVA_STORE.matcher(text).find();
        }
        return read && stored;
    }

    /**
     * The statements between the log and the hidden block (those starting on a shown row from {@code top} on) let
     * the line run per element: no failure branch, catch, debug or sample test, no exit after it, no callback.
     */
    static boolean perIteration(SyntaxNode log, byte[] src, int top, boolean go) {
        SyntaxNode child = log;
        for (SyntaxNode p = log.getParent(); p != null && !p.isNull() && p.getStartPoint().getRow() >= top;
             p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") || t.equals("lambda_expression") || t.equals("catch_clause")
                    || RareBranches.onFailurePath(p, child, src, go, log) || RareBranches.underDebugGuard(p, child, src)
                    || LoopGuards.sampled(p, child, src, go) || LoopGuards.latched(p, child, src)
                    || LoopGuards.leavesLoop(p, child)) {
                return false;
            }
            child = p;
        }
        return true;
    }

    /**
     * The lines within {@link #REACH} (and the two after a closing brace) of one row, found by walking the source's
     * bytes from the log's offset: a log line costs the few lines read around it, not a split of the whole file.
     */
    private static final class Lines {
        private final byte[] src;
        private final int first;
        private final int[] starts;
        private final int[] ends;

        Lines(byte[] src, int offset, int row) {
            this.src = src;
            int start = offset;
            while (start > 0 && src[start - 1] != '\n') {
                start--;
            }
            int above = 0;
            int s = start;
            while (above < REACH + 1 && s > 0) { // step back a line at a time
                s--;
                while (s > 0 && src[s - 1] != '\n') {
                    s--;
                }
                above++;
            }
            first = row - above;
            int count = above + 2 * REACH + 4;
            starts = new int[count];
            ends = new int[count];
            int n = 0;
            for (int at = s; n < count && at <= src.length; n++) {
                int end = at;
                while (end < src.length && src[end] != '\n') {
                    end++;
                }
                starts[n] = at;
                ends[n] = end;
                at = end + 1;
            }
            java.util.Arrays.fill(starts, n, count, -1);
        }

        boolean exists(int row) {
            int i = row - first;
            return i >= 0 && i < starts.length && starts[i] >= 0;
        }

        String text(int row) {
            return exists(row) ? new String(src, starts[row - first], ends[row - first] - starts[row - first],
                    java.nio.charset.StandardCharsets.UTF_8) : "";
        }
    }
}
