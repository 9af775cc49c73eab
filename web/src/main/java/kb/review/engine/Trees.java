package kb.review.engine;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kb.review.diff.SourceFile;
import kb.review.diff.TreeSitter;
import org.treesitter.TSTree;

/**
 * The tree-sitter trees of one review, each file parsed once: the helper index reads a file's declarations from the
 * tree its detectors then walk (a parse is about as costly as all the detectors' walks of it). The trees of the
 * files to be detected are therefore held from the index until each file's detection ends (native memory in
 * proportion to the change, as its text is); the index closes the trees of the other files (context and test files)
 * as soon as it has read them, and {@link #close} whatever is left. Safe for the review's parallel streams: each file is parsed by the first thread that asks for it. A tree
 * that is never closed (the review failed) is freed by tree-sitter's cleaner once nothing references it.
 */
final class Trees {

    private final Set<SourceFile> detected = Collections.newSetFromMap(new IdentityHashMap<>());
    // SourceFile does not override equals: keys are compared by identity, as in the set above
    private final Map<SourceFile, TSTree> open = new ConcurrentHashMap<>();

    /** @param detected the files whose detectors will ask for their tree after the index has read it */
    Trees(Iterable<SourceFile> detected) {
        detected.forEach(this.detected::add);
    }

    /** The file's tree, parsed on first use; it stays open until {@link #done} or {@link #close}. */
    TSTree of(SourceFile file) {
        return open.computeIfAbsent(file, f -> TreeSitter.parse(f.language(), f.text()));
    }

    /** The index has read the file: its tree is kept only when a detector will read it too. */
    void indexed(SourceFile file) {
        if (!detected.contains(file)) {
            done(file);
        }
    }

    /** Closes the file's tree, if open: nothing reads it any more. */
    void done(SourceFile file) {
        TSTree t = open.remove(file);
        if (t != null) {
            t.close();
        }
    }

    /**
     * Closes every tree still open; call it only when no task of the review can still be reading one (so not from a
     * finally around a parallel stream, whose other tasks may go on after one has thrown).
     */
    void close() {
        open.values().forEach(TSTree::close);
        open.clear();
    }
}
