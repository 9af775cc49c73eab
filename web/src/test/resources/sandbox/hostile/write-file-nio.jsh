// expect: DENIED java.nio.file
Files.writeString(Path.of("${MARKER}/nio.txt"), "pwned");
