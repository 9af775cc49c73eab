// expect: DENIED java.lang.System.setOut
System.setOut(new PrintStream(new ByteArrayOutputStream()));
