// expect: DENIED java.nio.file.Files
System.out.println(Files.readAllLines(Path.of("/etc/passwd")));
