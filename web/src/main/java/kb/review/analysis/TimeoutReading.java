package kb.review.analysis;

import kb.review.diff.SyntaxNode;

/**
 * What the timeout analyses share for one file: its source and language, a node's text, a call's arguments, and what
 * has been seen of one construction's timeouts ({@link Seen}, marked by {@link #mark}). Read by {@link Timeouts},
 * {@link TimeoutSetters} and {@link TimeoutHandOvers}.
 */
abstract class TimeoutReading {

    final byte[] src;
    final boolean go;

    TimeoutReading(byte[] src, boolean go) {
        this.src = src;
        this.go = go;
    }

    private String file;

    /** The whole source as text, decoded once. */
    String file() {
        if (file == null) {
            file = new String(src, java.nio.charset.StandardCharsets.UTF_8);
        }
        return file;
    }

    String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    static boolean same(SyntaxNode a, SyntaxNode b) {
        return a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte()
                && a.getType().equals(b.getType());
    }

    /** What has been seen of the timeouts of one construction. */
    static final class Seen {
        final boolean[] set;
        boolean disabled;
        boolean handedOver;
        /** A call on the construction that reaches no network peer (a dial of a unix socket). */
        boolean local;
        /** A call on the construction under a context the function bounds ({@link TimeoutModel#contextBound}). */
        boolean bounded;

        Seen(int n) {
            set = new boolean[n];
        }
    }

    void mark(TimeoutModel m, String name, String value, Seen seen) {
        if (m == null) {
            return; // only climbing the chain
        }
        if (m.localUse() != null && m.localUse().matcher(name + "(" + value + ")").find()) {
            seen.local = true;
        }
        for (int i = 0; i < m.timeout().size(); i++) {
            if (m.timeout().get(i).matcher(name).matches()) {
                if (!go && m.configBound() != null && ConfigArguments.hollow(file(), value, m.configBound())) {
                    continue; // a configuration object built in sight with no timeout of its own
                }
                if (m.disabled() != null && m.disabled().matcher(value.strip()).find()) {
                    seen.disabled = true;
                } else {
                    seen.set[i] = true;
                }
            }
        }
    }

    String arguments(SyntaxNode args) {
        if (args == null || args.isNull()) {
            return "";
        }
        String a = text(args).strip();
        return a.startsWith("(") && a.endsWith(")") ? a.substring(1, a.length() - 1) : a;
    }
}
