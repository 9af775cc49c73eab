package kb.review.engine;

/** Turns a Go source text into the diff that adds it as a new file, for the Go concurrency class tests. */
final class GoNewFileDiffs {

    private GoNewFileDiffs() {
    }

    static String newFile(String path, String source) {
        String[] lines = source.split("\n", -1);
        int n = source.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder out = new StringBuilder()
                .append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                .append("new file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/").append(path).append('\n')
                .append("@@ -0,0 +1,").append(n).append(" @@\n");
        for (int i = 0; i < n; i++) {
            out.append('+').append(lines[i]).append('\n');
        }
        return out.toString();
    }
}
