package kb.sandbox.child;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Code shaped like the snippets people run (collections, lambdas, streams, records, string
 * concatenation and formatting, exceptions), executed by the run child's training run so that the
 * class-data-sharing archive holds what such code loads.
 */
final class TrainingSnippet {
    private record Pair(int a, String b) {
    }

    private TrainingSnippet() {
    }

    /**
     * @param full {@code true} for the training run (streams, maps, formatting as well);
     *             {@code false} for the light warm-up before ready: the bootstrap methods alone
     */
    static String run(boolean full) {
        var list = new ArrayList<>(List.of(3, 1, 2));
        java.util.function.IntUnaryOperator twice = i -> i * 2;
        var pair = new Pair(twice.applyAsInt(list.get(0)), "b");
        String text = "n" + list.size() + ':' + pair + pair.equals(new Pair(6, "b")) + pair.hashCode();
        if (!full) {
            return text;
        }
        Collections.sort(list);
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (int i = 0; i < 4; i++) {
            counts.merge("k" + (i % 2), 1, Integer::sum);
        }
        int sum = list.stream().map(i -> i * 2).filter(i -> i > 1).mapToInt(Integer::intValue).sum();
        String joined = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        text += String.format("%d %s %s", sum, joined, counts) + new AtomicLong(sum).incrementAndGet();
        try {
            throw new IllegalStateException("training " + text.length());
        } catch (RuntimeException e) {
            text += e.getMessage();
        }
        return text;
    }
}
