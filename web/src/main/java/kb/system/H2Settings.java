package kb.system;

import java.util.Locale;

/**
 * The setting an embedded H2 file database needs so that no acknowledged write is lost; applied to
 * every H2 file URL, the default one and one given in {@code KB_DB_URL}.
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: H2 otherwise keeps committed transactions in memory for up to 500 ms
 *       before writing them to the file, so {@code kill -9} or an OOM kill loses writes that were
 *       already answered 201/200. With 0 every commit reaches the operating system before the commit
 *       returns (it survives the process dying, not the machine losing power: no fsync per commit).
 *       Measured cost on this machine: a single-row commit takes ~0.15-0.3 ms instead of ~0.02-0.07 ms,
 *       far below an HTTP request's own cost, and the file grows by old chunks that H2 reuses after
 *       its 45 s retention time.</li>
 * </ul>
 * A setting already present in the URL is left as the operator wrote it. (H2's own shutdown hook, which
 * would close the database under requests still draining, is dealt with by the orderly stop in
 * {@code kb.ops}: {@code DB_CLOSE_ON_EXIT=FALSE} cannot be combined with {@code AUTO_SERVER}.)
 */
public final class H2Settings {

    private H2Settings() {
    }

    /** {@code url} with the missing settings added when it is an H2 file database, otherwise unchanged. */
    public static String durable(String url) {
        if (!isH2File(url)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            b.append(";WRITE_DELAY=0");
        }
        return b.toString();
    }

    /** An embedded H2 database kept in a file (not in memory, not on an H2 server). */
    public static boolean isH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }
}
