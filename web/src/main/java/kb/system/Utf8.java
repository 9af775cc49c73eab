package kb.system;

import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding for what users hand us (files, uploads, request bodies): invalid bytes make the
 * input rejected with a clear message instead of turning silently into replacement characters.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or empty when {@code bytes} are not valid UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** An uploaded file as text, or empty when it is not valid UTF-8. */
    public static Optional<String> decode(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
