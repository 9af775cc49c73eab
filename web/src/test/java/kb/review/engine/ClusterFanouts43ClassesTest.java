package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 43 (branch anchor43), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A goroutine per element of a Go range (CONC-02's {@code go-goroutine-per-range-element}) over a cluster's
 * nodes, members, replicas or brokers is as wide as the cluster the operator runs, like a fan-out over its servers
 * or shards: clean (an exporter's scrape of each node, a ping of each raft member). A fan-out over input that grows
 * with use stays reported: a request per topic, a summary per application.</li>
 * </ul>
 */
class ClusterFanouts43ClassesTest {

    @Test
    void a_goroutine_per_cluster_node_is_bounded_and_one_per_topic_or_application_is_not() {
        ClassDiffs25.check("anchor43-cluster-fanouts", Set.of("CONC-02"));
    }
}
