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
 * tree its detectors then walk (a parse is about as costly as all the detectors' walks of it). A tree is closed as
 * soon as its file is done, so a large change does not hold every tree at once: the index closes the trees of files
 * that are not detected (context and test files), the detectors close the others, and {@link #close} whatever is
 * left. Safe for the review's parallel streams: each file is parsed by the first thread that asks for it.
 */
final class Trees implements AutoCloseable {

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

    @Override
    public void close() {
        open.values().forEach(TSTree::close);
        open.clear();
    }
}
