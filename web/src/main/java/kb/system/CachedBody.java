package kb.system;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A page body kept by {@link PageCache}, cut at the request id it was rendered with so that every hit shows its
 * own id, and written to the response without being copied or compressed again per hit.
 *
 * <p>The compressed form is made once, when the page is kept: each part is deflated on its own and ends on a
 * byte boundary (a sync flush), so a hit builds a valid gzip stream by putting the parts' deflate data one after
 * the other with its request id between them as a stored (uncompressed) deflate block, behind a gzip header and
 * in front of a trailer holding the CRC-32 and the length of the whole page. Only the CRC is computed per hit.
 * Compressing the whole page again on every hit was what a reader whose client takes gzip (every browser) cost.
 */
final class CachedBody {

    /** A gzip header: deflate, no name or time, unknown system. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** Ids are short (see {@link RequestIds}); a stored deflate block holds at most this many bytes. */
    private static final int MAX_STORED = 65_535;

    private final List<byte[]> parts;
    private final List<byte[]> deflated;
    private final long plainLength;
    private final long deflatedLength;

    private CachedBody(List<byte[]> parts) {
        this.parts = parts;
        this.plainLength = parts.stream().mapToLong(p -> p.length).sum();
        List<byte[]> d = new ArrayList<>(parts.size());
        long total = 0;
        for (int i = 0; i < parts.size() && total < plainLength; i++) {
            d.add(deflate(parts.get(i), i == parts.size() - 1));
            total += d.get(i).length + 5L;
        }
        // a page cut into many small parts compresses badly (each part starts without a dictionary): kept plain
        boolean worthIt = d.size() == parts.size() && total < plainLength * 0.9;
        this.deflated = worthIt ? List.copyOf(d) : null;
        this.deflatedLength = worthIt ? total - 5L * parts.size() : 0;
    }

    /** {@code page} cut at each occurrence of {@code id} (ids shorter than 8 bytes are not looked for). */
    static CachedBody of(byte[] page, String id) {
        List<byte[]> parts = new ArrayList<>();
        byte[] needle = id.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        if (needle.length >= 8) {
            for (int i = 0; i <= page.length - needle.length; i++) {
                if (Arrays.equals(page, i, i + needle.length, needle, 0, needle.length)) {
                    parts.add(Arrays.copyOfRange(page, from, i));
                    from = i + needle.length;
                    i = from - 1;
                }
            }
        }
        parts.add(Arrays.copyOfRange(page, from, page.length));
        return new CachedBody(List.copyOf(parts));
    }

    /** Bytes this body keeps in memory, both forms (the compressed one when there is one). */
    long kept() {
        return plainLength + deflatedLength;
    }

    /** A digest of the page without its request id: the same content gives the same tag whoever rendered it. */
    String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the page with {@code id} in it to the response, gzip-compressed when the request accepts gzip and the
     * page has a compressed form, with its {@code Content-Length}. It writes to the servlet's own stream, not to
     * Javalin's, which would compress a plain body again for a reader who takes gzip and break that length.
     */
    void send(Context ctx, String id) {
        byte[] glue = id.getBytes(StandardCharsets.UTF_8);
        boolean gzip = deflated != null && glue.length <= MAX_STORED && acceptsGzip(ctx.header("Accept-Encoding"));
        int joins = parts.size() - 1;
        ctx.header("Vary", "Accept-Encoding");
        try {
            OutputStream out;
            if (gzip) {
                ctx.header("Content-Encoding", "gzip");
                ctx.res().setContentLengthLong(GZIP_HEADER.length + deflatedLength + (long) joins * (5 + glue.length) + 8);
                out = ctx.res().getOutputStream();
                writeGzip(out, glue);
            } else {
                ctx.res().setContentLengthLong(plainLength + (long) joins * glue.length);
                out = ctx.res().getOutputStream();
                writePlain(out, glue);
            }
        } catch (IOException gone) {
            // the reader went away mid-answer: there is no one to tell, and nothing of ours to undo
        }
    }

    void writePlain(OutputStream out, byte[] glue) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(glue);
            }
            out.write(parts.get(i));
        }
    }

    /** Whether this body has a compressed form (a page cut into many small parts has none). */
    boolean compressed() {
        return deflated != null;
    }

    void writeGzip(OutputStream out, byte[] glue) throws IOException {
        CRC32 crc = new CRC32();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                crc.update(glue);
            }
            crc.update(parts.get(i));
        }
        long length = plainLength + (long) (parts.size() - 1) * glue.length;
        byte[] stored = {0, (byte) glue.length, (byte) (glue.length >>> 8), (byte) ~glue.length, (byte) (~glue.length >>> 8)};
        out.write(GZIP_HEADER);
        for (int i = 0; i < deflated.size(); i++) {
            if (i > 0) {
                // a stored block that is not the last: header bits 000, padded to the byte boundary the flush left
                out.write(stored);
                out.write(glue);
            }
            out.write(deflated.get(i));
        }
        out.write(littleEndian((int) crc.getValue()));
        out.write(littleEndian((int) length)); // ISIZE is the length modulo 2^32
    }

    /** Whether an {@code Accept-Encoding} header takes gzip (named, or by {@code *}, and not with {@code q=0}). */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] fields = coding.split(";");
            String name = fields[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip") || name.equals("*")) {
                return !refused(fields);
            }
        }
        return false;
    }

    private static boolean refused(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String p = fields[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip()) <= 0;
                } catch (NumberFormatException malformed) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Raw deflate data of {@code part}, ending on a byte boundary (sync flush) unless it is the last part. */
    private static byte[] deflate(byte[] part, boolean last) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(part);
            if (last) {
                d.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(part.length / 4 + 64);
            byte[] buf = new byte[8192];
            while (true) {
                int n = last ? d.deflate(buf) : d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
                // a sync flush is complete when it did not fill the buffer
                if (last ? d.finished() : n < buf.length) {
                    return out.toByteArray();
                }
            }
        } finally {
            d.end();
        }
    }

    private static byte[] littleEndian(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
