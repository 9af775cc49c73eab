package kb.review.diff;

import java.io.ByteArrayOutputStream;

/**
 * Drops the colour codes of a diff copied from a terminal ({@code git diff --color=always}, {@code color.ui=always},
 * a pager's output saved to a file): with them no line starts with {@code diff}, {@code @@} or {@code +}, and the text
 * was refused as not a diff at all.
 */
final class TerminalColours {

    private static final byte ESC = 0x1b;

    private TerminalColours() {
    }

    /** {@code diff} without its SGR sequences ({@code ESC [ digits and semicolons m}); the same array when it has none. */
    static byte[] strip(byte[] diff) {
        int first = sequenceAt(diff, 0);
        if (first < 0) {
            return diff;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(diff.length);
        int i = 0;
        while (i < diff.length) {
            int end = diff[i] == ESC ? sequenceEnd(diff, i) : -1;
            if (end > 0) {
                i = end;
            } else {
                out.write(diff[i++]);
            }
        }
        return out.toByteArray();
    }

    private static int sequenceAt(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == ESC && sequenceEnd(b, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the SGR sequence starting at {@code i}, or -1 when none starts there. */
    private static int sequenceEnd(byte[] b, int i) {
        if (i + 2 >= b.length || b[i + 1] != '[') {
            return -1;
        }
        int j = i + 2;
        while (j < b.length && (b[j] >= '0' && b[j] <= '9' || b[j] == ';')) {
            j++;
        }
        return j < b.length && b[j] == 'm' ? j + 1 : -1;
    }
}
