package kb.review.diff;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The text of a diff's bytes. Git diffs bytes, whatever encoding each file is kept in, so one diff may hold UTF-8
 * lines and the lines of a source file kept in Latin-1: each line is read as UTF-8, or as Latin-1 when it is not
 * valid UTF-8. No byte is lost or replaced, and a diff of a legacy file is reviewed rather than refused (the web form
 * refused the whole upload as "not UTF-8", naming no line, while the command line read it).
 */
public final class DiffEncoding {

    private DiffEncoding() {
    }

    /** The text of {@code bytes}, line by line as UTF-8 or else Latin-1; line ends are kept as they are. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    static String decode(byte[] bytes, int start, int end) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        StringBuilder out = new StringBuilder(end - start);
        int s = start;
        for (int i = start; i <= end; i++) {
            if (i == end || bytes[i] == '\n') {
                int stop = i == end ? end : i + 1;
                try {
                    out.append(utf8.reset().decode(ByteBuffer.wrap(bytes, s, stop - s)));
                } catch (CharacterCodingException e) {
                    out.append(new String(bytes, s, stop - s, StandardCharsets.ISO_8859_1));
                }
                s = stop;
            }
        }
        return out.toString();
    }
}
