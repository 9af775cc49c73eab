package kb.incidents;

/**
 * Who is saving a postmortem and why, recorded on the revision.
 *
 * @param author       user name, or {@code content} for bundled files
 * @param origin       {@code import}, {@code edit}, {@code create} or {@code restore}
 * @param baseRevision the revision the author started from; {@code null} to skip the stale-edit check
 * @param contentPath  for bundled files, the path relative to the content folder
 * @param contentHash  for bundled files, the hash of the file that was imported
 */
public record Change(String author, String origin, Integer baseRevision, String contentPath, String contentHash) {

    public static Change bundled(String path, String hash) {
        return new Change("content", "import", null, path, hash);
    }

    public static Change edit(String author, String origin, Integer baseRevision) {
        return new Change(author, origin, baseRevision, null, null);
    }

    boolean fromContent() {
        return "import".equals(origin);
    }
}
