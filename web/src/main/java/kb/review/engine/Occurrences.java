package kb.review.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code text.contains(needle)} for the prefilters' needles, answered from one pass over the text. The prefilters ask
 * a file's lowered text for every word of every model entry, rule and trigger before an analysis may run: hundreds of
 * {@code indexOf} calls over the same text, the largest single cost of a review after parsing. Here each needle asked
 * for is remembered, and a text asked about is read once by an Aho-Corasick automaton over all the needles known so
 * far; the needles it holds are kept per thread for the last few texts (held weakly, compared by identity). A needle
 * the automaton does not know yet, or a short text, is answered by {@code contains} itself, so the answer never
 * differs from it; only the time does.
 */
final class Occurrences {

    private Occurrences() {
    }

    /** Below this many characters a text is searched directly: reading it whole would cost more than it saves. */
    private static final int SHORT_TEXT = 512;
    /** Needles come from the rule book; past this many the index stops growing and {@code contains} answers. */
    private static final int MAX_NEEDLES = 20_000;
    private static final int MAX_NEEDLE_LENGTH = 100;
    /** Texts whose needles a thread keeps (a file's text and a few helper bodies around it). */
    private static final int SLOTS = 4;

    /** Each needle asked for: its number in the automaton, or -1 when it cannot be put there (non-ASCII, long). */
    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    /** The indexable needles in the order of their numbers; guarded by the class. */
    private static final List<String> NEEDLES = new ArrayList<>();
    /** How many of them there are (read without the lock, to see whether the automaton is behind). */
    private static volatile int indexed;
    private static volatile Automaton automaton = Automaton.build(List.of());

    private static final ThreadLocal<Slot[]> RECENT = ThreadLocal.withInitial(() -> new Slot[SLOTS]);
    private static final ThreadLocal<int[]> NEXT_SLOT = ThreadLocal.withInitial(() -> new int[1]);

    /** Exactly {@code text.contains(needle)}. */
    static boolean contains(String text, String needle) {
        if (text.length() < SHORT_TEXT) {
            return text.contains(needle);
        }
        int id = id(needle);
        if (id < 0) {
            return text.contains(needle);
        }
        Slot[] slots = RECENT.get();
        Slot slot = null;
        for (Slot s : slots) {
            if (s != null && s.text.get() == text) {
                slot = s;
                break;
            }
        }
        if (slot == null || id >= slot.automaton.count) {
            Automaton a = current();
            if (id >= a.count) {
                return text.contains(needle);
            }
            Slot fresh = new Slot(new WeakReference<>(text), a, a.scan(text));
            int i;
            if (slot != null) {
                i = indexOf(slots, slot);
            } else {
                int[] turn = NEXT_SLOT.get();
                i = turn[0];
                turn[0] = (i + 1) % SLOTS;
            }
            slots[i] = fresh;
            slot = fresh;
        }
        return slot.holds(id);
    }

    /**
     * A text asked about many times by a caller that keeps it, in turn with more texts than a thread remembers (the
     * manual checks ask each file's added text for each trigger's needles): its needles are read once per handle.
     */
    static final class Text {
        private final String text;
        private Slot slot;

        Text(String text) {
            this.text = text;
        }

        /** Exactly {@code text.contains(needle)}. */
        boolean contains(String needle) {
            if (text.length() < SHORT_TEXT) {
                return text.contains(needle);
            }
            int id = id(needle);
            if (id < 0) {
                return text.contains(needle);
            }
            if (slot == null || id >= slot.automaton.count) {
                Automaton a = current();
                if (id >= a.count) {
                    return text.contains(needle);
                }
                slot = new Slot(null, a, a.scan(text));
            }
            return slot.holds(id);
        }
    }

    /** The needle's number in the automaton; -1 when it has none yet (it is registered now) or cannot have one. */
    private static int id(String needle) {
        Integer id = IDS.get(needle);
        if (id == null) {
            register(needle);
            return -1;
        }
        return id;
    }

    private static int indexOf(Slot[] slots, Slot slot) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return 0;
    }

    private static synchronized void register(String needle) {
        if (IDS.containsKey(needle)) {
            return;
        }
        boolean indexable = !needle.isEmpty() && needle.length() <= MAX_NEEDLE_LENGTH && NEEDLES.size() < MAX_NEEDLES
                && needle.chars().allMatch(c -> c < 128);
        if (indexable) {
            NEEDLES.add(needle);
            indexed = NEEDLES.size();
        }
        IDS.put(needle, indexable ? NEEDLES.size() - 1 : -1);
    }

    /**
     * The automaton over the needles registered so far. It is rebuilt when enough were added since the last build (a
     * quarter more, or a first batch), or when a few stayed behind for a while; until then a new needle is answered
     * by {@code contains}. A cold review registers most needles in its first files: rebuilding for each of the later
     * ones would cost more than it saves.
     */
    private static Automaton current() {
        Automaton a = automaton;
        int behind = indexed - a.count;
        if (behind == 0 || behind < Math.max(FIRST_BATCH, a.count / 4) && ASKED_BEHIND.incrementAndGet() < PATIENCE) {
            return a;
        }
        synchronized (Occurrences.class) {
            if (automaton.count != NEEDLES.size()) {
                automaton = Automaton.build(List.copyOf(NEEDLES));
                ASKED_BEHIND.set(0);
            }
            return automaton;
        }
    }

    private static final int FIRST_BATCH = 32;
    /** How many times a text may be asked about while the automaton lacks a few needles, before it is rebuilt. */
    private static final int PATIENCE = 256;
    private static final java.util.concurrent.atomic.AtomicInteger ASKED_BEHIND =
            new java.util.concurrent.atomic.AtomicInteger();

    /** What one text holds: the needles numbered below {@code automaton.count} that occur in it. */
    private record Slot(WeakReference<String> text, Automaton automaton, long[] found) {
        boolean holds(int id) {
            return (found[id >>> 6] & (1L << id)) != 0;
        }
    }

    /**
     * An Aho-Corasick automaton with its transitions completed (one array read per character of the text). Characters
     * are mapped to the classes of the ASCII characters the needles use; every other character leads back to the
     * start, since no needle holds it.
     */
    static final class Automaton {
        final int count;
        private final int width;
        private final byte[] classOf = new byte[128];
        private final int[] next;
        /** The needle ending at a state, or -1; and the nearest state down its failure chain that ends one. */
        private final int[] ends;
        private final int[] moreEnds;

        private Automaton(int count, int width, int states) {
            this.count = count;
            this.width = width;
            this.next = new int[states * width];
            this.ends = new int[states];
            this.moreEnds = new int[states];
        }

        static Automaton build(List<String> needles) {
            byte[] classOf = new byte[128];
            int width = 1;
            int states = 1;
            for (String n : needles) {
                states += n.length();
                for (int i = 0; i < n.length(); i++) {
                    char c = n.charAt(i);
                    if (classOf[c] == 0) {
                        classOf[c] = (byte) width++;
                    }
                }
            }
            Automaton a = new Automaton(needles.size(), width, states);
            System.arraycopy(classOf, 0, a.classOf, 0, 128);
            java.util.Arrays.fill(a.next, -1);
            java.util.Arrays.fill(a.ends, -1);
            int used = 1;
            for (int id = 0; id < needles.size(); id++) {
                String n = needles.get(id);
                int s = 0;
                for (int i = 0; i < n.length(); i++) {
                    int k = s * width + classOf[n.charAt(i)];
                    if (a.next[k] < 0) {
                        a.next[k] = used++;
                    }
                    s = a.next[k];
                }
                a.ends[s] = id;
            }
            // breadth first: each state's failure is the longest proper suffix of its text that is a trie state
            int[] fail = new int[used];
            java.util.Arrays.fill(a.moreEnds, -1);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < width; c++) {
                int t = a.next[c];
                if (t < 0) {
                    a.next[c] = 0;
                } else {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                int f = fail[s];
                a.moreEnds[s] = a.ends[f] >= 0 ? f : a.moreEnds[f];
                for (int c = 0; c < width; c++) {
                    int k = s * width + c;
                    int t = a.next[k];
                    if (t < 0) {
                        a.next[k] = a.next[f * width + c];
                    } else {
                        fail[t] = a.next[f * width + c];
                        queue.add(t);
                    }
                }
            }
            return a;
        }

        /** The needles {@code text} holds, as bits by number. */
        long[] scan(String text) {
            long[] found = new long[(count + 63) >>> 6];
            boolean[] seen = new boolean[ends.length];
            int s = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                s = next[s * width + (c < 128 ? classOf[c] : 0)];
                if (!seen[s]) {
                    seen[s] = true;
                    for (int t = ends[s] >= 0 ? s : moreEnds[s]; t >= 0; t = moreEnds[t]) {
                        found[ends[t] >>> 6] |= 1L << ends[t];
                    }
                }
            }
            return found;
        }
    }
}
