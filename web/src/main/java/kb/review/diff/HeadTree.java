package kb.review.diff;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The Java sources of a commit written to a temporary folder, for the symbol solver in repo mode: the review looks at
 * {@code --head}, not at whatever the working tree holds (uncommitted edits, another branch checked out). At most
 * {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes are written, in tree order; a type beyond that stays unknown
 * and the models fall back to names. {@link #close()} deletes the folder.
 */
public final class HeadTree implements AutoCloseable {

    public static final int MAX_FILES = 5_000;
    public static final long MAX_BYTES = 32L << 20;

    private final Path dir;
    private final int files;

    private HeadTree(Path dir, int files) {
        this.dir = dir;
        this.files = files;
    }

    /**
     * Writes the {@code .java} files of {@code head} (a revision) of the repository at {@code repoDir}.
     *
     * @throws IOException when the repository or the revision cannot be read, or the folder cannot be written
     */
    public static HeadTree write(Path repoDir, String head) throws IOException {
        Path dir = Files.createTempDirectory("kb-review-head");
        int count = 0;
        long bytes = 0;
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoDir.toFile()).readEnvironment()
                .setMustExist(true).build(); RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            var id = repo.resolve(head + "^{commit}");
            if (id == null) {
                throw new IOException("revision '" + head + "' not found in " + repoDir);
            }
            tw.addTree(walk.parseCommit(id).getTree());
            tw.setRecursive(true);
            while (tw.next() && count < MAX_FILES && bytes < MAX_BYTES) {
                String path = tw.getPathString();
                Path target = dir.resolve(path).normalize();
                // a path from the tree never leaves the folder (git refuses '..' entries; checked all the same)
                if (!path.endsWith(".java") || !target.startsWith(dir)) {
                    continue;
                }
                byte[] content = repo.open(tw.getObjectId(0)).getBytes();
                Files.createDirectories(target.getParent());
                Files.write(target, content);
                bytes += content.length;
                count++;
            }
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
        return new HeadTree(dir, count);
    }

    /** The folder holding the commit's Java files at their repository paths. */
    public Path dir() {
        return dir;
    }

    /** How many files were written. */
    public int files() {
        return files;
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind costs disk space, never a review
        }
    }
}
