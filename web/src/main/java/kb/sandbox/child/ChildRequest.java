package kb.sandbox.child;

import java.io.IOException;

/**
 * What the parent asks a warmed child to run, with the limits the child enforces on itself.
 *
 * @param source         the user's text: any number of snippets
 * @param outputCapBytes stdout and stderr together; the child stops at this many bytes and halts
 * @param maxNewThreads  threads the snippets may have alive at once beyond those of the idle child
 * @param cpuMillis      CPU time the whole child may spend on the run, all threads together
 */
public record ChildRequest(String source, int outputCapBytes, int maxNewThreads, long cpuMillis) {

    public byte[] encode() {
        return new Wire.Writer().string(source).integer(outputCapBytes).integer(maxNewThreads)
                .longValue(cpuMillis).bytes();
    }

    public static ChildRequest decode(byte[] payload) throws IOException {
        var in = new Wire.Reader(payload);
        return new ChildRequest(in.string(), in.integer(), in.integer(), in.longValue());
    }
}
