package kb.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kb.format.OutputComment;
import kb.system.Access;
import kb.system.Web;

/**
 * Output as it happens: {@code POST /api/run/stream} answers with newline-delimited JSON events
 * while the run goes on ({@code started} with the run id, {@code output} chunks with the elapsed
 * time, then {@code result}, the same object {@code POST /api/run} returns), and
 * {@code POST /api/runs/{id}/stop} kills the child of a run the same user started.
 */
final class RunStream {
    private static final SecureRandom IDS = new SecureRandom();

    private record Running(String owner, RunHandle handle) {
    }

    private final SandboxService sandbox;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    RunStream(SandboxService sandbox) {
        this.sandbox = sandbox;
    }

    /** The source and expected output of a JSON run request; the {@code // Output:} block counts when no field says otherwise. */
    static RunRequest request(String body) {
        JsonNode json;
        try {
            json = Web.objectMapper().readTree(body);
        } catch (IOException e) {
            throw new BadRequestResponse("the body must be JSON like {\"source\": \"...\"}: " + e.getMessage());
        }
        if (json == null || !json.hasNonNull("source") || !json.get("source").isTextual()) {
            throw new BadRequestResponse("the field 'source' is required and must be a string");
        }
        if (json.hasNonNull("expectedOutput") && !json.get("expectedOutput").isTextual()) {
            throw new BadRequestResponse("the field 'expectedOutput' must be a string");
        }
        String source = json.get("source").asText();
        String unreadable = json.hasNonNull("expectedOutput") ? null : OutputComment.problem(source);
        if (unreadable != null) {
            throw new BadRequestResponse("the field 'source', " + unreadable);
        }
        String expected = json.hasNonNull("expectedOutput") ? json.get("expectedOutput").asText()
                : OutputComment.expected(source);
        if (expected != null && expected.length() > SandboxConfig.EXPECTED_OUTPUT_CAP_BYTES) {
            throw new BadRequestResponse("the field 'expectedOutput' has " + expected.length()
                    + " characters; at most " + SandboxConfig.EXPECTED_OUTPUT_CAP_BYTES + " are compared");
        }
        return new RunRequest(source, false, expected);
    }

    /** {@code POST /api/run/stream}: call after the access check and the rate limit. */
    void stream(Context ctx, RunRequest request) {
        String id = HexFormat.of().formatHex(randomBytes());
        var handle = new RunHandle();
        running.put(id, new Running(owner(ctx), handle));
        try {
            ctx.status(200);
            ctx.contentType("application/x-ndjson; charset=utf-8");
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Accel-Buffering", "no");
            OutputStream out = ctx.res().getOutputStream();
            long start = System.nanoTime();
            send(out, Map.of("event", "started", "runId", id));
            var stdout = new Utf8Chunks();
            var stderr = new Utf8Chunks();
            RunResult result = sandbox.get().run(request, (isErr, bytes) -> {
                String text = (isErr ? stderr : stdout).decode(bytes);
                if (!text.isEmpty()) {
                    var event = new LinkedHashMap<String, Object>();
                    event.put("event", "output");
                    event.put("stream", isErr ? "stderr" : "stdout");
                    event.put("text", text);
                    event.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
                    try {
                        send(out, event);
                    } catch (UncheckedIOException gone) {
                        handle.stop(); // the browser went away: stop the run nobody watches
                    }
                }
            }, handle);
            var event = new LinkedHashMap<String, Object>();
            event.put("event", "result");
            event.putAll(RunController.body(result, false));
            send(out, event);
        } catch (IOException | UncheckedIOException e) {
            // The browser went away: stop the run it no longer watches.
            handle.stop();
        } finally {
            running.remove(id);
        }
    }

    /** {@code POST /api/runs/{id}/stop}: 204 when the run was found and stopped. */
    void stop(Context ctx) {
        Running r = running.get(ctx.pathParam("id"));
        if (r == null || !r.owner().equals(owner(ctx))) {
            throw new NotFoundResponse("There is no run " + ctx.pathParam("id") + " of yours in progress.");
        }
        r.handle().stop();
        ctx.status(204);
    }

    private static String owner(Context ctx) {
        return Access.user(ctx) != null ? "user:" + Access.user(ctx) : "ip:" + ctx.ip();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        IDS.nextBytes(b);
        return b;
    }

    private static void send(OutputStream out, Map<String, ?> event) {
        try {
            out.write(Web.objectMapper().writeValueAsBytes(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a stream's chunks, keeping a character split between two chunks for the next one. */
    private static final class Utf8Chunks {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        String decode(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length).put(pending).put(bytes).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, false);
            pending = in.slice();
            return chars.flip().toString();
        }
    }
}
