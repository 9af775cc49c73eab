package kb.sandbox.child;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The frame format parent and child speak over the child's stdin and stdout: one type byte, a
 * four-byte big-endian payload length, then the payload. Nothing else travels on those streams,
 * so the parent can reject anything that does not parse as a frame.
 */
public final class Wire {

    /** Child to parent, once: JShell is built and warmed, send the request. Empty payload. */
    public static final byte READY = 'R';
    /** Parent to child, once: a {@link ChildRequest}. */
    public static final byte REQUEST = 'Q';
    /** Child to parent: a chunk of the snippet's standard output (UTF-8). */
    public static final byte STDOUT = 'O';
    /** Child to parent: a chunk of the snippet's standard error (UTF-8). */
    public static final byte STDERR = 'E';
    /** Child to parent, last: a {@link ChildReport}; the child halts right after. */
    public static final byte REPORT = 'D';

    /** Frames larger than this are a protocol violation (requests are capped far below it). */
    public static final int MAX_PAYLOAD = 1 << 20;

    private Wire() {
    }

    /** One frame as read from a stream. */
    public record Frame(byte type, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Writes one frame; callers that share a stream must serialise calls themselves. */
    public static void write(OutputStream out, byte type, byte[] payload) throws IOException {
        // kb:ignore RES-01 -- a view over the caller's stream: closing it would close the caller's stream
        var data = new DataOutputStream(out);
        data.writeByte(type);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    /**
     * Reads one frame.
     *
     * @return the frame, or {@code null} when the stream ends cleanly before a new frame starts
     * @throws IOException when the stream ends inside a frame or a length is out of range
     */
    public static Frame read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        // kb:ignore RES-01 -- a view over the caller's stream: closing it would close the caller's stream
        var data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            throw new IOException("stream ended inside a frame header", e);
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("frame length out of range: " + length);
        }
        byte[] payload = new byte[length];
        data.readFully(payload);
        return new Frame((byte) type, payload);
    }

    /** Builds a payload from typed fields. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return integer(b.length).raw(b);
        }

        public Writer integer(int i) {
            try {
                out.writeInt(i);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Writer longValue(long l) {
            try {
                out.writeLong(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** A length-prefixed byte array. */
        public Writer blob(byte[] b) {
            return integer(b.length).raw(b);
        }

        private Writer raw(byte[] b) {
            // DataOutputStream does not buffer, so writing around it keeps the order.
            bytes.write(b, 0, b.length);
            return this;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** Reads typed fields back from a payload, failing loudly on truncation. */
    public static final class Reader {
        private final DataInputStream in;

        public Reader(byte[] payload) {
            in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        }

        public String string() throws IOException {
            return new String(blob(), StandardCharsets.UTF_8);
        }

        /** A length-prefixed byte array. */
        public byte[] blob() throws IOException {
            int n = integer();
            if (n < 0 || n > MAX_PAYLOAD) {
                throw new IOException("field length out of range: " + n);
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        public int integer() throws IOException {
            return in.readInt();
        }

        public long longValue() throws IOException {
            return in.readLong();
        }
    }
}
