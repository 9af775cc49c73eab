package kb.review.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** Finding a tool on the caller's PATH and reading what it prints, bounded. */
final class Executables {
    private Executables() {
    }

    /** The tool's absolute path on {@code environment}'s PATH, or null. */
    static String find(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Reads a stream to its end on another thread, keeping at most {@code cap} bytes. */
    static Supplier<String> drain(InputStream stream, int cap) {
        // A thread of its own, not the common pool: the read blocks for as long as the tool runs.
        var task = new FutureTask<String>(() -> {
            var kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (InputStream in = stream) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (kept.size() < cap) {
                        kept.write(buffer, 0, Math.min(n, cap - kept.size()));
                    }
                }
            } catch (IOException e) {
                // The tool is gone; what was read is kept.
            }
            return kept.toString(StandardCharsets.UTF_8);
        });
        // kb:ignore CONC-01 -- the thread runs only a FutureTask, which keeps any exception for task.get()
        var reader = new Thread(task, "kb-peer-output");
        reader.setDaemon(true);
        // The task catches what the read throws; anything else would end only this reader, so say so.
        reader.setUncaughtExceptionHandler((t, e) -> System.err.println("review: reading a peer tool's output failed: " + e));
        reader.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            } catch (ExecutionException e) {
                return "";
            }
        };
    }
}
