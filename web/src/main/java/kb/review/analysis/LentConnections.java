package kb.review.analysis;

import java.util.Set;

/**
 * Models whose values a pool or provider lends out: a connection from a {@code DataSource}, a
 * {@code ConnectionProvider}, a {@code JdbcConnectionAccess}. Their acquiring entries name a receiver (the lender), as
 * those of a socket's or a process's streams name their owner; but closing an owner closes its streams, while a
 * lender stays open for the whole process and never takes back what it lent. So a connection used up in one
 * expression ({@code provider.getConnection().getMetaData()}) is never given back, and {@link JavaDrops} reports it
 * where it skips the streams of an owner.
 */
final class LentConnections {

    /** The models of lent connections (java-jdk.yaml's and java-lenders-22.yaml's). */
    private static final Set<String> LENT = Set.of("jdbc-connection", "lent-connection");

    private LentConnections() {
    }

    /** True when what {@code m} acquires is lent by its receiver rather than owned by it. */
    static boolean lent(Model m) {
        return m.language().equals("java") && LENT.contains(m.id());
    }
}
