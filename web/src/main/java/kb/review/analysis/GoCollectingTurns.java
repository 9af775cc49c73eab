package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 47, log47) A Go log line in a block whose opening line is above the hunk, known to be the turn of a loop by
 * the work the block does once per element: it grows a slice the lines in view never declare by one value
 * ({@code fills = append(fills, fill)}), it takes the next unit from a stream ({@code line, err :=
 * br.ReadBytes('\n')}, {@code n, addr, err := conn.ReadFrom(buf)}, {@code msg, err := stream.Recv()}; session 51: or
 * cuts its buffer to the count a read returned, {@code b := buff[:n]}, the read itself above the hunk), or it starts one
 * worker for the element ({@code wg.Add(1)} and a {@code go} statement handed an argument). Collecting, reading the
 * next unit and fanning out per element are what loop bodies do: outside a loop each would do its work once, which no
 * one writes in a nested block. The line beside them runs once per element, LOG-01's "once per element of a loop",
 * though git's three lines of context start below the loop's header. Real fixes lowered such lines: optimizely/agent
 * (a feature decision logged beside {@code decideOuts = append(...)}), Panurus's signer loop (a line per request
 * received by {@code stream.Recv}), openziti's echo server (a line per string read). {@link CollectedTurnDefers} reads
 * the same collecting block for a defer; {@link GoChannelLoops}, {@link ContinuedLoops} and {@link TalliedBlocks}
 * read other signs of a hidden loop.
 *
 * <p>Not this: a block whose opening line the hunk shows (an {@code if}, a loop, a case or a function: the tree
 * judges it), a line at the function's top level, a slice declared in view or a field's slice, an append of literal
 * options ({@code args = append(args, "--tenant", id)}), a one-shot read of a whole body or file ({@code io.ReadAll},
 * {@code os.ReadFile}), a goroutine started with no argument (a background worker started once), and a line in a
 * branch, in a callback or behind a sample or debug test.
 */
final class GoCollectingTurns {

    /** {@code xs = append(xs, v)}: one value, not a string literal (an option or a flag). */
    private static final Pattern APPEND = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*=\\s*append\\(\\s*(\\w+)\\s*,\\s*[^\"`\\s]");
    /** A read of the next unit of a stream, assigned: {@code line, err := br.ReadBytes('\n')}. */
    private static final Pattern READ = Pattern.compile("^\\s*\\w+(?:\\s*,\\s*\\w+)*\\s*:?=\\s*[\\w.()\\[\\]]+\\."
            + "(?:Read|ReadBytes|ReadString|ReadLine|ReadRune|ReadSlice|ReadMessage|ReadMsg|ReadPacket|ReadFrom"
            + "|ReadFromUDP|ReadJSON|ReadFrame|ReadRecord|ReadEvent|Recv|RecvMsg|RecvFrom|Receive|ReceiveMessage"
            + "|NextMessage|NextMsg|NextEvent|NextRecord|NextFrame|NextPacket|Accept|AcceptTCP)\\(");
    /**
     * (session 51, log51) The bytes of this turn's read, cut from the buffer by the count the read returned: {@code b
     * := buff[:n]}, {@code dst.Write(buf[:n])}, {@code append([]byte(nil), buffer[:read]...)}. A read loop slices its
     * buffer so once per chunk or datagram; the read itself may be above the hunk. Not a buffer truncated in place
     * ({@code buf = buf[:n]}), nor a bound that is not a read count ({@code name[:max]}).
     */
    private static final Pattern READ_SLICE = Pattern.compile("(?<![\\w.])(?:b|bs|buf\\w*|buff\\w*|buffer\\w*|\\w+Buf(?:fer)?"
            + "|data|chunk|packet|pkt|tmp|scratch|raw)\\[\\s*(?:0\\s*)?:\\s*(?:n|nr|nn|nread|nRead|read|readN|bytesRead"
            + "|numRead|readBytes|count)\\s*\\]");
    /** {@code buf = buf[:n]}: a truncation in place, not a turn's chunk. */
    private static final Pattern SELF_SLICE = Pattern.compile("^\\s*(\\w+)\\s*=\\s*(\\w+)\\[[^\\]]*\\]\\s*$");
    private static final Pattern WAIT_GROUP_ADD = Pattern.compile("^\\s*[\\w.]+\\.Add\\(\\s*1\\s*\\)\\s*$");
    /** A goroutine handed the element: {@code go func(h Handler) {}, {@code go w.send(item)}. */
    private static final Pattern GO_WITH_ARGUMENT = Pattern.compile("^\\s*go\\s+(?:func\\s*\\(\\s*\\w|[\\w.]+\\(\\s*[^)\\s])");

    private GoCollectingTurns() {
    }

    /** True when the log call {@code log} is in such a block; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow();
        if (known == null || log.getStartPoint().getColumn() < 2 || !known.get(row + 1)) {
            return false;
        }
        if (GoChannelLoops.enclosed(log, src)) {
            return readBranch(log, src, known);
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length || GoChannelLoops.tabs(lines[row]) < 2) {
            return false;
        }
        int depth = GoChannelLoops.tabs(lines[row]);
        int top = row - 1;
        for (; top >= 0 && known.get(top + 1); top--) {
            if (!lines[top].isBlank() && GoChannelLoops.tabs(lines[top]) < depth) {
                return false; // the block opens in sight: the tree has judged its header
            }
        }
        if (top < 0) {
            return false; // the whole file is in view, and it does not open the block
        }
        List<String> block = new ArrayList<>(); // the block's own statements in view, the line's call left out
        for (int at = top + 1; at < lines.length && known.get(at + 1); at++) {
            String text = lines[at];
            if (at >= row && at <= log.getEndPoint().getRow() || text.isBlank()) {
                continue;
            }
            int d = GoChannelLoops.tabs(text);
            if (d < depth) {
                break;
            }
            if (d == depth) {
                block.add(text);
            }
        }
        boolean adds = false;
        boolean spawns = false;
        for (String s : block) {
            Matcher m = APPEND.matcher(s);
            if (m.find() && m.group(1).equals(m.group(2))
                    && !CollectedTurnDefers.declaredInView(m.group(1), lines.length, j -> known.get(j),
                    j -> lines[j - 1])
                    || READ.matcher(s).find() || readChunk(s)) {
                return true;
            }
            adds |= WAIT_GROUP_ADD.matcher(s).find();
            spawns |= GO_WITH_ARGUMENT.matcher(s).find();
        }
        return adds && spawns;
    }

    /**
     * (session 51, log51) The line is in an {@code if} opened in sight whose own block opens above the hunk and reads
     * the next unit of a stream above the {@code if} ({@code line, err := br.ReadBytes('\n')} then {@code if len(line)
     * > 0 {...}}): a branch that filters each unit read runs per unit as the turn does. Not a failure branch, a branch
     * that leaves, a debug, sample or once-only test, a callback (as {@link CursorLoops#perIteration} reads them), and
     * only the read cues (not a collected value or a spawned worker).
     */
    private static boolean readBranch(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow();
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length) {
            return false;
        }
        int depth = GoChannelLoops.tabs(lines[row]);
        int branch = row - 1;
        for (; branch >= 0 && known.get(branch + 1); branch--) {
            if (!lines[branch].isBlank() && GoChannelLoops.tabs(lines[branch]) < depth) {
                break;
            }
        }
        if (branch < 0 || !known.get(branch + 1) || GoChannelLoops.tabs(lines[branch]) != depth - 1 || depth - 1 < 2
                || !BRANCH_HEAD.matcher(lines[branch]).find()) {
            return false;
        }
        boolean read = false;
        int at = branch - 1;
        for (; at >= 0 && known.get(at + 1); at--) {
            String text = lines[at];
            if (text.isBlank()) {
                continue;
            }
            int d = GoChannelLoops.tabs(text);
            if (d < depth - 1) {
                return false; // the branch's own block opens in sight: the tree has judged its header
            }
            read |= d == depth - 1 && (READ.matcher(text).find() || readChunk(text));
        }
        return at >= 0 && read && CursorLoops.perIteration(log, src, branch, true);
    }

    /** An if's header line, with no else: {@code if len(line) > 0 {}. */
    private static final Pattern BRANCH_HEAD = Pattern.compile("^\\s*if\\s[^{]*\\{\\s*$");

    /** A statement that cuts a buffer to a read's count, not in place ({@link #READ_SLICE}). */
    private static boolean readChunk(String statement) {
        if (!READ_SLICE.matcher(statement).find()) {
            return false;
        }
        Matcher self = SELF_SLICE.matcher(statement);
        return !(self.find() && self.group(1).equals(self.group(2)));
    }
}
