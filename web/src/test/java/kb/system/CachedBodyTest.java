package kb.system;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachedBodyTest {

    private static final String RENDERED_WITH = "0f0e0d0c-aaaa-bbbb-cccc-111122223333";
    private static final String HIT = "9a9b9c9d-1234-5678-9abc-def012345678";

    /** A page of {@code size} bytes, half compressible text and half noise, with the id at the given places. */
    private static String page(int size, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            b.append(r.nextBoolean() ? "<li>timeline entry " + r.nextInt(50) + "</li>\n" : Long.toHexString(r.nextLong()));
        }
        return b.toString();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[][] both(String rendered) throws IOException {
        CachedBody body = CachedBody.of(rendered.getBytes(StandardCharsets.UTF_8), RENDERED_WITH);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        body.writePlain(plain, HIT.getBytes(StandardCharsets.UTF_8));
        if (!body.compressed()) {
            return new byte[][] {plain.toByteArray(), null};
        }
        body.writeGzip(gz, HIT.getBytes(StandardCharsets.UTF_8));
        return new byte[][] {plain.toByteArray(), gz.toByteArray()};
    }

    @Test
    void both_forms_carry_the_hits_own_id_wherever_the_rendered_id_stood() throws IOException {
        String[] shapes = {
                "<p>" + RENDERED_WITH + "</p>",
                RENDERED_WITH + page(20_000, 1) + RENDERED_WITH,
                page(50_000, 2) + RENDERED_WITH + RENDERED_WITH + page(30_000, 3) + RENDERED_WITH + "é中文",
                page(5_000, 4),
                "",
        };
        for (String rendered : shapes) {
            byte[] expected = rendered.replace(RENDERED_WITH, HIT).getBytes(StandardCharsets.UTF_8);
            byte[][] out = both(rendered);
            assertArrayEquals(expected, out[0], "plain form");
            if (rendered.length() > 4_000) {
                assertArrayEquals(expected, gunzip(out[1]), "gzip form, for a page of " + rendered.length() + " chars");
            }
        }
    }

    @Test
    void the_gzip_form_is_smaller_than_the_page_it_holds() throws IOException {
        String rendered = page(60_000, 5) + "<footer>" + RENDERED_WITH + "</footer>";
        byte[][] out = both(rendered);
        assertTrue(out[1].length < out[0].length * 0.7, "gzip " + out[1].length + " bytes for " + out[0].length);
    }

    @Test
    void a_page_cut_into_many_small_parts_keeps_no_compressed_form() {
        String many = page(60_000, 6).replace("timeline", "timeline " + RENDERED_WITH);
        CachedBody body = CachedBody.of(many.getBytes(StandardCharsets.UTF_8), RENDERED_WITH);
        assertFalse(body.compressed());
        assertTrue(body.kept() < many.length(), "only the plain form is kept");
        assertTrue(CachedBody.of((page(60_000, 6) + RENDERED_WITH).getBytes(StandardCharsets.UTF_8), RENDERED_WITH).compressed());
    }

    @Test
    void the_digest_ignores_the_request_id_but_not_the_content() {
        byte[] a = ("<p>x " + RENDERED_WITH + "</p>").getBytes(StandardCharsets.UTF_8);
        byte[] b = ("<p>x " + HIT + "</p>").getBytes(StandardCharsets.UTF_8);
        byte[] c = ("<p>y " + HIT + "</p>").getBytes(StandardCharsets.UTF_8);
        assertEquals(CachedBody.of(a, RENDERED_WITH).digest(), CachedBody.of(b, HIT).digest());
        assertNotEquals(CachedBody.of(a, RENDERED_WITH).digest(), CachedBody.of(c, HIT).digest());
    }

    @Test
    void accept_encoding_is_read_with_its_weights() {
        assertTrue(CachedBody.acceptsGzip("gzip, deflate, br"));
        assertTrue(CachedBody.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(CachedBody.acceptsGzip("*"));
        assertFalse(CachedBody.acceptsGzip(null));
        assertFalse(CachedBody.acceptsGzip("identity"));
        assertFalse(CachedBody.acceptsGzip("gzip;q=0"));
        assertFalse(CachedBody.acceptsGzip("gzip; q=0.000"));
        assertFalse(CachedBody.acceptsGzip("deflate, br"));
        assertFalse(CachedBody.acceptsGzip("gzipped"));
    }
}
