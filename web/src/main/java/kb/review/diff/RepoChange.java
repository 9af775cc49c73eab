package kb.review.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads the code a review looks at: from a Git checkout (repo mode) or from files on disk (files mode). */
public final class RepoChange {

    private RepoChange() {
    }

    /**
     * The change from the merge base of {@code base} and {@code head} to {@code head} (what a pull request adds, as
     * {@code git diff base...head} shows it), with every changed file's full text at {@code head}.
     *
     * @throws IOException when the folder is not a Git repository or a revision does not resolve
     */
    public static List<SourceFile> fromGit(Path repoDir, String base, String head)
            throws IOException, DiffFormatException {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoDir.toFile()).readEnvironment()
                .setMustExist(true).build(); RevWalk walk = new RevWalk(repo)) {
            RevCommit headCommit = walk.parseCommit(resolve(repo, head));
            RevCommit baseCommit = walk.parseCommit(resolve(repo, base));
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(headCommit);
            walk.markStart(baseCommit);
            RevCommit mergeBase = walk.next();
            RevCommit from = mergeBase == null ? baseCommit : walk.parseCommit(mergeBase);
            ByteArrayOutputStream patch = new ByteArrayOutputStream();
            try (DiffFormatter fmt = new DiffFormatter(patch)) {
                fmt.setRepository(repo);
                fmt.setDetectRenames(true);
                fmt.format(from.getTree(), headCommit.getTree());
            }
            List<SourceFile> out = new ArrayList<>();
            for (ChangedFile f : DiffParser.parse(patch.toByteArray())) {
                if (f.binary() || f.change() == ChangedFile.Change.DELETED) {
                    out.add(SourceFile.fromDiff(f));
                    continue;
                }
                try (TreeWalk tw = TreeWalk.forPath(repo, f.path(), headCommit.getTree())) {
                    if (tw == null) {
                        out.add(SourceFile.fromDiff(f));
                    } else {
                        byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
                        SourceFile file = SourceFile.withContent(f, new String(bytes, StandardCharsets.UTF_8));
                        if (f.change() != ChangedFile.Change.ADDED && f.removesLines()) {
                            // the base's file too, so the review can tell what the change itself broke
                            try (TreeWalk old = TreeWalk.forPath(repo, f.oldPath(), from.getTree())) {
                                if (old != null) {
                                    file.withBefore(f.reversed(), new String(repo.open(old.getObjectId(0)).getBytes(),
                                            StandardCharsets.UTF_8));
                                }
                            }
                        }
                        out.add(file);
                    }
                }
            }
            return out;
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new IOException(repoDir + " is not a Git repository");
        }
    }

    /** How much unchanged code {@link #packageContext} and {@link #folderContext} read at most. */
    public static final int CONTEXT_FILES = 400;
    public static final long CONTEXT_BYTES = 8L << 20;

    /**
     * The unchanged Go and Java files at {@code head} in the folders of the changed files: a Go package is a folder,
     * and a Java package's package-private helpers sit beside the classes that call them. The review indexes the
     * helpers they declare; it reports nothing in them. At most {@link #CONTEXT_FILES} files and
     * {@link #CONTEXT_BYTES} bytes are read, nearest folders first.
     */
    public static List<SourceFile> packageContext(Path repoDir, String head, List<SourceFile> changed)
            throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoDir.toFile()).readEnvironment()
                .setMustExist(true).build(); RevWalk walk = new RevWalk(repo)) {
            RevCommit headCommit = walk.parseCommit(resolve(repo, head));
            Context ctx = new Context(changed);
            for (String folder : ctx.folders) {
                try (TreeWalk tw = folder.isEmpty() ? new TreeWalk(repo) : TreeWalk.forPath(repo, folder,
                        headCommit.getTree())) {
                    if (tw == null) {
                        continue;
                    }
                    if (folder.isEmpty()) {
                        tw.addTree(headCommit.getTree());
                    } else {
                        tw.enterSubtree();
                    }
                    while (tw.next() && !ctx.full()) {
                        if (!tw.isSubtree() && ctx.wants(tw.getPathString())) {
                            ctx.add(tw.getPathString(), repo.open(tw.getObjectId(0)).getBytes());
                        }
                    }
                }
            }
            return ctx.out;
        }
    }

    /** The same for whole-files mode, from the folders on disk. */
    public static List<SourceFile> folderContext(Path root, List<SourceFile> changed) throws IOException {
        Context ctx = new Context(changed);
        for (String folder : ctx.folders) {
            Path dir = root.resolve(folder).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String rel = folder.isEmpty() ? f.getFileName().toString() : folder + "/" + f.getFileName();
                if (ctx.full()) {
                    break;
                }
                if (ctx.wants(rel)) {
                    ctx.add(rel, Files.readAllBytes(f));
                }
            }
        }
        return ctx.out;
    }

    /** The folders to read, what is already in the change, and the running totals. */
    private static final class Context {
        final Set<String> folders = new LinkedHashSet<>();
        final Set<String> seen = new HashSet<>();
        final List<SourceFile> out = new ArrayList<>();
        long bytes;

        Context(List<SourceFile> changed) {
            for (SourceFile f : changed) {
                seen.add(f.path());
                int slash = f.path().lastIndexOf('/');
                folders.add(slash < 0 ? "" : f.path().substring(0, slash));
            }
        }

        boolean wants(String path) {
            return Language.of(path) != Language.OTHER && !seen.contains(path)
                    && folders.contains(path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/')));
        }

        boolean full() {
            return out.size() >= CONTEXT_FILES || bytes >= CONTEXT_BYTES;
        }

        void add(String path, byte[] content) {
            seen.add(path);
            bytes += content.length;
            String text = new String(content, StandardCharsets.UTF_8);
            out.add(SourceFile.withContent(wholeFileAdded(path, text), text));
        }
    }

    /** How much of a checkout {@link #checkoutSources} and {@link #diskSources} read at most. */
    public static final int CHECKOUT_FILES = 20_000;
    public static final long CHECKOUT_BYTES = 64L << 20;

    /**
     * Every Go and Java file (and {@code go.mod}) of the checkout at {@code head}, path → text, for analyses that look across the
     * whole code base (who calls a function); the reviewed files' own texts stand for theirs. At most
     * {@link #CHECKOUT_FILES} files and {@link #CHECKOUT_BYTES} bytes, in tree order.
     */
    public static Map<String, String> checkoutSources(Path repoDir, String head, List<SourceFile> reviewed)
            throws IOException {
        Map<String, String> out = reviewedTexts(reviewed);
        long bytes = 0;
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(repoDir.toFile()).readEnvironment()
                .setMustExist(true).build(); RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(resolve(repo, head)).getTree());
            tw.setRecursive(true);
            while (tw.next() && out.size() < CHECKOUT_FILES && bytes < CHECKOUT_BYTES) {
                String path = tw.getPathString();
                if (indexed(path) && !out.containsKey(path)) {
                    byte[] content = repo.open(tw.getObjectId(0)).getBytes();
                    bytes += content.length;
                    out.put(path, new String(content, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** The same from the files on disk under {@code root} (files mode), skipping hidden and build folders. */
    public static Map<String, String> diskSources(Path root, List<SourceFile> reviewed) throws IOException {
        Map<String, String> out = reviewedTexts(reviewed);
        Path base = root.toAbsolutePath().normalize();
        long[] bytes = {0};
        Set<String> skipped = Set.of("target", "build", "node_modules", "out");
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(base) && (name.startsWith(".") || skipped.contains(name))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (out.size() >= CHECKOUT_FILES || bytes[0] >= CHECKOUT_BYTES) {
                    return FileVisitResult.TERMINATE;
                }
                String rel = base.relativize(f).toString().replace('\\', '/');
                if (a.isRegularFile() && indexed(rel) && !out.containsKey(rel)) {
                    bytes[0] += a.size();
                    out.put(rel, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable file holds no callers we can see
            }
        });
        return out;
    }

    /** Go and Java sources, and each Go module's {@code go.mod} (it maps import paths onto folders). */
    private static boolean indexed(String path) {
        return Language.of(path) != Language.OTHER || path.equals("go.mod") || path.endsWith("/go.mod");
    }

    private static Map<String, String> reviewedTexts(List<SourceFile> reviewed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceFile f : reviewed) {
            if (f.complete() && f.language() != Language.OTHER) {
                out.put(f.path(), f.text());
            }
        }
        return out;
    }

    private static ObjectId resolve(Repository repo, String rev) throws IOException {
        ObjectId id = repo.resolve(rev + "^{commit}");
        if (id == null) {
            throw new IOException("revision '" + rev + "' not found in " + repo.getWorkTree());
        }
        return id;
    }

    /**
     * Whole files reviewed as if every line were added: Go and Java files under each path (folders are searched
     * recursively). Paths in findings are relative to {@code root}.
     */
    public static List<SourceFile> fromFiles(Path root, List<Path> paths) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (Path p : paths) {
            Path abs = root.resolve(p).normalize();
            if (!Files.exists(abs)) {
                throw new IOException(p + ": no such file or folder");
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(abs)) {
                files = s.filter(Files::isRegularFile)
                        .filter(f -> Language.of(f.toString()) != Language.OTHER).sorted().toList();
            }
            for (Path f : files) {
                String rel = root.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString()
                        .replace('\\', '/');
                String content = Files.readString(f, StandardCharsets.UTF_8);
                out.add(SourceFile.withContent(wholeFileAdded(rel, content), content));
            }
        }
        return out;
    }

    static ChangedFile wholeFileAdded(String path, String content) {
        List<String> lines = SourceFile.splitLines(content);
        List<DiffLine> diff = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            diff.add(new DiffLine(DiffLine.Kind.ADDED, 0, i + 1, lines.get(i)));
        }
        return new ChangedFile(path, path, ChangedFile.Change.ADDED, false,
                List.of(new Hunk(0, 0, lines.isEmpty() ? 0 : 1, lines.size(), diff)));
    }
}
