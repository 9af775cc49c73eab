package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound9Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-9 Java models of files, channels and native memory (content/rules/models/java-libraries-2.yaml): a Cloud
 * Storage read channel, a Commons IO file stream, a POI workbook and an Inflater, each held until closed or ended
 * (RES-01). Split from {@link JavaLibraryModelsRound9Test}, whose {@code items} check they share: each defect is
 * paired with the look-alike that releases in try-with-resources or finally; findings are compared as "line:item".
 */
class JavaLibraryModelsRound9FilesTest {

    // --- a Cloud Storage read channel never closed / opened in try-with-resources ---

    private static final String J_GCS_READER = """
            package app;

            import com.google.cloud.ReadChannel;
            import com.google.cloud.storage.BlobId;
            import com.google.cloud.storage.Storage;
            import java.io.IOException;
            import java.nio.ByteBuffer;

            public class Blobs {
                private final Storage storage;

                public Blobs(Storage storage) {
                    this.storage = storage;
                }

                public int firstBytes(BlobId id, ByteBuffer buf) throws IOException {
            %s
                        return reader.read(buf);
            %s
                }
            }
            """;

    @Test
    void java_gcs_reader_defect_is_reported() {
        assertEquals(List.of("17:RES-01"), items("src/main/java/app/Blobs.java", J_GCS_READER.formatted("        ReadChannel reader = storage.reader(id);\n        {", "        }")));
    }

    @Test
    void java_gcs_reader_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Blobs.java", J_GCS_READER.formatted("        try (ReadChannel reader = storage.reader(id)) {", "        }")));
    }

    // --- a Commons IO file stream closed on no path / opened in try-with-resources ---

    private static final String J_COMMONS_IO = """
            package app;

            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.commons.io.FileUtils;

            public class Magic {
                public boolean isZip(File file) throws IOException {
                    byte[] head = new byte[2];
            %s
                        return in.read(head) == 2 && head[0] == 'P' && head[1] == 'K';
            %s
                }
            }
            """;

    @Test
    void java_commons_io_defect_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/app/Magic.java", J_COMMONS_IO.formatted("        InputStream in = FileUtils.openInputStream(file);\n        {", "        }")));
    }

    @Test
    void java_commons_io_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Magic.java", J_COMMONS_IO.formatted("        try (InputStream in = FileUtils.openInputStream(file)) {", "        }")));
    }

    // --- a POI workbook never closed / opened in try-with-resources ---

    private static final String J_POI_WORKBOOK = """
            package app;

            import java.io.IOException;
            import java.io.InputStream;
            import org.apache.poi.xssf.usermodel.XSSFWorkbook;

            public class Sheets {
                public int rows(InputStream in) throws IOException {
            %s
                        return workbook.getSheetAt(0).getPhysicalNumberOfRows();
            %s
                }
            }
            """;

    @Test
    void java_poi_workbook_defect_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/app/Sheets.java", J_POI_WORKBOOK.formatted("        XSSFWorkbook workbook = new XSSFWorkbook(in);\n        {", "        }")));
    }

    @Test
    void java_poi_workbook_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Sheets.java", J_POI_WORKBOOK.formatted("        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {", "        }")));
    }

    // --- an Inflater whose native memory is never ended / ended in finally ---

    private static final String J_INFLATER = """
            package app;

            import java.util.zip.DataFormatException;
            import java.util.zip.Inflater;

            public class Unzip {
                public int inflate(byte[] in, byte[] out) throws DataFormatException {
                    Inflater inflater = new Inflater();
            %s
                        inflater.setInput(in);
                        return inflater.inflate(out);
            %s
                }
            }
            """;

    @Test
    void java_inflater_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/app/Unzip.java", J_INFLATER.formatted("        {", "        }")));
    }

    @Test
    void java_inflater_look_alike_is_clean() {
        assertEquals(List.of(), items("src/main/java/app/Unzip.java", J_INFLATER.formatted("        try {", "        } finally {\n            inflater.end();\n        }")));
    }
}
